import type { ProxyConfig } from "../config.js";
import { settingLabel } from "../config/settings.js";
import { SqliteStoreUnusableError } from "../store/sqlite/sqlite-file.js";
import { isErrorClass, LroError } from "@lro/core";

/** Start-up failed for a reason the operator can fix; the message says what and how, in one line. */
export class StartupError extends LroError {
  readonly code = "startupFailed";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  static override isInstance = isErrorClass<StartupError>("StartupError");
}

interface SystemError {
  code?: string;
  errno?: number;
  errcode?: number;
  syscall?: string;
  message?: string;
}

/**
 * The one line printed after `lro-proxy cannot start: ` for an error thrown while starting: what went
 * wrong and what to do about it, never a stack trace, never a credential of the database URL.
 */
export function describeStartupFailure(error: unknown, config: ProxyConfig): string {
  if (StartupError.isInstance(error)) return error.message;
  const failure = (typeof error === "object" && error !== null ? error : {}) as SystemError;
  const message = oneLine(failure.message ?? String(error));
  const listening = `${config.host}:${config.port}`;
  if (failure.syscall === "listen" || failure.code === "EADDRINUSE") {
    switch (failure.code) {
      case "EADDRINUSE":
        return `${listening} is already in use: stop the process that listens there or choose another ${settingLabel("port")}`;
      case "EACCES":
        return `not allowed to listen on ${listening}: choose a port above 1023 or give the process the right to bind it (${settingLabel("port")})`;
      case "EADDRNOTAVAIL":
        return `${config.host} is not an address of this machine: choose another ${settingLabel("host")}`;
    }
  }
  if (config.database !== undefined) {
    const database = describeDatabase(config.database.url);
    switch (failure.code) {
      case "ECONNREFUSED":
      case "ETIMEDOUT":
      case "EHOSTUNREACH":
      case "ENETUNREACH":
        return `PostgreSQL at ${database.address} cannot be reached (${failure.code}): start it, or correct ${settingLabel("databaseUrl")}`;
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return `the PostgreSQL host ${database.host} is not known (${failure.code}): correct ${settingLabel("databaseUrl")}`;
      case "3D000":
        return `the PostgreSQL database ${database.name} does not exist at ${database.address}: create it (createdb ${database.name}) or correct ${settingLabel("databaseUrl")}`;
      case "28P01":
      case "28000":
        return `PostgreSQL at ${database.address} refused the credentials (${message}): correct the user in ${settingLabel("databaseUrl")}, PGPASSWORD or ~/.pgpass`;
      case "42501":
        return `PostgreSQL at ${database.address} refused a permission (${message}): let the user create the schema ${config.database.schema}, or create it for the user`;
      case "57P03":
        return `PostgreSQL at ${database.address} is starting up or shutting down: start the proxy again once it accepts connections`;
    }
    if (message.includes("connect") || message.includes("Connection terminated")) {
      return `PostgreSQL at ${database.address} cannot be reached (${message}): start it, or correct ${settingLabel("databaseUrl")}`;
    }
  }
  return `${message} (an unexpected error; the proxy logs its details at --log-level debug)`;
}

/**
 * The store in `dataDir` could not be opened: a start-up error naming the database file and what to do
 * (SQLite's codes, from better-sqlite3 as `SQLITE_*` or from node:sqlite as `errcode`), else the error as is.
 */
export function sqliteOpeningFailure(error: unknown, dataDir: string): unknown {
  if (SqliteStoreUnusableError.isInstance(error)) return new StartupError(error.message, { cause: error });
  const failure = (typeof error === "object" && error !== null ? error : {}) as SystemError;
  const primary = typeof failure.errcode === "number" ? failure.errcode & 0xff : undefined;
  const code = failure.code ?? "";
  const file = `"${dataDir}/operations.db"`;
  const label = settingLabel("dataDir");
  if (code === "SQLITE_NOTADB" || primary === 26) {
    return new StartupError(
      `${file} is not a SQLite database: move it away (the proxy then starts with an empty store) or restore the data directory from a backup, or choose another ${label}`,
      { cause: error },
    );
  }
  if (code.startsWith("SQLITE_CORRUPT") || primary === 11) {
    return new StartupError(
      `${file} is damaged (${oneLine(failure.message ?? code)}): restore the data directory from a backup, or move the file away to start with an empty store`,
      { cause: error },
    );
  }
  if (
    code.startsWith("SQLITE_READONLY") ||
    primary === 8 ||
    code.startsWith("SQLITE_CANTOPEN") ||
    primary === 14
  ) {
    return new StartupError(
      `${file} cannot be opened for writing (${oneLine(failure.message ?? code)}): give this user write access to ${label} and its files, or choose another directory`,
      { cause: error },
    );
  }
  return error;
}

/** Host, port and database name of a PostgreSQL URL, without its user or password. */
function describeDatabase(url: string): { host: string; address: string; name: string } {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || "localhost";
    const name = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(the user's default)";
    return { host, address: `${host}:${parsed.port || "5432"}/${name}`, name };
  } catch {
    return { host: "(unreadable URL)", address: "(unreadable URL)", name: "(unreadable URL)" };
  }
}

function oneLine(text: string): string {
  // Control characters (escape sequences included) would reach the operator's terminal.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}
