import { describe, expect, it } from "vitest";
import { terminalSafeJson, terminalText } from "./terminal-text.js";

describe("terminalText", () => {
  it("removes colour, title, hyperlink and cursor sequences whole, keeping the text around them", () => {
    expect(terminalText("evil\u001B[31mRED\u001B[0m")).toBe("evilRED");
    expect(terminalText("a\u001B]0;PWNED-TITLE\u0007b")).toBe("ab");
    expect(terminalText("a\u001B]8;;https://x.example\u001B\\link\u001B]8;;\u001B\\b")).toBe("alinkb");
    expect(terminalText("\u001B[2J\u001B[H\u001B[?1049hx\u001BcY")).toBe("xY");
    expect(terminalText("a\u009B31mb\u009D0;t\u009Cc")).toBe("abc");
    expect(terminalText("a\u001BPq#0;2;0;0;0\u001B\\b")).toBe("ab");
  });

  it("turns line breaks and tabs into one space and drops every other control and bidi override", () => {
    expect(terminalText("line 1\r\nline 2\tend")).toBe("line 1 line 2 end");
    expect(terminalText("bell\u0007 back\u0008 del\u007F nul\u0000")).toBe("bell back del nul");
    expect(terminalText("abc\u202Edcba\u2066x\u2069")).toBe("abcdcbax");
    expect(terminalText("Copie en cours… 复制 ✔")).toBe("Copie en cours… 复制 ✔");
  });

  it("never leaves an escape even in an unterminated sequence", () => {
    expect(terminalText("x\u001B]0;never ends")).toBe("x");
    expect(terminalText("x\u001B[")).toBe("x");
    expect(terminalText("x\u001B")).toBe("x");
  });
});

describe("terminalSafeJson", () => {
  it("keeps the data: every control escaped as JSON does, the same value read back", () => {
    const value = { code: "evil\u001B[31mRED", message: "\u001B]0;PWNED\u0007 \u009B2J \u2028 \u202E" };
    const text = terminalSafeJson(value);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u202E]/);
    expect(text).toContain("\\u001b[31mRED");
    expect(JSON.parse(text)).toEqual(value);
  });
});
