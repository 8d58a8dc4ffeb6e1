import { ErrorCode, SmtpcheckError } from '../../src/errors';
import { ConcurrencyLimiter, ProbeRateLimiter, TokenBucketLimiter } from '../../src/probe/limits';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

function refusal(fn: () => unknown): SmtpcheckError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SmtpcheckError);
    return err as SmtpcheckError;
  }
  throw new Error('expected a refusal');
}

describe('TokenBucketLimiter', () => {
  test('allows a burst of `capacity`, then one per refill period', () => {
    const c = clock();
    const b = new TokenBucketLimiter({ capacity: 3, refillMs: 1000, now: c.now });
    expect([b.tryTake('u'), b.tryTake('u'), b.tryTake('u'), b.tryTake('u')]).toEqual([true, true, true, false]);
    expect(b.waitMs('u')).toBe(1000);
    c.advance(400);
    expect(b.waitMs('u')).toBe(600);
    c.advance(600);
    expect(b.tryTake('u')).toBe(true);
    expect(b.tryTake('u')).toBe(false);
    expect(b.tryTake('other')).toBe(true); // keys are independent
  });

  test('never holds more than capacity, however long idle', () => {
    const c = clock();
    const b = new TokenBucketLimiter({ capacity: 2, refillMs: 10, now: c.now });
    c.advance(1_000_000);
    expect([b.tryTake('k'), b.tryTake('k'), b.tryTake('k')]).toEqual([true, true, false]);
  });

  test('memory stays bounded by maxKeys', () => {
    const c = clock();
    const b = new TokenBucketLimiter({ capacity: 1, refillMs: 60_000, now: c.now, maxKeys: 3 });
    for (const k of ['a', 'b', 'c', 'd', 'e']) b.tryTake(k);
    expect((b as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(3);
  });
});

describe('ProbeRateLimiter', () => {
  test('per user: 5 a minute, then "try again in N s" with RateLimited', () => {
    const c = clock();
    const limiter = new ProbeRateLimiter({ perUser: 5, perTeam: 100 }, c.now);
    for (let i = 0; i < 5; i++) limiter.take({ user: 'U1', team: 'T1' });
    const err = refusal(() => limiter.take({ user: 'U1', team: 'T1' }));
    expect(err.code).toBe(ErrorCode.RateLimited);
    expect(err.message).toBe('You have run a lot of probes in the last minute. Try again in 12 s.');
    expect(err.details).toMatchObject({ scope: 'user', retryAfterMs: 12000 });
    limiter.take({ user: 'U2', team: 'T1' }); // another user is not affected
    c.advance(12_000);
    limiter.take({ user: 'U1', team: 'T1' });
  });

  test('per workspace across users; a refused call does not spend the user\'s token', () => {
    const c = clock();
    const limiter = new ProbeRateLimiter({ perUser: 5, perTeam: 3 }, c.now);
    limiter.take({ user: 'A', team: 'T' });
    limiter.take({ user: 'B', team: 'T' });
    limiter.take({ user: 'C', team: 'T' });
    const err = refusal(() => limiter.take({ user: 'D', team: 'T' }));
    expect(err.code).toBe(ErrorCode.RateLimited);
    expect(err.message).toBe('This workspace has run a lot of probes in the last minute. Try again in 20 s.');
    // D was refused by the team bucket: D still has all 5 of its own tokens in another workspace.
    for (let i = 0; i < 3; i++) limiter.take({ user: 'D', team: 'OTHER1' });
    for (let i = 0; i < 2; i++) limiter.take({ user: 'D', team: 'OTHER2' });
    expect(() => limiter.take({ user: 'D', team: 'OTHER2' })).toThrow(/You have run a lot of probes/);
  });
});

describe('ConcurrencyLimiter', () => {
  test('tryAcquire refuses beyond max with RateLimited; release frees a slot', () => {
    const l = new ConcurrencyLimiter(2);
    const r1 = l.tryAcquire();
    l.tryAcquire();
    const err = refusal(() => l.tryAcquire(3000));
    expect(err.code).toBe(ErrorCode.RateLimited);
    expect(err.message).toBe('2 probes are already running, the most smtpcheck runs at once. Try again in 3 s.');
    r1();
    r1(); // releasing twice is harmless
    expect(l.running).toBe(1);
    l.tryAcquire();
    expect(l.running).toBe(2);
  });

  test('acquire waits its turn in order, and never runs more than max at once', async () => {
    const l = new ConcurrencyLimiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const gates: (() => void)[] = [];
    const jobs = [0, 1, 2, 3, 4].map((i) => l.run(async () => {
      active++;
      peak = Math.max(peak, active);
      order.push(i);
      await new Promise<void>((resolve) => gates.push(resolve));
      active--;
    }));
    while (order.length < 5) {
      await new Promise((r) => setImmediate(r));
      gates.shift()?.();
    }
    gates.forEach((g) => g());
    await Promise.all(jobs);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(l.running).toBe(0);
  });

  test('a waiter whose signal aborts leaves the queue', async () => {
    const l = new ConcurrencyLimiter(1);
    const release = await l.acquire();
    const ac = new AbortController();
    const waiting = l.acquire(ac.signal);
    expect(l.waiting).toBe(1);
    ac.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(l.waiting).toBe(0);
    release();
    expect(l.running).toBe(0);
  });
});
