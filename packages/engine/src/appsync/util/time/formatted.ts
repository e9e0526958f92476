/**
 * The `util.time` members that take a Java DateTimeFormatter pattern and an optional IANA time
 * zone (contract UTIL-T4, T5, T9). Default zone UTC; texts (`MMM`, `EEE`, `a`) in en-US.
 * Known difference from Java: the short zone name `z` prints the generic CLDR name (`ET`, not `EST`).
 */
import type { DateTimeFormatter, ZoneId } from '@js-joda/core';
import { timeError } from './errors';
import { joda } from './joda';

const formatters = new Map<string, DateTimeFormatter>();
const MAX_CACHED_FORMATTERS = 64;

function formatterFor(functionName: string, pattern: string): DateTimeFormatter {
  const cached = formatters.get(pattern);
  if (cached) return cached;
  const { core, locale } = joda();
  let formatter: DateTimeFormatter;
  try {
    formatter = core.DateTimeFormatter.ofPattern(String(pattern)).withLocale(locale);
  } catch (cause) {
    throw timeError(functionName, `invalid format '${pattern}': ${(cause as Error).message}`, cause);
  }
  if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
  formatters.set(pattern, formatter);
  return formatter;
}

function zoneFor(functionName: string, timezone: string | undefined): ZoneId {
  const { core } = joda();
  if (timezone === undefined || timezone === null) return core.ZoneOffset.UTC;
  try {
    return core.ZoneId.of(String(timezone));
  } catch (cause) {
    throw timeError(functionName, `unknown time zone '${timezone}'`, cause);
  }
}

/** Epoch milliseconds formatted with a Java pattern, in UTC or `timezone` (UTIL-T9). */
export function epochMilliSecondsToFormatted(milliseconds: number, formatString: string, timezone?: string): string {
  const name = 'epochMilliSecondsToFormatted';
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) {
    throw timeError(name, `expected epoch milliseconds as a finite number, got ${String(milliseconds)}`);
  }
  const formatter = formatterFor(name, formatString);
  const zone = zoneFor(name, timezone);
  const { core } = joda();
  try {
    return core.ZonedDateTime.ofInstant(core.Instant.ofEpochMilli(Math.floor(milliseconds)), zone).format(formatter);
  } catch (cause) {
    throw timeError(name, `cannot format ${milliseconds} with '${formatString}': ${(cause as Error).message}`, cause);
  }
}

/** Now, formatted with a Java pattern, in UTC or `timezone` (UTIL-T4). */
export function nowFormatted(formatString: string, timezone?: string): string {
  return epochMilliSecondsToFormatted(Date.now(), formatString, timezone);
}

/**
 * Parses `timestamp` with a Java pattern to epoch milliseconds (UTIL-T5). An offset or zone in
 * the text wins; otherwise the text is read in `timezone` (default UTC). A pattern without a time
 * of day means midnight. Text that does not match the pattern throws a `Code` error.
 */
export function parseFormattedToEpochMilliSeconds(timestamp: string, formatString: string, timezone?: string): number {
  const name = 'parseFormattedToEpochMilliSeconds';
  const formatter = formatterFor(name, formatString);
  const fallbackZone = zoneFor(name, timezone);
  const { core } = joda();
  try {
    const parsed = formatter.parse(String(timestamp));
    const date = parsed.query(core.TemporalQueries.localDate());
    if (!date) throw new Error('the pattern has no complete date');
    const time = parsed.query(core.TemporalQueries.localTime()) ?? core.LocalTime.MIDNIGHT;
    const zone = parsed.query(core.TemporalQueries.zone()) ?? fallbackZone;
    return core.ZonedDateTime.of(date, time, zone).toInstant().toEpochMilli();
  } catch (cause) {
    throw timeError(name, `cannot parse '${timestamp}' with '${formatString}': ${(cause as Error).message}`, cause);
  }
}
