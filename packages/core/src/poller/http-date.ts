const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// RFC 9110 section 5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept.
const imfFixdate = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const rfc850 = /^[A-Z][a-z]+, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const asctime = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function toEpoch(year: number, month: string, day: number, hour: number, minute: number, second: number) {
  const monthIndex = months.indexOf(month);
  if (monthIndex < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const epoch = Date.UTC(year, monthIndex, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over to March: reject dates that do not exist.
  return new Date(epoch).getUTCDate() === day ? epoch : undefined;
}

/**
 * An HTTP-date in any of its three forms as epoch milliseconds (always GMT); undefined if it is not one.
 * `now` (epoch ms) places the two-digit years of the RFC 850 form.
 */
export function parseHttpDate(value: string, now: number): number | undefined {
  const text = value.trim();
  let match = imfFixdate.exec(text);
  if (match) {
    const [, day, , year, hour, minute, second] = match.map(Number);
    return toEpoch(year!, match[2]!, day!, hour!, minute!, second!);
  }
  match = rfc850.exec(text);
  if (match) {
    const [, day, , shortYear, hour, minute, second] = match.map(Number);
    // RFC 9110: a two-digit year more than 50 years in the future is in the past century.
    const year = shortYear! + (shortYear! + 2000 > new Date(now).getUTCFullYear() + 50 ? 1900 : 2000);
    return toEpoch(year, match[2]!, day!, hour!, minute!, second!);
  }
  match = asctime.exec(text);
  if (match) {
    const [, , day, hour, minute, second, year] = match.map((part) => Number(part.trim()));
    return toEpoch(year!, match[1]!, day!, hour!, minute!, second!);
  }
  return undefined;
}
