import { en } from "./en.js";
import type { Messages } from "./en.js";
import { es } from "./es.js";
import { ru } from "./ru.js";
import { zhCN } from "./zh-CN.js";

export const languages = ["en", "ru", "es", "zh-CN"] as const;
export type Language = (typeof languages)[number];

export const catalogs: Record<Language, Messages> = { en, ru, es, "zh-CN": zhCN };

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/**
 * The language of a POSIX locale name (`ru_RU.UTF-8`, `es`, `zh_CN.GB18030`, `C`), or undefined when none of
 * ours fits. Any Chinese locale gets Simplified Chinese, the only Chinese catalogue.
 */
export function languageOfLocale(locale: string): Language | undefined {
  const language = locale.split(/[_.@-]/)[0]?.toLowerCase();
  if (language === "zh") return "zh-CN";
  if (language === "en" || language === "ru" || language === "es") return language;
  return undefined;
}

/** POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG; the first one set decides, English otherwise. */
export function languageFromEnvironment(environment: Record<string, string | undefined>): Language {
  const locale = [environment.LC_ALL, environment.LC_MESSAGES, environment.LANG].find(
    (value) => value !== undefined && value !== "",
  );
  return (locale === undefined ? undefined : languageOfLocale(locale)) ?? "en";
}
