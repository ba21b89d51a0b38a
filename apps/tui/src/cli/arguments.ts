import { parseArgs } from "node:util";
import type { Language } from "../i18n/languages.js";
import { isLanguage, languageFromEnvironment, languages } from "../i18n/languages.js";
import type { Translate } from "../i18n/translator.js";
import { createTranslator } from "../i18n/translator.js";
import { catalogs } from "../i18n/languages.js";
import { graphOrigin } from "../sources/graph-origin.js";
import { parseDuration } from "./duration-argument.js";
import { isErrorClass, TuiError } from "../errors/tui-error.js";

export type Environment = Record<string, string | undefined>;

/** How results are printed when there is no dashboard. */
export interface OutputOptions {
  once: boolean;
  wait: boolean;
  json: boolean;
  /** How long --once or --wait may take in all, in milliseconds; undefined: no limit (--wait's default). */
  timeoutMs: number | undefined;
}

/** --once gives up after this long unless --timeout says otherwise: a hung proxy must not hang a script. */
export const defaultOnceTimeoutMs = 30_000;
/** A request unanswered this long is abandoned and retried. */
export const defaultRequestTimeoutMs = 10_000;

export type Command =
  | { command: "help" }
  | { command: "proxy"; proxyUrl: URL; apiKey: string }
  | { command: "watch"; monitorUrls: string[]; token: string | undefined; tokenOrigins: string[] };

export type CliOptions = Command & {
  output: OutputOptions;
  language: Language;
  color: boolean;
  /** The dashboard reads the mouse (wheel, click); --no-mouse leaves it to the terminal (text selection). */
  mouse: boolean;
  requestTimeoutMs: number;
};

/** Bad arguments: the message says what was wrong and what to pass instead. Exit status 2. */
export class UsageError extends TuiError {
  readonly code = "invalidUsage";

  constructor(message: string) {
    super(message);
  }

  static override isInstance = isErrorClass<UsageError>("UsageError");
}

const httpUrl = (
  value: string,
  translate: Translate,
  message: "error.badUrl" | "error.badProxyUrl" = "error.badUrl",
): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(translate(message, { value }));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(translate(message, { value }));
  return url;
};

/** The language alone, so even errors about other arguments come out in the user's language. */
export function chooseLanguage(argv: readonly string[], environment: Environment): Language {
  const index = argv.findIndex((argument) => argument === "--lang" || argument.startsWith("--lang="));
  const value = index === -1 ? undefined : (argv[index]?.split("=")[1] ?? argv[index + 1]);
  return value !== undefined && isLanguage(value) ? value : languageFromEnvironment(environment);
}

/** Reads the command line and the few variables lro-tui honours (LRO_API_KEY, GRAPH_TOKEN, NO_COLOR, locale). */
export function parseArguments(argv: readonly string[], environment: Environment): CliOptions {
  const translate = createTranslator(catalogs[chooseLanguage(argv, environment)]);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        proxy: { type: "string" },
        "api-key": { type: "string" },
        token: { type: "string" },
        "token-origin": { type: "string", multiple: true },
        once: { type: "boolean", default: false },
        wait: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        lang: { type: "string" },
        timeout: { type: "string" },
        "request-timeout": { type: "string" },
        "no-mouse": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(translate("error.badArguments", { message: (error as Error).message }));
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !isLanguage(values.lang)) {
    throw new UsageError(
      translate("error.badLanguage", { value: values.lang, supported: languages.join(", ") }),
    );
  }
  const duration = (name: "timeout" | "request-timeout") => {
    const value = values[name];
    if (value === undefined) return undefined;
    const milliseconds = parseDuration(value);
    if (milliseconds === undefined) throw new UsageError(translate("error.badDuration", { name, value }));
    return milliseconds;
  };
  const timeoutMs = duration("timeout") ?? (values.once && !values.wait ? defaultOnceTimeoutMs : undefined);
  const common = {
    output: { once: values.once, wait: values.wait, json: values.json, timeoutMs },
    mouse: !values["no-mouse"],
    requestTimeoutMs: duration("request-timeout") ?? defaultRequestTimeoutMs,
    language: values.lang ?? languageFromEnvironment(environment),
    color: environment.NO_COLOR === undefined || environment.NO_COLOR === "",
  };
  const [command, ...rest] = positionals;
  if (values.help) return { command: "help", ...common };
  if (command === "watch") {
    if (rest.length === 0) throw new UsageError(translate("error.noSource"));
    const monitorUrls = rest.map((value) => httpUrl(value, translate).href);
    const token = values.token ?? environment.GRAPH_TOKEN;
    const extraOrigins = (values["token-origin"] ?? []).map((value) => httpUrl(value, translate).origin);
    return {
      command: "watch",
      monitorUrls,
      token: token === "" ? undefined : token,
      tokenOrigins: [...new Set([graphOrigin, ...extraOrigins])],
      ...common,
    };
  }
  if (command !== undefined) {
    throw new UsageError(
      translate("error.badArguments", { message: `Unknown command "${positionals.join(" ")}"` }),
    );
  }
  if (values.proxy !== undefined) {
    const proxyUrl = httpUrl(values.proxy, translate, "error.badProxyUrl");
    const apiKey = values["api-key"] ?? environment.LRO_API_KEY;
    if (apiKey === undefined || apiKey === "") throw new UsageError(translate("error.apiKeyMissing"));
    return { command: "proxy", proxyUrl, apiKey, ...common };
  }
  throw new UsageError(translate("error.noSource"));
}
