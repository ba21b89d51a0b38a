import {
  MissingMonitorError,
  OperationFailedError,
  mayReceiveAuthorization,
  pollOperation,
  resolveMonitorUrl,
} from "@lro/core";
import type { Operation } from "@lro/core";
import { lastValueFrom, tap } from "rxjs";
import type { AwaitOperationOption } from "./await-operation-option.js";

/** The bearer token of the SDK's own auth provider, asked for the request's (Graph) address. */
export type TokenForRequest = () => Promise<string | undefined>;

const jsonHeaders = { "content-type": "application/json" };

function jsonResponse(value: unknown): Response {
  return new Response(JSON.stringify(value), { status: 200, headers: jsonHeaders });
}

/** The resource a finished operation made, fetched with the token only where the poller would send it. */
async function fetchResource(
  operation: Operation,
  requestUrl: string,
  token: TokenForRequest,
): Promise<Response> {
  if (operation.resourceLocation === undefined) return jsonResponse(operation);
  const url = new URL(operation.resourceLocation, requestUrl);
  const headers: Record<string, string> = { accept: "application/json" };
  if (mayReceiveAuthorization(url, { requestUrl })) {
    const bearer = await token();
    if (bearer) headers["authorization"] = `Bearer ${bearer}`;
  }
  return fetch(url, { headers });
}

/**
 * What an opted-in request answers: its own answer unless that is 202 Accepted; otherwise the monitor
 * (Operation-Location, else Location) followed with @lro/core to the end, the Authorization from the
 * SDK's provider sent only to the request's own origin (a monitor elsewhere, such as a driveItem copy's,
 * gets none). Rejects with `OperationFailedError` when the operation failed and with the poller's errors.
 */
export async function awaitAccepted(
  response: Response,
  requestUrl: string,
  option: AwaitOperationOption,
  token: TokenForRequest,
): Promise<Response> {
  if (response.status !== 202) return response;
  const location = response.headers.get("operation-location") ?? response.headers.get("location");
  if (location === null) throw new MissingMonitorError({ requestUrl, httpStatus: response.status });
  await response.body?.cancel();
  const monitorUrl = resolveMonitorUrl(location, new URL(requestUrl));
  const getAuthorization = async () => {
    const bearer = await token();
    return bearer ? `Bearer ${bearer}` : undefined;
  };
  try {
    const operation$ = pollOperation(monitorUrl, { ...option.poll, requestUrl, getAuthorization });
    const operation = await lastValueFrom(operation$.pipe(tap((seen) => (option.operation = seen))));
    return option.result === "resource"
      ? fetchResource(operation, requestUrl, token)
      : jsonResponse(operation);
  } catch (error) {
    if (OperationFailedError.isInstance(error)) option.operation = error.operation;
    throw error;
  }
}
