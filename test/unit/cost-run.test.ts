// The pieces of `npm run cost` that are plain arithmetic: the traffic mix, the duration model and
// the reading of DynamoDB's ConsumedCapacity.
import { describe, expect, it } from 'vitest';
import { CASES } from '../../bench/lib/operations';
import { mixRound, TRAFFIC_MIX } from '../../scripts/cost/mix';
import { cpuAtMemory, criticalPath, modelledDynamoDBMs } from '../../scripts/cost/model';
import { unitsOf } from '@appsync-lambda/dynamodb-local';

describe('the traffic mix', () => {
  it('is 100 operations of the SDK per round, each as often as its weight, interleaved', () => {
    const round = mixRound();
    expect(round).toHaveLength(100);
    for (const [name, weight] of Object.entries(TRAFFIC_MIX)) {
      expect(CASES[name]).toBeDefined();
      expect(round.filter((entry) => entry === name)).toHaveLength(weight);
    }
    // Interleaved: no operation fills the first quarter of the round.
    expect(new Set(round.slice(0, 25)).size).toBeGreaterThan(5);
  });
});

describe('the duration model', () => {
  it('gives CPU time in proportion to memory up to one full vCPU at 1769 MB', () => {
    expect(cpuAtMemory(2, 1769)).toBe(2);
    expect(cpuAtMemory(2, 3538)).toBe(2);
    expect(cpuAtMemory(2, 512)).toBeCloseTo((2 * 1769) / 512, 10);
  });

  it('counts DynamoDB latency along the critical path: parallel calls once, sequential calls each', () => {
    const sequential = [
      { operation: 'GetItem', start: 0, end: 1 },
      { operation: 'GetItem', start: 1, end: 2 },
      { operation: 'TransactWriteItems', start: 2, end: 3 },
    ];
    expect(criticalPath(sequential)).toHaveLength(3);
    expect(modelledDynamoDBMs(sequential)).toBe(4 + 4 + 12);
    const parallel = [
      { operation: 'GetItem', start: 0, end: 2 },
      { operation: 'GetItem', start: 0.5, end: 1.5 },
      { operation: 'PutItem', start: 2.5, end: 3 },
    ];
    expect(criticalPath(parallel).map((call) => call.operation)).toEqual(['GetItem', 'PutItem']);
  });
});

describe('consumed capacity', () => {
  it('reads ReadCapacityUnits and WriteCapacityUnits, per table for transactions', () => {
    expect(unitsOf('TransactWriteItems', [{ CapacityUnits: 10, ReadCapacityUnits: 2, WriteCapacityUnits: 8 }])).toEqual({ readUnits: 2, writeUnits: 8 });
  });

  it('takes CapacityUnits as reads or writes by the operation when only the total is given', () => {
    expect(unitsOf('Query', { CapacityUnits: 1.5 })).toEqual({ readUnits: 1.5, writeUnits: 0 });
    expect(unitsOf('PutItem', { CapacityUnits: 3 })).toEqual({ readUnits: 0, writeUnits: 3 });
    expect(unitsOf('GetItem', undefined)).toEqual({ readUnits: 0, writeUnits: 0 });
  });
});
