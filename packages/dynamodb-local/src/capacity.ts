/** The request units a DynamoDB response reports in `ConsumedCapacity` (asked for with `ReturnConsumedCapacity: TOTAL`). */

/** One entry of a response's `ConsumedCapacity`. */
export interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

/** Read and write units of a response's ConsumedCapacity (one entry, or one per table). */
export function unitsOf(operation: string, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): { readUnits: number; writeUnits: number } {
  let readUnits = 0;
  let writeUnits = 0;
  for (const entry of [consumed ?? []].flat()) {
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      readUnits += entry.ReadCapacityUnits ?? 0;
      writeUnits += entry.WriteCapacityUnits ?? 0;
    } else if (READS.has(operation)) {
      readUnits += entry.CapacityUnits ?? 0;
    } else {
      writeUnits += entry.CapacityUnits ?? 0;
    }
  }
  return { readUnits, writeUnits };
}
