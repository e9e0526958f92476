/**
 * The `util.time` members that need no pattern or time zone (contract UTIL-T1..T3, T6..T8). They
 * use only `Date`, so the cold start never pays for the date-time library.
 */
import { timeError } from './errors';

/** The current instant as ISO-8601 in UTC with milliseconds, e.g. `2018-02-06T19:01:35.222Z` (UTIL-T1). */
export function nowISO8601(): string {
  return new Date().toISOString();
}

/** Whole seconds since the epoch (UTIL-T2). */
export function nowEpochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Milliseconds since the epoch (UTIL-T3). */
export function nowEpochMilliSeconds(): number {
  return Date.now();
}

function assertEpochMillis(name: string, milliseconds: number): void {
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) {
    throw timeError(name, `expected epoch milliseconds as a finite number, got ${String(milliseconds)}`);
  }
}

/** Whole seconds (rounded down, as Java's floor division) of an epoch-milliseconds value (UTIL-T7). */
export function epochMilliSecondsToSeconds(milliseconds: number): number {
  assertEpochMillis('epochMilliSecondsToSeconds', milliseconds);
  return Math.floor(milliseconds / 1000);
}

/** Epoch milliseconds as ISO-8601 in UTC with milliseconds and `Z` (UTIL-T8). */
export function epochMilliSecondsToISO8601(milliseconds: number): string {
  assertEpochMillis('epochMilliSecondsToISO8601', milliseconds);
  const date = new Date(Math.floor(milliseconds));
  if (Number.isNaN(date.getTime())) throw timeError('epochMilliSecondsToISO8601', `${milliseconds} is out of range`);
  return date.toISOString();
}

// Date, then optionally a time (T or space), fraction of a second and an offset (Z, ±hh, ±hhmm, ±hh:mm).
const ISO_8601 =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

/**
 * An ISO-8601 date-time to epoch milliseconds (UTIL-T6). Without an offset the value is read as
 * UTC, never in the machine's zone; a date alone means its start of day. Anything else (or an
 * impossible date such as February 30) throws a `Code` error.
 */
export function parseISO8601ToEpochMilliSeconds(timestamp: string): number {
  const match = ISO_8601.exec(String(timestamp).trim());
  if (!match) throw timeError('parseISO8601ToEpochMilliSeconds', `'${timestamp}' is not an ISO-8601 date-time`);
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const parts = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)] as const;
  const date = new Date(0);
  date.setUTCFullYear(parts[0], parts[1], parts[2]);
  date.setUTCHours(parts[3], parts[4], parts[5], Number(fraction.padEnd(3, '0').slice(0, 3)));
  const valid =
    date.getUTCMonth() === parts[1] && date.getUTCDate() === parts[2] && parts[3] < 24 && parts[4] < 60 && parts[5] < 60;
  if (!valid) throw timeError('parseISO8601ToEpochMilliSeconds', `'${timestamp}' is not a valid date-time`);
  return date.getTime() - offsetMinutes(offset) * 60_000;
}
