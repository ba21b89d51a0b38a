/**
 * The first eight characters of the meaningful part of an id: GUIDs read as their first group, composite ids
 * (`contentTypeCopy,0x0101...`) and monitor URLs as their last segment.
 */
export function shortId(id: string): string {
  const segments = id.split(/[,/]/).filter((segment) => segment !== "");
  const last = segments.at(-1) ?? id;
  return last.replace(/^operations\('|'\)$/g, "").slice(0, 8);
}
