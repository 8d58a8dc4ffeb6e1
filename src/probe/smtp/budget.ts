/**
 * One time budget per host session. Every phase gets what is left of it, so a tarpit or a hang ends
 * the session at the deadline whichever step it hits.
 *
 * A small slice at the end is kept back from the phases for QUIT, closing and building the result, so
 * the caller gets its answer inside the budget it gave (runProbe cuts a host off at its budget).
 */
const RESERVE_SHARE = 0.1;
const RESERVE_MAX_MS = 250;

export class Budget {
  private readonly end: number;
  private readonly phaseEnd: number;

  constructor(readonly totalMs: number) {
    const now = performance.now();
    this.end = now + totalMs;
    this.phaseEnd = this.end - Math.min(RESERVE_MAX_MS, Math.floor(totalMs * RESERVE_SHARE));
  }

  /** Milliseconds the current phase may still use, never below `floor` (timers need a positive value). */
  remaining(floor = 1): number {
    return Math.max(floor, Math.floor(this.phaseEnd - performance.now()));
  }

  /** Milliseconds left of the whole budget, wrap-up included. */
  remainingTotal(floor = 1): number {
    return Math.max(floor, Math.floor(this.end - performance.now()));
  }

  expired(): boolean {
    return performance.now() >= this.phaseEnd;
  }
}
