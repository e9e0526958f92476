/**
 * AWS's DynamoDB Local for development, tests and benchmarks: start it, create tables on it, count
 * the request units it reports. The test helpers (a database per test file, the vitest global
 * setup) are the subpaths `./vitest` and `./global-setup`.
 */
export { assertJava, assertPortFree, freePort, startDynamoDBLocal, type DynamoDBLocal, type StartOptions } from './launcher';
export { ensureTable, type TableDefinition } from './table';
export { unitsOf, type ConsumedCapacity } from './capacity';
