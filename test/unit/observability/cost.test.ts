import { describe, expect, it } from 'vitest';
import { appSyncCost, estimateCost, lambdaArchitecture, PRICES } from '../../../src/observability/cost';

describe('estimateCost', () => {
  it('bills Lambda compute on the duration rounded up to 1 ms × memory × the arm64 GB-second price', () => {
    const cost = estimateCost({ billedMs: 10.2, memoryMb: 1024, arch: 'arm64' });
    expect(cost.lambdaCompute).toBeCloseTo(0.011 * 1 * 0.0000133334, 15);
    expect(estimateCost({ billedMs: 11, memoryMb: 1024, arch: 'arm64' }).lambdaCompute).toBe(cost.lambdaCompute);
  });

  it('prices x86_64 higher than arm64 and scales with memory', () => {
    const arm = estimateCost({ billedMs: 100, memoryMb: 512, arch: 'arm64' }).lambdaCompute;
    const x86 = estimateCost({ billedMs: 100, memoryMb: 512, arch: 'x86_64' }).lambdaCompute;
    expect(x86).toBeCloseTo(0.1 * 0.5 * 0.0000166667, 15);
    expect(arm).toBeLessThan(x86);
    expect(estimateCost({ billedMs: 100, memoryMb: 1024, arch: 'arm64' }).lambdaCompute).toBeCloseTo(2 * arm, 15);
  });

  it('adds the Lambda request, one HTTP API request per started 512 KB, and DynamoDB units at on-demand prices', () => {
    const cost = estimateCost({ billedMs: 0, memoryMb: 1024, arch: 'arm64', readUnits: 2.5, writeUnits: 4, requestBytes: 600 * 1024 });
    expect(cost.lambdaRequest).toBe(0.0000002);
    expect(cost.httpApi).toBeCloseTo(2 * 0.000001, 15);
    expect(cost.dynamodbRead).toBeCloseTo(2.5 * 0.125e-6, 15);
    expect(cost.dynamodbWrite).toBeCloseTo(4 * 0.625e-6, 15);
    expect(cost.logs).toBe(0);
    expect(cost.total).toBeCloseTo(cost.lambdaRequest + cost.httpApi + cost.dynamodbRead + cost.dynamodbWrite, 15);
  });

  it('takes the architecture from Node’s process.arch', () => {
    expect(lambdaArchitecture('arm64')).toBe('arm64');
    expect(lambdaArchitecture('x64')).toBe('x86_64');
  });

  it('counts log bytes at the CloudWatch Logs ingestion price', () => {
    expect(estimateCost({ billedMs: 0, memoryMb: 128, arch: 'arm64', logBytes: 1024 ** 3 }).logs).toBe(0.5);
  });
});

describe('prices.json', () => {
  it('is dated and names a source for every service', () => {
    expect(PRICES.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const service of [PRICES.lambda, PRICES.httpApi, PRICES.dynamodb, PRICES.cloudwatchLogs, PRICES.appsync]) expect(service.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
  });

  it('gives AppSync’s $4.00 per million queries and mutations', () => {
    expect(appSyncCost(1_000_000)).toBeCloseTo(4, 10);
  });
});
