/**
 * Terminal control in text from the outside world (an upstream error, a status detail, an id, a URL):
 * ESC sequences whole (CSI `ESC[…m`, OSC `ESC]0;title BEL`, DCS/SOS/PM/APC strings up to their ST, and
 * two-character escapes), their 8-bit C1 forms, then any C0/C1 control and DEL left, and the Unicode
 * bidirectional overrides that reorder what a line appears to say.
 */
const sequences = new RegExp(
  [
    "\\u001B\\[[0-?]*[ -/]*[@-~]?", // CSI
    "\\u001B[\\]PX^_][\\s\\S]*?(?:\\u0007|\\u001B\\\\|\\u009C|$)", // OSC, DCS, SOS, PM, APC
    "\\u001B[ -/]*[0-~]?", // nF / Fp / Fe / Fs escapes, or a lone ESC
    "\\u009B[0-?]*[ -/]*[@-~]?", // 8-bit CSI
    "[\\u0090\\u009D\\u0098\\u009E\\u009F][\\s\\S]*?(?:\\u0007|\\u009C|\\u001B\\\\|$)", // 8-bit strings
  ].join("|"),
  "g",
);
const whitespace = /[\t\n\v\f\r]+/g;
// Control characters are what this removes.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** PURE: the text safe to put on a terminal: sequences removed, line breaks and tabs turned into one space. */
export function terminalText(text: string): string {
  return text.replace(sequences, "").replace(whitespace, " ").replace(controls, "");
}

/**
 * PURE: JSON.stringify, with the characters JSON lets through raw that a terminal (or a JavaScript line
 * reader) would act on escaped too: DEL and C1 controls, line and paragraph separators, bidi overrides.
 * The value is unchanged: any JSON reader gets the same data back.
 */
export function terminalSafeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, undefined, indent).replace(
    /[\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
