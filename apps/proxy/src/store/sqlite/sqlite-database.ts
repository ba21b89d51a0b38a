import type * as NodeSqlite from "node:sqlite";

/** A `node:sqlite` connection (Node.js 22.13+: built in, no native addon to compile or download). */
export type SqliteDatabase = NodeSqlite.DatabaseSync;
/** A prepared statement of a `SqliteDatabase`. */
export type SqliteStatement = NodeSqlite.StatementSync;
/** A value SQLite stores or binds: parameters are named (`@name`) or positional. */
export type SqliteValue = NodeSqlite.SQLInputValue;

let sqlite: typeof NodeSqlite | undefined;

/**
 * Loads `node:sqlite` once. Node.js 22 flags the module as experimental with a warning on stderr: the
 * proxy uses a documented subset of it, so that one warning is held back; every other warning passes.
 */
function loadSqlite(): typeof NodeSqlite {
  if (sqlite !== undefined) return sqlite;
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === "string" ? warning : warning.message;
    if (/\bSQLite\b/.test(text)) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    const loaded = process.getBuiltinModule("node:sqlite") as typeof NodeSqlite | undefined;
    if (loaded === undefined) {
      throw new Error(`the SQLite store needs Node.js 22.13 or later (this is ${process.version})`);
    }
    sqlite = loaded;
    return loaded;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Opens (creating if missing, unless read-only) the database file at `path`. */
export function openSqliteDatabase(path: string, options: { readOnly?: boolean } = {}): SqliteDatabase {
  const { DatabaseSync } = loadSqlite();
  return new DatabaseSync(path, { readOnly: options.readOnly ?? false });
}

/**
 * Wraps `work` in a transaction: committed when it returns, rolled back when it throws. Every caller
 * runs synchronously to its end, so transactions never nest or interleave on one connection.
 */
export function transaction<Arguments extends unknown[], Result>(
  database: SqliteDatabase,
  work: (...args: Arguments) => Result,
): (...args: Arguments) => Result {
  return (...args) => {
    database.exec("BEGIN");
    try {
      const result = work(...args);
      database.exec("COMMIT");
      return result;
    } catch (error) {
      try {
        database.exec("ROLLBACK");
      } catch {
        // SQLite already rolled back (it does so itself on some errors).
      }
      throw error;
    }
  };
}

/** The first column of the first row of `statement` (undefined without a row). */
export function pluck<Value>(statement: SqliteStatement, ...parameters: SqliteValue[]): Value | undefined {
  const row = statement.get(...parameters);
  return row === undefined ? undefined : (Object.values(row)[0] as Value);
}

/** Reads a pragma's single value (`journal_mode`, `user_version`...). */
export function readPragma<Value>(database: SqliteDatabase, name: string): Value | undefined {
  return pluck<Value>(database.prepare(`PRAGMA ${name}`));
}
