/** The `util` object of `@aws-appsync/utils`, assembled from one module per concern (contract §3). */
import type { Util } from '@aws-appsync/utils';
import * as dynamodb from './dynamodb';
import { appendError, error, unauthorized } from './errors';
import { autoId } from './ids';
import { time } from './time/index';

export const util = {
  error,
  appendError,
  unauthorized,
  autoId,
  time,
  dynamodb,
} as unknown as Util;
