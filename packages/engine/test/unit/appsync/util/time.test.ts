import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppSyncError } from '@appsync-lambda/engine';
import { util } from '@aws-appsync/utils';

const { time } = util;
// 2018-02-06T19:01:35.750Z, the instant of AppSync's documentation examples.
const INSTANT = 1517943695750;

function codeErrorOf(call: () => unknown): AppSyncError {
  try {
    call();
  } catch (error) {
    if (error instanceof AppSyncError) return error;
    throw error;
  }
  throw new Error('expected the call to throw');
}

describe('util.time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(INSTANT);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('UTIL-T1 nowISO8601 gives the current UTC instant with milliseconds and Z', () => {
    expect(time.nowISO8601()).toBe('2018-02-06T19:01:35.750Z');
  });

  it('UTIL-T2 nowEpochSeconds gives whole seconds since the epoch', () => {
    expect(time.nowEpochSeconds()).toBe(1517943695);
  });

  it('UTIL-T3 nowEpochMilliSeconds gives milliseconds since the epoch', () => {
    expect(time.nowEpochMilliSeconds()).toBe(INSTANT);
  });

  it('UTIL-T4 nowFormatted formats with a Java pattern in UTC or in a time zone', () => {
    expect(time.nowFormatted('yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(time.nowFormatted('yyyy-MM-dd HH:mm:ssZ', 'Australia/Perth')).toBe('2018-02-07 03:01:35+0800');
    expect(time.nowFormatted("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'America/New_York')).toBe('2018-02-06T14:01:35.750-05:00');
  });

  it('UTIL-T5 parseFormattedToEpochMilliSeconds reads an offset from the text, else the zone argument, else UTC', () => {
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:21:05.180+08:00', 'yyyy-MM-dd HH:mm:ss.SSSXXX')).toBe(1517476865180);
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 09:21:05', 'yyyy-MM-dd HH:mm:ss', 'Australia/Perth')).toBe(1517448065000);
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 09:21:05', 'yyyy-MM-dd HH:mm:ss')).toBe(1517476865000);
    // The offset in the text wins over the zone argument.
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-01 17:21:05+0800', 'yyyy-MM-dd HH:mm:ssZ', 'America/New_York')).toBe(1517476865000);
    // A date alone means the start of that day in the zone.
    expect(time.parseFormattedToEpochMilliSeconds('06/02/2018', 'dd/MM/yyyy', 'America/New_York')).toBe(Date.UTC(2018, 1, 6, 5));
    expect(time.parseFormattedToEpochMilliSeconds('Tue, 06 Feb 2018 07:01 PM', 'EEE, dd MMM yyyy hh:mm a')).toBe(Date.UTC(2018, 1, 6, 19, 1));
  });

  it('UTIL-T5 parseFormattedToEpochMilliSeconds throws a Code error for text that does not match, a bad pattern or zone', () => {
    // Each error names the function and what the caller passed that it could not use.
    // The zone is optional at run time, as on AppSync, though the published type asks for it.
    const parse = time.parseFormattedToEpochMilliSeconds as (...args: string[]) => number;
    const refused: Array<[string[], string]> = [
      [['2018/02/01', 'yyyy-MM-dd'], '2018/02/01'],
      [['2018-02-32', 'yyyy-MM-dd'], '2018-02-32'],
      [['19:01', 'HH:mm'], '19:01'],
      [['2018', 'yyyy{'], 'yyyy{'],
      [['2018-02-01', 'yyyy-MM-dd', 'Mars/Olympus'], 'Mars/Olympus'],
    ];
    for (const [args, culprit] of refused) {
      const error = codeErrorOf(() => parse(...args));
      expect(error.errorType, culprit).toBe('Code');
      expect(error.message, culprit).toContain('util.time.parseFormattedToEpochMilliSeconds');
      expect(error.message, culprit).toContain(culprit);
    }
    // Java's default SMART resolution moves a day past the month's end back to its last day.
    expect(time.parseFormattedToEpochMilliSeconds('2018-02-30', 'yyyy-MM-dd')).toBe(Date.UTC(2018, 1, 28));
  });

  it('UTIL-T6 parseISO8601ToEpochMilliSeconds reads offsets, Z and zone-less text as UTC', () => {
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-01T17:21:05.180+08:00')).toBe(1517476865180);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-06T19:01:35.750Z')).toBe(INSTANT);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-06T19:01:35.750123456Z')).toBe(INSTANT);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-06T14:01:35.750-0500')).toBe(INSTANT);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-06T19:01:35')).toBe(1517943695000);
    expect(time.parseISO8601ToEpochMilliSeconds('2018-02-06')).toBe(Date.UTC(2018, 1, 6));
  });

  it('UTIL-T6 parseISO8601ToEpochMilliSeconds throws a Code error for other text', () => {
    for (const text of ['Feb 6 2018', '2018-02-30T00:00:00Z', '2018-02-06T24:00:00Z', '']) {
      const error = codeErrorOf(() => time.parseISO8601ToEpochMilliSeconds(text));
      expect(error.errorType, text).toBe('Code');
      expect(error.message, text).toMatch(/^util\.time\.parseISO8601ToEpochMilliSeconds: /);
    }
  });

  it('UTIL-T7 epochMilliSecondsToSeconds rounds down to whole seconds', () => {
    expect(time.epochMilliSecondsToSeconds(INSTANT)).toBe(1517943695);
    expect(time.epochMilliSecondsToSeconds(-1)).toBe(-1);
    expect(codeErrorOf(() => time.epochMilliSecondsToSeconds(Number.NaN)).errorType).toBe('Code');
  });

  it('UTIL-T8 epochMilliSecondsToISO8601 gives ISO-8601 UTC with milliseconds and Z', () => {
    expect(time.epochMilliSecondsToISO8601(INSTANT)).toBe('2018-02-06T19:01:35.750Z');
    expect(time.epochMilliSecondsToISO8601(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(codeErrorOf(() => time.epochMilliSecondsToISO8601(8.64e15 + 1)).errorType).toBe('Code');
  });

  it('UTIL-T9 epochMilliSecondsToFormatted formats in UTC or a zone, daylight saving and texts included', () => {
    expect(time.epochMilliSecondsToFormatted(INSTANT, 'yyyy-MM-dd HH:mm:ssZ')).toBe('2018-02-06 19:01:35+0000');
    expect(time.epochMilliSecondsToFormatted(INSTANT, 'yyyy-MM-dd HH:mm:ssZ', 'America/New_York')).toBe('2018-02-06 14:01:35-0500');
    expect(time.epochMilliSecondsToFormatted(Date.UTC(2018, 6, 1, 12), 'HH:mm xxx', 'America/New_York')).toBe('08:00 -04:00');
    expect(time.epochMilliSecondsToFormatted(INSTANT, "EEE, dd MMM yyyy hh:mm a '('VV')'", 'America/New_York')).toBe(
      'Tue, 06 Feb 2018 02:01 PM (America/New_York)',
    );
    expect(codeErrorOf(() => time.epochMilliSecondsToFormatted(INSTANT, 'yyyy', 'Nowhere')).errorType).toBe('Code');
  });
});
