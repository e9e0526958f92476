/**
 * `util.time` (contract §3.2): Java DateTimeFormatter patterns and IANA zones, default UTC. Every
 * member throws a `Code` error (errorType `Code`) for input it cannot handle — an unparsable
 * timestamp, an invalid pattern, an unknown zone — rather than returning null, since the official
 * types promise a string or a number.
 */
import type { Util } from '@aws-appsync/utils';
import {
  epochMilliSecondsToISO8601,
  epochMilliSecondsToSeconds,
  nowEpochMilliSeconds,
  nowEpochSeconds,
  nowISO8601,
  parseISO8601ToEpochMilliSeconds,
} from './epoch';
import { epochMilliSecondsToFormatted, nowFormatted, parseFormattedToEpochMilliSeconds } from './formatted';

export const time = {
  nowISO8601,
  nowEpochSeconds,
  nowEpochMilliSeconds,
  nowFormatted,
  parseFormattedToEpochMilliSeconds,
  parseISO8601ToEpochMilliSeconds,
  epochMilliSecondsToSeconds,
  epochMilliSecondsToISO8601,
  epochMilliSecondsToFormatted,
} satisfies Util['time'];
