/** A lexical token of the `$filter` subset. */
export type FilterToken =
  | { type: "word"; text: string; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "dateTime"; text: string; at: number }
  | { type: "open" | "close" | "comma"; at: number };

const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})/;

/** Splits a `$filter` into tokens; answers a message naming the position of anything it cannot read. */
export function tokenizeFilter(text: string): FilterToken[] | string {
  const tokens: FilterToken[] = [];
  let at = 0;
  while (at < text.length) {
    const character = text[at] ?? "";
    if (/\s/.test(character)) {
      at += 1;
    } else if (character === "(" || character === ")" || character === ",") {
      tokens.push({ type: character === "(" ? "open" : character === ")" ? "close" : "comma", at });
      at += 1;
    } else if (character === "'") {
      let value = "";
      let end = at + 1;
      for (;;) {
        const next = text.indexOf("'", end);
        if (next === -1) return `unterminated string starting at position ${at + 1}`;
        value += text.slice(end, next);
        if (text[next + 1] === "'") {
          value += "'";
          end = next + 2;
        } else {
          end = next + 1;
          break;
        }
      }
      tokens.push({ type: "string", value, at });
      at = end;
    } else if (/\d/.test(character)) {
      const match = dateTimePattern.exec(text.slice(at));
      if (match === null) {
        // Not a date-time: let the parser say what it expected there.
        const word = /^[^\s(),']+/.exec(text.slice(at))?.[0] ?? character;
        tokens.push({ type: "word", text: word, at });
        at += word.length;
        continue;
      }
      tokens.push({ type: "dateTime", text: match[0], at });
      at += match[0].length;
    } else if (/[A-Za-z]/.test(character)) {
      const word = /^[A-Za-z][\w.]*/.exec(text.slice(at))?.[0] ?? character;
      tokens.push({ type: "word", text: word, at });
      at += word.length;
    } else {
      return `unexpected "${character}" at position ${at + 1}`;
    }
  }
  return tokens;
}
