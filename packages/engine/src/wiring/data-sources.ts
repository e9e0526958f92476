/**
 * Data sources as read from a configuration, before a resolver attaches them: the runtime's
 * DataSourceRef for each kind, and the table each DynamoDB data source names.
 */
import { httpDataSource } from '../data-sources/http/config';
import { type HttpAuthorizationConfig } from '../core/resolver';
import { lambdaDataSource } from '../data-sources/lambda/data-source';
import { NONE, dynamoDBDataSource, type DataSourceRef } from '../core/resolver';
import { UnsupportedError, WiringError } from './errors';

export type DataSourceSpec =
  | { kind: 'DYNAMODB'; name: string; tableName?: string }
  | { kind: 'NONE'; name: string }
  | { kind: 'HTTP'; name: string; endpoint: string; authorizationConfig?: HttpAuthorizationConfig }
  | { kind: 'LAMBDA'; name: string; functionName: string };

/** AppSync data source types this runtime does not run. */
const UNSUPPORTED_TYPES = new Set([
  'AMAZON_OPENSEARCH_SERVICE',
  'AMAZON_ELASTICSEARCH',
  'RELATIONAL_DATABASE',
  'AMAZON_EVENTBRIDGE',
  'AMAZON_BEDROCK_RUNTIME',
]);

/** The error for a data source type that is not one of the four the runtime runs. */
export function unknownDataSourceType(type: unknown, place: string): WiringError {
  if (typeof type === 'string' && UNSUPPORTED_TYPES.has(type)) {
    return new UnsupportedError(place, `data sources of type ${type} are not supported; the runtime runs AMAZON_DYNAMODB, AWS_LAMBDA, HTTP and NONE`);
  }
  return new WiringError(place, `unknown data source type ${JSON.stringify(type)}; expected AMAZON_DYNAMODB, AWS_LAMBDA, HTTP or NONE`);
}

/** The runtime's data source for `spec`, as a resolver or function attaches it (`maxBatchSize` for Lambda). */
export function attach(spec: DataSourceSpec, place: string, maxBatchSize?: number): DataSourceRef {
  if (maxBatchSize !== undefined && spec.kind !== 'LAMBDA') {
    throw new WiringError(place, `maxBatchSize applies to AWS_LAMBDA data sources only; "${spec.name}" is ${spec.kind}`);
  }
  try {
    switch (spec.kind) {
      case 'DYNAMODB':
        return dynamoDBDataSource(spec.name);
      case 'NONE':
        return NONE;
      case 'HTTP':
        return httpDataSource(spec.endpoint, { name: spec.name, ...(spec.authorizationConfig ? { authorizationConfig: spec.authorizationConfig } : {}) });
      case 'LAMBDA':
        return lambdaDataSource(spec.functionName, maxBatchSize === undefined ? {} : { maxBatchSize });
    }
  } catch (error) {
    if (error instanceof WiringError) throw error;
    throw new WiringError(place, `data source "${spec.name}": ${(error as Error).message}`, { cause: error });
  }
}

/** Resolves a data source name against the configured ones. */
export function dataSourceNamed(dataSources: ReadonlyMap<string, DataSourceSpec>, name: unknown, place: string): DataSourceSpec {
  if (typeof name !== 'string' || name === '') throw new WiringError(place, `expected the name of a data source, got ${JSON.stringify(name) ?? 'nothing'}`);
  const spec = dataSources.get(name);
  if (!spec) throw new WiringError(place, `unknown data source "${name}"`);
  return spec;
}

/** The tables of the DynamoDB data sources whose table name is known. */
export function tablesOf(dataSources: Iterable<DataSourceSpec>): Record<string, string> {
  const tables: Record<string, string> = {};
  for (const spec of dataSources) if (spec.kind === 'DYNAMODB' && spec.tableName !== undefined) tables[spec.name] = spec.tableName;
  return tables;
}
