import { z } from "zod";

/**
 * The answer of `POST /operations/{id}/stream-token`: a short-lived token that opens that one operation's
 * event stream without headers (what a browser's `EventSource` needs), and the stream's URL carrying it.
 */
export const streamTokenSchema = z
  .object({
    token: z.string().min(1).describe("Signed; read only as streamToken on this operation's events URL."),
    expiresDateTime: z.iso
      .datetime({ offset: true })
      .describe("When the token stops starting streams; a stream it started goes on."),
    url: z
      .string()
      .min(1)
      .describe("The operation's events URL with the token: what new EventSource(url) is given."),
  })
  .meta({ id: "StreamToken" });
export type StreamToken = z.infer<typeof streamTokenSchema>;
