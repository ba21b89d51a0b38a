import type { Exchange } from "../http/exchange.js";
import { isObject } from "../http/body-fields.js";
import { readJsonBody } from "../http/read-body.js";
import type { GraphVersion } from "../records/simulated-operation.js";
import type { SimulatorState } from "../simulator-state.js";

/** Graph answers at most 20 requests in one batch. */
export const maxBatchRequests = 20;

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Headers of an inner answer that describe the one HTTP exchange, not the inner answer: left out. */
const exchangeOnlyHeaders = new Set([
  "connection",
  "content-length",
  "date",
  "keep-alive",
  "transfer-encoding",
]);

/** The outer request's headers every inner request gets unless it names its own (Graph applies the batch's token). */
const inheritedHeaders = ["authorization", "x-simulator-scenario", "client-request-id"];

/**
 * Graph's JSON batching, `POST /{version}/$batch`: `{ "requests": [{ id, method, url, headers?, body?,
 * dependsOn? }] }` answered `200` with `{ "responses": [{ id, status, headers, body? }] }`. Each inner request
 * is sent to this same origin under the batch's version, one after the other in the order given (an order
 * Graph may use too); one whose dependency failed is answered `424`. Inner header names are written as Graph
 * writes them (`Location`, `Retry-After`), a JSON body as JSON, another one as base64.
 */
export async function handleJsonBatch(
  state: SimulatorState,
  exchange: Exchange,
  version: GraphVersion,
): Promise<void> {
  exchange.route = "batch";
  if (exchange.request.method !== "POST") {
    return exchange.sendError(405, "methodNotAllowed", "Use POST for $batch.", { allow: "POST" });
  }
  const read = await readJsonBody(exchange.request);
  if (!read.success) return exchange.sendError(400, "invalidRequest", read.message);
  const requests = readInnerRequests(read.data);
  if (typeof requests === "string") return exchange.sendError(400, "invalidRequest", requests);

  const responses: InnerResponse[] = [];
  const statusById = new Map<string, number>();
  for (const request of requests) {
    const failed = request.dependsOn.find((id) => (statusById.get(id) ?? 0) >= 400);
    const response =
      failed === undefined
        ? await send(state, exchange, version, request)
        : failedDependency(request.id, failed);
    statusById.set(request.id, response.status);
    responses.push(response);
  }
  exchange.sendJson(200, { responses }, { "odata-version": "4.0" });
}

/** The inner requests, checked as Graph checks them; a message when the batch is malformed. */
function readInnerRequests(body: unknown): InnerRequest[] | string {
  if (!isObject(body) || !Array.isArray(body["requests"])) {
    return 'the batch body must be { "requests": [...] }';
  }
  const items: unknown[] = body["requests"];
  if (items.length > maxBatchRequests) {
    return `a batch holds at most ${maxBatchRequests} requests, got ${items.length}`;
  }
  const seen = new Set<string>();
  const requests: InnerRequest[] = [];
  for (const [index, item] of items.entries()) {
    if (!isObject(item)) return `requests[${index}] must be an object`;
    const { id, method, url } = item;
    if (typeof id !== "string" || id === "") return `requests[${index}].id must be a non-empty string`;
    if (seen.has(id)) return `the id ${JSON.stringify(id)} is used twice`;
    if (typeof method !== "string" || method === "") return `requests[${index}].method is required`;
    if (typeof url !== "string" || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith("//")) {
      return `requests[${index}].url must be a relative URL`;
    }
    const dependsOn = Array.isArray(item["dependsOn"]) ? item["dependsOn"].map(String) : [];
    const unknown = dependsOn.find((dependency) => !seen.has(dependency));
    if (unknown !== undefined) {
      return `requests[${index}] depends on ${JSON.stringify(unknown)}, which is not an earlier request`;
    }
    seen.add(id);
    const headers = isObject(item["headers"])
      ? Object.fromEntries(Object.entries(item["headers"]).map(([name, value]) => [name, String(value)]))
      : {};
    requests.push({ id, method: method.toUpperCase(), url, headers, body: item["body"], dependsOn });
  }
  return requests;
}

async function send(
  state: SimulatorState,
  exchange: Exchange,
  version: GraphVersion,
  request: InnerRequest,
): Promise<InnerResponse> {
  const headers = new Headers(request.headers);
  for (const name of inheritedHeaders) {
    const value = exchange.header(name);
    if (value !== undefined && !headers.has(name)) headers.set(name, value);
  }
  let body: string | undefined;
  if (request.body !== undefined && request.method !== "GET") {
    body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const response = await fetch(`${state.graphOrigin}/${version}/${request.url.replace(/^\/+/, "")}`, {
    method: request.method,
    headers,
    body,
    redirect: "manual",
  });
  const answerHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!exchangeOnlyHeaders.has(name)) answerHeaders[graphHeaderName(name)] = value;
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const answer: InnerResponse = { id: request.id, status: response.status, headers: answerHeaders };
  if (bytes.length > 0) {
    const json = /json/i.test(response.headers.get("content-type") ?? "");
    answer.body = json ? (JSON.parse(bytes.toString("utf8")) as unknown) : bytes.toString("base64");
  }
  return answer;
}

function failedDependency(id: string, dependency: string): InnerResponse {
  return {
    id,
    status: 424,
    headers: { "Content-Type": "application/json" },
    body: {
      error: {
        code: "FailedDependency",
        message: `The request depends on request ${JSON.stringify(dependency)}, which failed.`,
      },
    },
  };
}

/** `retry-after` as Graph writes it in a batch answer: `Retry-After`. */
function graphHeaderName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}
