import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { settingLabel } from "../config/settings.js";
import { StartupError } from "./startup-failure.js";

/**
 * Makes sure the SQLite data directory can hold the database before the store opens it: created (mode
 * 0700, readable by the proxy's user alone) when missing; a file in its place, or a directory the
 * process may not write, stops start-up with a message saying what to do.
 */
export function prepareDataDirectory(directory: string): void {
  const label = settingLabel("dataDir");
  let isDirectory: boolean;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw unusable(directory, error, label);
    try {
      mkdirSync(directory, { recursive: true, mode: 0o700 });
    } catch (creation) {
      throw new StartupError(
        `${label}: cannot create "${directory}" (${codeOf(creation)}): create it with write access for this user, or choose another directory`,
        { cause: creation },
      );
    }
    return;
  }
  if (!isDirectory) {
    throw new StartupError(
      `${label}: "${directory}" is a file, not a directory: point ${label} at a directory (it is created if missing)`,
    );
  }
  try {
    accessSync(directory, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw unusable(directory, error, label);
  }
}

function unusable(directory: string, error: unknown, label: string): StartupError {
  const code = codeOf(error);
  const reason =
    code === "EROFS" ? "is on a read-only file system" : `is not writable by this user (${code})`;
  return new StartupError(
    `${label}: "${directory}" ${reason}: give this user write access to it, or choose another directory`,
    { cause: error },
  );
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
