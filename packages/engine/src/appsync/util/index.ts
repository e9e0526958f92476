/**
 * The `util` object of `@aws-appsync/utils`, assembled from one module per concern (contract §3).
 * It has exactly the members of the official `Util` type (UTIL-00: no VTL-only helpers).
 */
import type { Util } from '@aws-appsync/utils';
import { authType } from './auth-type';
import * as dynamodb from './dynamodb';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding';
import { appendError, error, unauthorized } from './errors';
import { http } from './http';
import { autoId, autoKsuid, autoUlid } from './ids';
import { matches } from './matches';
import { math } from './math';
import { rds } from './rds';
import { str } from './str';
import { time } from './time/index';
import * as transform from './transform';
import { xml } from './xml';

export const util = {
  escapeJavaScript,
  urlEncode,
  urlDecode,
  base64Encode,
  base64Decode,
  autoId,
  autoUlid,
  autoKsuid,
  unauthorized,
  error,
  appendError,
  matches,
  authType,
  time,
  dynamodb,
  rds,
  http,
  xml,
  transform,
  math,
  str,
} satisfies Util;
