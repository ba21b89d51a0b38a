import { z } from "zod";
import { ProxyResponseError } from "./proxy-errors.js";

export interface ProxyClientOptions {
  /** The proxy's base URL, e.g. http://127.0.0.1:8080 (a path prefix is kept). */
  proxyUrl: URL;
  /** Sent as `X-API-Key`; never logged. */
  apiKey: string;
  fetch?: typeof fetch;
}

const listPageSchema = z.object({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().optional(),
});

/** The few calls the dashboard makes to lro-proxy. */
export interface ProxyClient {
  /** Every page of `GET /operations`, as raw wire JSON. */
  listOperations(signal?: AbortSignal): Promise<unknown[]>;
  deleteOperation(id: string): Promise<void>;
  /** `GET /operations/events`, resuming after `lastEventId` when given. */
  openEvents(lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return body.error.message;
  } catch {
    // not JSON: fall through to the text itself
  }
  return text.slice(0, 200);
}

export function createProxyClient(options: ProxyClientOptions): ProxyClient {
  const fetchFunction = options.fetch ?? fetch;
  const base = new URL(
    options.proxyUrl.href.endsWith("/") ? options.proxyUrl.href : `${options.proxyUrl.href}/`,
  );
  const headers = { "X-API-Key": options.apiKey };
  const address = (path: string) => new URL(path, base);

  const send = async (url: URL, init: RequestInit) => {
    const response = await fetchFunction(url, { ...init, headers: { ...headers, ...init.headers } });
    if (!response.ok) throw new ProxyResponseError(url.href, response.status, await errorDetail(response));
    return response;
  };

  return {
    async listOperations(signal) {
      const operations: unknown[] = [];
      let next: URL | undefined = address("operations");
      while (next !== undefined) {
        const response = await send(next, { signal, headers: { Accept: "application/json" } });
        const page = listPageSchema.parse(await response.json());
        operations.push(...page.value);
        const link = page["@odata.nextLink"];
        next = link === undefined ? undefined : new URL(link, next);
        // The API key goes to the proxy only: a next link elsewhere ends the listing.
        if (next !== undefined && next.origin !== base.origin) next = undefined;
      }
      return operations;
    },
    async deleteOperation(id) {
      const url = address(`operations/${encodeURIComponent(id)}`);
      const response = await fetchFunction(url, { method: "DELETE", headers });
      if (!response.ok && response.status !== 404) {
        throw new ProxyResponseError(url.href, response.status, await errorDetail(response));
      }
    },
    openEvents(lastEventId, signal) {
      const eventHeaders: Record<string, string> = {
        Accept: "text/event-stream",
        "Cache-Control": "no-cache",
      };
      if (lastEventId !== undefined) eventHeaders["Last-Event-ID"] = lastEventId;
      return send(address("operations/events"), { signal, headers: eventHeaders });
    },
  };
}
