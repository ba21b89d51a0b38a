import type { Translate } from "../i18n/translator.js";

/** A compact duration for narrow columns: `42s`, `5m`, `3h`, `2d` (units translated). */
export function formatDuration(milliseconds: number, translate: Translate): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) return translate("time.seconds", { value: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return translate("time.minutes", { value: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return translate("time.hours", { value: hours });
  return translate("time.days", { value: Math.floor(hours / 24) });
}

/** Milliseconds since an ISO 8601 time (or an epoch time), or undefined when there is none. */
export function elapsedSince(time: string | number | undefined, now: number): number | undefined {
  if (time === undefined) return undefined;
  const at = typeof time === "number" ? time : Date.parse(time);
  return Number.isNaN(at) ? undefined : Math.max(0, now - at);
}
