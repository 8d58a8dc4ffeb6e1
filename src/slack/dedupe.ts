/**
 * Remembers keys for a while so the same thing is never answered twice: Slack re-delivers an event
 * with the same event_id when an ack was late, and one message can reach us as `message` and as
 * `app_mention`, or again as an edit. Bounded in size and time so memory stays flat.
 */
export class TtlSet {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs: number, private readonly maxEntries: number, private readonly now: () => number = Date.now) {}

  /** True the first time `key` is claimed within the TTL; false when it was already claimed. */
  claim(key: string): boolean {
    const t = this.now();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > t) return false;
    this.seen.delete(key);
    this.seen.set(key, t + this.ttlMs);
    this.prune(t);
    return true;
  }

  has(key: string): boolean {
    const expires = this.seen.get(key);
    return expires !== undefined && expires > this.now();
  }

  get size(): number {
    return this.seen.size;
  }

  /** Maps iterate in insertion order, so the oldest entries come first. */
  private prune(t: number): void {
    for (const [key, expires] of this.seen) {
      if (this.seen.size <= this.maxEntries && expires > t) break;
      this.seen.delete(key);
    }
  }
}
