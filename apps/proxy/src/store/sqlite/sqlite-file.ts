import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { openSqliteDatabase, type SqliteDatabase } from "./sqlite-database.js";
import { isErrorClass, LroError } from "@lro/core";

/** Why a data directory's database cannot be used; `reason` names the case, the message says what to do. */
export class SqliteStoreUnusableError extends LroError {
  readonly code = "sqliteStoreUnusable";
  constructor(
    readonly reason: "locked" | "damaged" | "walDamaged",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static override isInstance = isErrorClass<SqliteStoreUnusableError>("SqliteStoreUnusableError");
}

/** The name of the database file in a data directory. */
export const databaseFileName = "operations.db";

/**
 * Opens the database of a data directory for one process alone:
 * - the directory is created 0700 and the database file 0600 (its write-ahead log and shared memory
 *   take the file's mode), since rows hold monitor URLs whose `tempauth`/`sig` parameters are credentials;
 *   files an older version left readable by others are tightened;
 * - a write-ahead log whose header is not SQLite's is refused before SQLite would discard it with the
 *   changes it holds (a proxy that then lists nothing would be lying);
 * - the database is held with an exclusive lock for the life of the connection: a second process on the
 *   same directory is refused at once instead of both failing with `database is locked`;
 * - `PRAGMA quick_check` runs before anything is served: a damaged file is refused, never half served.
 */
export function openExclusiveSqliteFile(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, databaseFileName);
  closeSync(openSync(path, "a", 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
  if ((statSync(dataDir).mode & 0o077) !== 0) chmodSync(dataDir, 0o700);
  assertWalHeader(`${path}-wal`);

  const database = openSqliteDatabase(path);
  try {
    database.exec("PRAGMA busy_timeout = 0");
    // Exclusive before WAL: the lock is then a lock on the file (no shared memory), taken by the first
    // write and held until the connection closes, including across a process's whole life.
    database.exec("PRAGMA locking_mode = EXCLUSIVE");
    try {
      database.exec("BEGIN EXCLUSIVE");
      database.exec("COMMIT");
    } catch (error) {
      if (/database is locked|SQLITE_BUSY/i.test((error as Error).message)) {
        throw new SqliteStoreUnusableError(
          "locked",
          `"${path}" is in use by another lro-proxy process: stop it first (a supervisor should start the new process once the old one has exited), or give this one another data directory`,
          { cause: error },
        );
      }
      throw error;
    }
    const problems = quickCheck(database);
    if (problems.length > 0) {
      throw new SqliteStoreUnusableError(
        "damaged",
        `"${path}" is damaged (${problems.slice(0, 3).join("; ")}${problems.length > 3 ? `; ${problems.length - 3} more` : ""}): restore the data directory from a backup, or move the file away to start with an empty store`,
      );
    }
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

/** What `PRAGMA quick_check` found wrong; empty when the file is sound. */
export function quickCheck(database: SqliteDatabase): string[] {
  const rows = database.prepare("PRAGMA quick_check(10)").all() as Array<Record<string, unknown>>;
  const results = rows.map((row) => String(Object.values(row)[0]));
  return results.length === 1 && results[0] === "ok" ? [] : results;
}

const walMagic = [0x377f0682, 0x377f0683];

/**
 * A write-ahead log with content must start with SQLite's header (magic number and a header checksum):
 * SQLite silently ignores (and then resets) a log whose header is damaged, and the committed changes in it
 * would be lost without a word.
 */
function assertWalHeader(walPath: string): void {
  if (!existsSync(walPath) || statSync(walPath).size === 0) return;
  const header = Buffer.alloc(32);
  const descriptor = openSync(walPath, "r");
  let read: number;
  try {
    read = readSync(descriptor, header, 0, 32, 0);
  } finally {
    closeSync(descriptor);
  }
  const magic = header.readUInt32BE(0);
  const intact =
    read === 32 && walMagic.includes(magic) && walHeaderChecksumHolds(header, magic === 0x377f0683);
  if (!intact) {
    throw new SqliteStoreUnusableError(
      "walDamaged",
      `the write-ahead log "${walPath}" is damaged (its header is not SQLite's), so the changes it holds cannot be read: restore the data directory from a backup, or move that file away to start from the database as last checkpointed (later changes are lost)`,
    );
  }
}

/** SQLite's WAL checksum over the header's first 24 bytes, compared with the one stored at 24..31. */
function walHeaderChecksumHolds(header: Buffer, bigEndian: boolean): boolean {
  let s0 = 0;
  let s1 = 0;
  for (let offset = 0; offset < 24; offset += 8) {
    const x0 = bigEndian ? header.readUInt32BE(offset) : header.readUInt32LE(offset);
    const x1 = bigEndian ? header.readUInt32BE(offset + 4) : header.readUInt32LE(offset + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return header.readUInt32BE(24) === s0 && header.readUInt32BE(28) === s1;
}
