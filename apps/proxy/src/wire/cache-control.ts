/**
 * `Cache-Control` of every answer of the proxy's own: each is some client's (its operations, its errors)
 * or live state (health, metrics), so no cache, shared or private, may keep it and serve it again.
 * Answers forwarded from the upstream keep the upstream's headers.
 */
export const ownAnswersCacheControl = "private, no-store";
