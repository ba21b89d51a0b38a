import type { IncomingMessage } from "node:http";

const maxBodyBytes = 1024 * 1024;

export type BodyResult = { success: true; data: unknown } | { success: false; message: string };

/** Reads a request body as JSON; an empty body is `undefined`. */
export async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes)
      return { success: false, message: `the request body exceeds ${maxBodyBytes} bytes` };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return { success: true, data: undefined };
  try {
    return { success: true, data: JSON.parse(text) as unknown };
  } catch (cause) {
    return { success: false, message: `the request body is not valid JSON (${(cause as Error).message})` };
  }
}
