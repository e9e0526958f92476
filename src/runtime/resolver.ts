/**
 * How a schema coordinate is resolved: a unit resolver (one module, one data source) or a
 * pipeline (before/after module around up to 10 functions), as configured on AppSync.
 */
import type { Context } from '@aws-appsync/utils';

/** An AppSync JS module: `request(ctx)` builds the data-source request, `response(ctx)` shapes the result. */
export interface ResolverModule {
  request(ctx: Context): unknown;
  response(ctx: Context): unknown;
}

/** A data source as attached on AppSync: a DynamoDB table (by logical name) or NONE. */
export type DataSourceRef = { kind: 'DYNAMODB'; table: string } | { kind: 'NONE' };

/** The main table of the API (its real name comes from the environment). */
export const TABLE: DataSourceRef = { kind: 'DYNAMODB', table: 'main' };
/** AppSync's NONE data source: `ctx.result` is the request's `payload` (contract EXE-04). */
export const NONE: DataSourceRef = { kind: 'NONE' };

export interface PipelineFunction {
  name: string;
  module: ResolverModule;
  dataSource: DataSourceRef;
}

export type ResolverDefinition =
  | { kind: 'UNIT'; module: ResolverModule; dataSource: DataSourceRef }
  | { kind: 'PIPELINE'; module: ResolverModule; functions: readonly PipelineFunction[] };

/** AppSync's hard limit on functions per pipeline resolver (contract LIM-05). */
export const MAX_PIPELINE_FUNCTIONS = 10;

export function unit(module: ResolverModule, dataSource: DataSourceRef = TABLE): ResolverDefinition {
  return { kind: 'UNIT', module, dataSource };
}

export function fn(name: string, module: ResolverModule, dataSource: DataSourceRef = TABLE): PipelineFunction {
  return { name, module, dataSource };
}

export function pipeline(module: ResolverModule, functions: readonly PipelineFunction[]): ResolverDefinition {
  if (functions.length === 0 || functions.length > MAX_PIPELINE_FUNCTIONS) {
    throw new Error(`A pipeline resolver needs 1 to ${MAX_PIPELINE_FUNCTIONS} functions, got ${functions.length}`);
  }
  return { kind: 'PIPELINE', module, functions };
}
