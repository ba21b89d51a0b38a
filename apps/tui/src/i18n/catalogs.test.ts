import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { catalogs, languageFromEnvironment, languageOfLocale, languages } from "./languages.js";
import { createTranslator } from "./translator.js";

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("message catalogues", () => {
  it.each(languages)("%s has every key of the English catalogue and no other", (language) => {
    expect(Object.keys(catalogs[language]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(languages)("%s uses the same placeholders as English in every message", (language) => {
    for (const [key, message] of Object.entries(en)) {
      const translated = catalogs[language][key as keyof typeof en];
      expect({ key, placeholders: placeholders(translated) }).toEqual({
        key,
        placeholders: placeholders(message),
      });
      expect(translated.trim()).not.toBe("");
    }
  });

  it("translates with the values in place", () => {
    expect(createTranslator(catalogs.ru)("header.total", { count: 3 })).toBe("операций: 3");
    expect(createTranslator(catalogs.en)("connection.reconnecting", { attempt: 2, seconds: 4 })).toBe(
      "reconnecting (attempt 2, in 4 s)",
    );
  });
});

describe("choosing the language", () => {
  it("reads POSIX locale names", () => {
    expect(languageOfLocale("ru_RU.UTF-8")).toBe("ru");
    expect(languageOfLocale("es_MX")).toBe("es");
    expect(languageOfLocale("zh_CN.GB18030")).toBe("zh-CN");
    expect(languageOfLocale("C")).toBeUndefined();
  });

  it("follows LC_ALL, then LC_MESSAGES, then LANG, and falls back to English", () => {
    expect(languageFromEnvironment({ LC_ALL: "es_ES.UTF-8", LC_MESSAGES: "ru_RU", LANG: "zh_CN" })).toBe(
      "es",
    );
    expect(languageFromEnvironment({ LC_ALL: "", LC_MESSAGES: "ru_RU", LANG: "zh_CN" })).toBe("ru");
    expect(languageFromEnvironment({ LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(languageFromEnvironment({ LANG: "de_DE.UTF-8" })).toBe("en");
    expect(languageFromEnvironment({})).toBe("en");
  });
});
