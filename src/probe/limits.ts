/**
 * In-memory abuse limits for live probes: a token bucket per Slack user and per workspace
 * (Config.rateLimit: probes per minute), and a concurrency limiter for SMTP sessions.
 * Both answer a refusal with ErrorCode.RateLimited and a "try again in N s" the user can act on.
 * One process, one memory: enough for one bot instance; a fleet would need a shared store.
 */
import { ErrorCode, SmtpcheckError } from '../errors';

export interface TokenBucketOptions {
  /** Tokens when full = the burst allowed. */
  capacity: number;
  /** Milliseconds to earn one token back. */
  refillMs: number;
  /** Clock, injectable for tests. */
  now?: () => number;
  /** Most keys remembered; full buckets are forgotten first (they would be full again anyway). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly opts: TokenBucketOptions) {
    if (!(opts.capacity >= 1) || !(opts.refillMs > 0)) throw new RangeError('TokenBucketLimiter needs capacity >= 1 and refillMs > 0');
    this.now = opts.now ?? Date.now;
    this.maxKeys = opts.maxKeys ?? 10_000;
  }

  private bucket(key: string): Bucket {
    const now = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.opts.capacity, updated: now };
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      this.buckets.set(key, b);
      return b;
    }
    const earned = (now - b.updated) / this.opts.refillMs;
    b.tokens = Math.min(this.opts.capacity, b.tokens + earned);
    b.updated = now;
    return b;
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.updated) / this.opts.refillMs >= this.opts.capacity) this.buckets.delete(key);
    }
    // Still full of active keys: drop the oldest rather than grow without bound.
    while (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
  }

  /** Milliseconds until `key` has a token again; 0 when it has one now. */
  waitMs(key: string): number {
    const b = this.bucket(key);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) * this.opts.refillMs);
  }

  /** Take a token if there is one. */
  tryTake(key: string): boolean {
    const b = this.bucket(key);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

export interface ProbeCaller {
  /** Slack user id (or "cli", "console"). */
  user: string;
  /** Slack workspace (team) id. */
  team?: string;
}

export interface ProbeRateLimits {
  /** Probes per user per minute. */
  perUser: number;
  /** Probes per workspace per minute. */
  perTeam: number;
}

const MINUTE = 60_000;

/** Seconds for the message: at least 1, rounded up. */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Per-user and per-workspace probe limits (Config.rateLimit). A probe needs a token from both
 * buckets; when either is empty nothing is taken, so a refused call costs nothing.
 */
export class ProbeRateLimiter {
  private readonly users: TokenBucketLimiter;
  private readonly teams: TokenBucketLimiter;

  constructor(limits: ProbeRateLimits, now?: () => number) {
    this.users = new TokenBucketLimiter({ capacity: limits.perUser, refillMs: MINUTE / limits.perUser, now });
    this.teams = new TokenBucketLimiter({ capacity: limits.perTeam, refillMs: MINUTE / limits.perTeam, now });
  }

  /** Consume one probe for this caller, or throw RateLimited saying when to try again. */
  take(caller: ProbeCaller): void {
    const userWait = this.users.waitMs(caller.user);
    const teamWait = caller.team ? this.teams.waitMs(caller.team) : 0;
    if (userWait > 0) {
      throw new SmtpcheckError(ErrorCode.RateLimited, `You have run a lot of probes in the last minute. Try again in ${seconds(userWait)} s.`, { scope: 'user', retryAfterMs: userWait });
    }
    if (teamWait > 0) {
      throw new SmtpcheckError(ErrorCode.RateLimited, `This workspace has run a lot of probes in the last minute. Try again in ${seconds(teamWait)} s.`, { scope: 'team', retryAfterMs: teamWait });
    }
    this.users.tryTake(caller.user);
    if (caller.team) this.teams.tryTake(caller.team);
  }
}

/**
 * At most `max` holders at once. `acquire` waits its turn (first come, first served) unless its
 * signal aborts first; `tryAcquire` refuses at once with a RateLimited error.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly queue: { grant: () => void }[] = [];

  constructor(readonly max: number, private readonly what = 'probes') {
    if (!(max >= 1)) throw new RangeError('ConcurrencyLimiter needs max >= 1');
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next.grant();
      else this.active--;
    };
  }

  /** A slot now, or RateLimited ("N probes are running; try again in a few seconds"). */
  tryAcquire(retryHintMs = 5000): () => void {
    if (this.active >= this.max) {
      throw new SmtpcheckError(
        ErrorCode.RateLimited,
        `${this.active} ${this.what} are already running, the most smtpcheck runs at once. Try again in ${seconds(retryHintMs)} s.`,
        { scope: 'concurrency', retryAfterMs: retryHintMs },
      );
    }
    this.active++;
    return this.releaser();
  }

  /** Wait for a slot. Rejects with the signal's reason when it aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.releaser());
        },
      };
      const onAbort = () => {
        const i = this.queue.indexOf(entry);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(entry);
    });
  }

  /** Run `fn` holding a slot. */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
