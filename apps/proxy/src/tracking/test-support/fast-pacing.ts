/** Fast pacing for tests, so operations of a few hundred milliseconds end within a few polls. */
export const fastPacing = {
  interval: 40,
  minInterval: 5,
  maxDelay: 400,
  maxRetryAfter: 400,
  retryDelay: 20,
};
