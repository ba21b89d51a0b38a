import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { proxyConfigSchema, type ProxyConfig } from "./config/proxy-config-schema.js";
import { environmentVariableOf, settingLabel, settings, type SettingName } from "./config/settings.js";
import { isErrorClass, LroError } from "@lro/core";

/*
 * The only reader of command-line flags and environment variables: `parseCommandLine` turns them into
 * a `ProxyConfig` through the zod schema, or throws a `ConfigError` naming every bad setting.
 */
export { defaultAllowedOrigins, hashApiKey, proxyConfigSchema } from "./config/proxy-config-schema.js";
export type { ApiKeyDigest, ProxyConfig } from "./config/proxy-config-schema.js";
export { environmentVariableOf, settingLabel, usage } from "./config/settings.js";

/** A setting that stops start-up: its message names the flag and environment variable. */
export class ConfigError extends LroError {
  readonly code = "invalidConfiguration";
  constructor(readonly problems: string[]) {
    super(`lro-proxy cannot start: ${problems.join("; ")}`);
  }

  static override isInstance = isErrorClass<ConfigError>("ConfigError");
}

export interface ConfigSources {
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
}

export type ParsedCommandLine = { help: true } | { help: false; config: ProxyConfig };

/** Parses flags and environment into a `ProxyConfig`; throws `ConfigError` naming every bad setting. */
export function parseConfig(sources: ConfigSources = {}): ProxyConfig {
  const parsed = parseCommandLine(sources);
  if (parsed.help) throw new ConfigError(["--help is not a setting"]);
  return parsed.config;
}

export function parseCommandLine({ argv = [], env = {} }: ConfigSources): ParsedCommandLine {
  const options = Object.fromEntries(
    Object.values(settings).map(({ flag, multiple }) => [flag, { type: "string" as const, multiple }]),
  );
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError([`${(error as Error).message} (run lro-proxy --help for the settings)`]);
  }
  if (values.help === true) return { help: true };

  const raw: Record<string, unknown> = {};
  for (const [name, { flag, multiple }] of Object.entries(settings) as [
    SettingName,
    (typeof settings)[SettingName],
  ][]) {
    const fromFlag = values[flag];
    const fromEnvironment = env[environmentVariableOf(name)];
    if (fromFlag !== undefined) raw[name] = fromFlag;
    else if (fromEnvironment !== undefined && fromEnvironment.trim() !== "") {
      raw[name] = multiple ? splitList(fromEnvironment) : fromEnvironment;
    }
  }
  raw.apiKey = [...((raw.apiKey as string[] | undefined) ?? []), ...readApiKeyFile(raw.apiKeyFile)];
  delete raw.apiKeyFile;
  // Secrets read from files: the file wins over nothing, and a value given directly wins over the file.
  const fromFile = (file: SettingName, into: string) => {
    const path = raw[file];
    delete raw[file];
    if (typeof path === "string" && raw[into] === undefined) raw[into] = readSettingFile(file, path).trim();
  };
  fromFile("graphClientSecretFile", "graphClientSecret");
  fromFile("graphClientCertificateFile", "graphClientCertificate");
  fromFile("tokenVaultKeyFile", "tokenVaultKey");
  fromFile("streamTokenSecretFile", "streamTokenSecret");

  const result = proxyConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path[0] as SettingName | undefined;
        return name !== undefined && name in settings
          ? `${settingLabel(name)}: ${issue.message}`
          : issue.message;
      }),
    );
  }
  return { help: false, config: result.data };
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function readSettingFile(name: SettingName, path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError([`${settingLabel(name)}: cannot read "${path}": ${(error as Error).message}`]);
  }
}

function readApiKeyFile(path: unknown): string[] {
  if (typeof path !== "string") return [];
  return readSettingFile("apiKeyFile", path)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
