import type { Observable } from "rxjs";
import type { Operation } from "../models/operation.js";
import type { PollOptions } from "./poll-options.js";
import { runPoll } from "./poll-run.js";
import { parseResumeToken } from "./resume-token.js";
import type { StoredResumeToken } from "./resume-token.js";

/**
 * Continues a poll where a resume token left it (e.g. after a restart): the first poll is sent no earlier
 * than the token's `nextPollAt`, pacing goes on from its samples, and Authorization follows the same
 * origin rule (pass `headers` or `getAuthorization` again: tokens never hold them). Throws
 * `InvalidResumeTokenError` for anything that is not a token.
 */
export function resumeOperation(token: StoredResumeToken, options: PollOptions = {}): Observable<Operation> {
  const checked = parseResumeToken(token);
  const start = { resumed: checked };
  const overrides = {
    requestUrl: options.requestUrl ?? checked.requestUrl,
    kind: options.kind ?? checked.kind,
  };
  return runPoll(new URL(checked.monitorUrl), options, start, overrides);
}
