import { z } from "zod";
import { BadRequestError } from "../http-errors/request-errors.js";
import type { ListCursor } from "../store/operation-records.js";

/** The keyset cursor inside a `$skiptoken`: `[createdAt, id]` of the last item of the previous page. */
const skipTokenSchema = z.tuple([z.number().int().nonnegative(), z.string().min(1).max(200)]);

/** An opaque `$skiptoken`: base64url of the cursor. */
export function encodeSkipToken(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

export function decodeSkipToken(token: string): ListCursor {
  const invalid = () =>
    new BadRequestError(
      "$skiptoken is not one this proxy issued: follow the @odata.nextLink of the previous page as it is.",
      { innerError: { queryOption: "$skiptoken" } },
    );
  if (!/^[\w-]{1,2000}$/.test(token)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const parsed = skipTokenSchema.safeParse(decoded);
  if (!parsed.success) throw invalid();
  return { createdAt: parsed.data[0], id: parsed.data[1] };
}
