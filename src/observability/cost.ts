/**
 * What one request costs on AWS, from the dated price table in prices.json (us-east-1 list prices):
 * Lambda compute (billed duration, rounded up to 1 ms, × configured memory × the architecture's
 * GB-second price), the Lambda request, the HTTP API request, DynamoDB on-demand read and write
 * request units and, when given, the CloudWatch Logs bytes the request wrote. Pure: no I/O, no clock.
 */
import prices from './prices.json';

export type Architecture = 'arm64' | 'x86_64';

export interface CostInput {
  /** The invocation's duration in ms; Lambda bills it rounded up to the next millisecond. */
  billedMs: number;
  /** The function's configured memory (MB). */
  memoryMb: number;
  arch: Architecture;
  /** DynamoDB read request units consumed (ConsumedCapacity.ReadCapacityUnits, summed). */
  readUnits?: number;
  /** DynamoDB write request units consumed (ConsumedCapacity.WriteCapacityUnits, summed). */
  writeUnits?: number;
  /** Bytes of the request body, for the HTTP API's 512 KB metering; one request when absent. */
  requestBytes?: number;
  /** Bytes of log lines the request wrote to CloudWatch Logs; not counted when absent. */
  logBytes?: number;
}

/** US dollars per item for one request. */
export interface CostEstimate {
  lambdaCompute: number;
  lambdaRequest: number;
  httpApi: number;
  dynamodbRead: number;
  dynamodbWrite: number;
  logs: number;
  total: number;
}

export const PRICES = prices;

const MB_PER_GB = 1024;
const BYTES_PER_GB = 1024 ** 3;

/** The estimated cost of one request, itemised, in US dollars. */
export function estimateCost(input: CostInput): CostEstimate {
  const billedSeconds = Math.ceil(Math.max(0, input.billedMs)) / 1000;
  const lambdaCompute = billedSeconds * (input.memoryMb / MB_PER_GB) * prices.lambda.perGbSecond[input.arch];
  const lambdaRequest = prices.lambda.perRequest;
  const meteredRequests = Math.max(1, Math.ceil((input.requestBytes ?? 0) / prices.httpApi.meteringBytes));
  const httpApi = meteredRequests * prices.httpApi.perRequest;
  const dynamodbRead = (input.readUnits ?? 0) * prices.dynamodb.perReadRequestUnit;
  const dynamodbWrite = (input.writeUnits ?? 0) * prices.dynamodb.perWriteRequestUnit;
  const logs = ((input.logBytes ?? 0) / BYTES_PER_GB) * prices.cloudwatchLogs.perGbIngested;
  return { lambdaCompute, lambdaRequest, httpApi, dynamodbRead, dynamodbWrite, logs, total: lambdaCompute + lambdaRequest + httpApi + dynamodbRead + dynamodbWrite + logs };
}

/** The Lambda architecture a Node process runs on (`process.arch`), for {@link estimateCost}. */
export function lambdaArchitecture(nodeArch: string): Architecture {
  return nodeArch === 'arm64' ? 'arm64' : 'x86_64';
}

/** AppSync's price for the same number of queries and mutations (no subscriptions yet), in US dollars. */
export function appSyncCost(operations: number): number {
  return operations * prices.appsync.perQueryOrMutation;
}
