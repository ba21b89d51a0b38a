/** The answer of a rate limiter: go on, or wait `retryAfterMs`. */
export type RateDecision = ({ allowed: true } | { allowed: false; retryAfterMs: number }) & {
  /** Whole requests left in the bucket after this one (known after `take`; `peek` of an unknown key: the limit). */
  remaining?: number;
  /** Milliseconds until the bucket is full again. */
  fullInMs?: number;
};

export interface RateLimiter {
  /** Spends one token of `key`'s bucket, or says how long until one is there. */
  take(key: string): RateDecision;
  /** Whether `key` has a token now, without spending it. */
  peek(key: string): RateDecision;
  /** Buckets held (never more than `maxKeys`). */
  readonly size: number;
}

export interface RateLimiterOptions {
  /** Requests allowed per window (and the burst size). */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Buckets kept at most; full (idle) buckets are dropped first, then the oldest, when there are more. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A token bucket per key: `limit` tokens, refilled continuously at `limit` per `windowMs`. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const refillPerMs = options.limit / options.windowMs;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number): void => {
    bucket.tokens = Math.min(options.limit, bucket.tokens + (at - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = at;
  };

  const prune = (at: number): void => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= options.limit) buckets.delete(key);
    }
    // Many keys all busy at once (a flood from many addresses): the oldest go, a tenth at a time, so
    // that memory stays bounded and a full map is not walked again for every new key.
    const keep = Math.floor(maxKeys * 0.9);
    for (const key of buckets.keys()) {
      if (buckets.size <= keep) break;
      buckets.delete(key);
    }
  };

  const decide = (bucket: Bucket): RateDecision =>
    bucket.tokens >= 1
      ? { allowed: true }
      : { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / refillPerMs) };
  const standing = (bucket: Bucket) => ({
    remaining: Math.floor(bucket.tokens),
    fullInMs: Math.ceil((options.limit - bucket.tokens) / refillPerMs),
  });

  return {
    peek(key) {
      const bucket = buckets.get(key);
      if (bucket === undefined) return { allowed: true };
      refill(bucket, now());
      return decide(bucket);
    },
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        if (buckets.size >= maxKeys) prune(at);
        bucket = { tokens: options.limit, updatedAt: at };
        buckets.set(key, bucket);
      }
      refill(bucket, at);
      const decision = decide(bucket);
      if (decision.allowed) bucket.tokens -= 1;
      return { ...decision, ...standing(bucket) };
    },
    get size() {
      return buckets.size;
    },
  };
}
