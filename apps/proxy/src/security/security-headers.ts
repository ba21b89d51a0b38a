import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";

/** The headers helmet sets (name and value) and those it removes, in its order. */
export interface SecurityHeaders {
  set: Array<[name: string, value: string]>;
  removed: string[];
}

/**
 * Helmet's headers, worked out once. Its default policy has no per-request part (no nonce), so running its
 * middlewares on every answer would rebuild the same list each time.
 */
export function securityHeaders(): SecurityHeaders {
  const set = new Map<string, string>();
  const removed: string[] = [];
  let failure: unknown;
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name, String(value));
      return recorder;
    },
    removeHeader(name: string) {
      set.delete(name);
      removed.push(name);
    },
  };
  helmet()({} as Request, recorder as unknown as Response, (error?: unknown) => {
    failure = error;
  });
  if (failure !== undefined) throw failure;
  return { set: [...set], removed };
}

/** Sets helmet's security headers on every answer (from the list `securityHeaders` built once). */
export function securityHeadersMiddleware(): RequestHandler {
  const write = securityHeadersWriter();
  return (_req, res, next) => {
    write(res);
    next();
  };
}

/** Sets helmet's security headers on one answer (from the list `securityHeaders` built once). */
export function securityHeadersWriter(): (res: Response) => void {
  const { set, removed } = securityHeaders();
  return (res) => {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
  };
}
