/** `error.code` and `error.message` of Graph's HTTP error envelope, when `body` is one. */
export function readGraphErrorEnvelope(body: string): { code?: string; message?: string } {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return {};
    const error = (parsed as { error?: unknown }).error;
    if (typeof error !== "object" || error === null) return {};
    const { code, message } = error as { code?: unknown; message?: unknown };
    return {
      ...(typeof code === "string" ? { code } : {}),
      ...(typeof message === "string" ? { message } : {}),
    };
  } catch {
    return {};
  }
}
