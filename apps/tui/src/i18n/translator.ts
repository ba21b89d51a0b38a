import type { MessageKey, Messages } from "./en.js";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** `t("header.total", { count: 3 })`: the message with each `{name}` replaced by its value. */
export function createTranslator(messages: Messages): Translate {
  return (key, values = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    );
}
