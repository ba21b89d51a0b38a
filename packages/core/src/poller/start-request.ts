/** The request that starts a long-running operation: a URL (sent as a POST without a body) or in full. */
export type StartRequest =
  | string
  | URL
  | {
      url: string | URL;
      /** Default POST: Graph's long-running actions are POSTs. */
      method?: string | undefined;
      headers?: Readonly<Record<string, string>> | undefined;
      /** A string or bytes are sent as they are; anything else as JSON. */
      body?: unknown;
    };

export interface PreparedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/** The request in full: URL checked, JSON body serialised with its content type. */
export function prepareStartRequest(request: StartRequest): PreparedRequest {
  const full = typeof request === "string" || request instanceof URL ? { url: request } : request;
  let url: URL;
  try {
    url = new URL(full.url);
  } catch {
    throw new TypeError(`The request URL ${JSON.stringify(String(full.url))} is not an absolute URL`);
  }
  const headers: Record<string, string> = {};
  const given = full.headers;
  if (given !== undefined) for (const name of Object.keys(given)) headers[name.toLowerCase()] = given[name]!;
  let body: string | Uint8Array | undefined;
  if (typeof full.body === "string" || full.body instanceof Uint8Array) body = full.body;
  else if (full.body !== undefined) {
    body = JSON.stringify(full.body);
    headers["content-type"] ??= "application/json";
  }
  return { url, method: (full.method ?? "POST").toUpperCase(), headers, body };
}
