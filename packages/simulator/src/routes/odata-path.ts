/**
 * Rewrites OData key segments to slash form so one pattern serves both:
 * `/teams('a')/operations('b')` and `/teams(a)/operations(b)` become `/teams/a/operations/b`.
 */
export function slashODataKeys(path: string): string {
  return path
    .replace(/\/([A-Za-z]+)\('([^'/]*)'\)/g, "/$1/$2")
    .replace(/\/([A-Za-z]+)\(([^)'=/]+)\)/g, "/$1/$2");
}

export type SplitPath = { success: true; path: string } | { success: false; message: string };

/** The decoded path of a request target, without its query. */
export function decodePath(target: string): SplitPath {
  const queryStart = target.indexOf("?");
  const raw = queryStart === -1 ? target : target.slice(0, queryStart);
  try {
    return { success: true, path: decodeURIComponent(raw) };
  } catch {
    return { success: false, message: `the path ${JSON.stringify(raw)} is not valid percent-encoding` };
  }
}
