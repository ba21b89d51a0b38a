const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Eight characters that tell operations apart: the first group of the id's GUID when it holds one
 * (`copy-2ca1dd4f-...`, monitor URLs), otherwise the id's last eight characters, where composite ids
 * (`contentTypeCopy,0x0101009D1C...`) differ.
 */
export function shortId(id: string): string {
  const found = guid.exec(id);
  if (found !== null) return found[0].slice(0, 8);
  const segment =
    id
      .split(/[,/]/)
      .filter((part) => part !== "")
      .at(-1) ?? id;
  return segment.length <= 8 ? segment : segment.slice(-8);
}
