/**
 * dist/appsync/manifest.json: what to create on AppSync for the routing table — one resolver per
 * coordinate (UNIT, PIPELINE, or LAMBDA), one function per pipeline step, the data sources they
 * name — with the bundled code file of each, so CDK, CloudFormation or serverless-appsync-plugin
 * definitions can be generated from it.
 */
import { type HttpAuthorizationConfig, httpDataSourceName, type DataSourceRef } from '@appsync-lambda/engine';
import type { RoutedResolver } from './appsync-routes.ts';

/** A data source the resolvers and functions name. */
export type ManifestDataSource =
  | { type: 'AMAZON_DYNAMODB'; description: string }
  | { type: 'NONE'; description: string }
  | { type: 'HTTP'; description: string; httpConfig: { endpoint: string; authorizationConfig?: HttpAuthorizationConfig } }
  | { type: 'AWS_LAMBDA'; description: string; functionName: string };

/** One AppSync resolver. `code` is relative to the manifest's folder. */
export type ManifestResolver = { typeName: string; fieldName: string; source: string } & (
  | { kind: 'UNIT'; dataSource: string; code: string; maxBatchSize?: number }
  | { kind: 'PIPELINE'; code: string; functions: string[] }
  | { kind: 'LAMBDA'; needs: string; maxBatchSize?: number }
);

/** One AppSync function configuration (a pipeline step). */
export type ManifestFunction = { source: string } & ({ kind: 'JS'; dataSource: string; code: string; maxBatchSize?: number } | { kind: 'LAMBDA'; needs: string });

/** The whole manifest. */
export interface AppSyncManifest {
  runtime: { name: 'APPSYNC_JS'; runtimeVersion: '1.0.0' };
  dataSources: Record<string, ManifestDataSource>;
  resolvers: Record<string, ManifestResolver>;
  functions: Record<string, ManifestFunction>;
}

/** A file to bundle as APPSYNC_JS code: `file` is relative to the output folder. */
export interface AppSyncCodeEntry {
  /** Source file relative to the project root. */
  source: string;
  file: string;
}

const LAMBDA_NEEDS = 'an AWS_LAMBDA data source: a Lambda function whose handler is this module’s `handler` (Direct Lambda resolver, no code)';

function dataSourceName(ref: DataSourceRef, dataSources: Record<string, ManifestDataSource>): string {
  if (ref.kind === 'NONE') {
    dataSources.NONE = { type: 'NONE', description: 'AppSync NONE data source: ctx.result is the request payload' };
    return 'NONE';
  }
  if (ref.kind === 'HTTP') {
    const name = httpDataSourceName(ref);
    const { endpoint, authorizationConfig } = ref;
    dataSources[name] = { type: 'HTTP', description: `the HTTP endpoint ${endpoint}`, httpConfig: { endpoint, ...(authorizationConfig ? { authorizationConfig } : {}) } };
    return name;
  }
  if (ref.kind === 'LAMBDA') {
    // AppSync data source names are letters, digits and underscores; function names may hold '-' and ARNs ':'.
    const functionName = /:function:([^:]+)/.exec(ref.functionName)?.[1] ?? ref.functionName;
    const name = functionName.replace(/[^A-Za-z0-9_]/g, '_');
    dataSources[name] = { type: 'AWS_LAMBDA', description: `the Lambda function ${ref.functionName}`, functionName: ref.functionName };
    return name;
  }
  const definition = ref.table === 'main' ? ' (definition: src/data/table.json)' : ' (its table name: DATA_SOURCE_TABLES)';
  dataSources[ref.table] = { type: 'AMAZON_DYNAMODB', description: `the ${ref.table} table${definition}` };
  return ref.table;
}

/** A Lambda data source's BatchInvoke size, which AppSync sets on the resolver or function. */
function batching(ref: DataSourceRef): { maxBatchSize?: number } {
  return ref.kind === 'LAMBDA' && ref.maxBatchSize !== undefined ? { maxBatchSize: ref.maxBatchSize } : {};
}

/** The manifest of the routes and the code files to bundle for it. */
export function planAppSyncExport(routes: readonly RoutedResolver[]): { manifest: AppSyncManifest; entries: AppSyncCodeEntry[] } {
  const manifest: AppSyncManifest = { runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' }, dataSources: {}, resolvers: {}, functions: {} };
  const entries: AppSyncCodeEntry[] = [];
  for (const route of routes) {
    const [typeName = '', fieldName = ''] = route.coordinate.split('.');
    const base = { typeName, fieldName, source: route.source };
    const code = `${route.coordinate}.js`;
    if (route.kind === 'LAMBDA') {
      const batching = route.maxBatchSize === undefined ? {} : { maxBatchSize: route.maxBatchSize };
      manifest.resolvers[route.coordinate] = { ...base, kind: 'LAMBDA', needs: LAMBDA_NEEDS, ...batching };
      continue;
    }
    entries.push({ source: route.source, file: code });
    if (route.kind === 'UNIT') {
      manifest.resolvers[route.coordinate] = { ...base, kind: 'UNIT', dataSource: dataSourceName(route.dataSource!, manifest.dataSources), code, ...batching(route.dataSource!) };
      continue;
    }
    manifest.resolvers[route.coordinate] = { ...base, kind: 'PIPELINE', code, functions: route.functions.map((step) => step.name) };
    for (const step of route.functions) {
      const known = manifest.functions[step.name];
      if (known) {
        if (known.source !== step.source) throw new Error(`Pipeline function ${step.name} is both ${known.source} and ${step.source}: AppSync function names must be unique`);
        continue;
      }
      if (step.kind === 'LAMBDA') {
        manifest.functions[step.name] = { kind: 'LAMBDA', source: step.source, needs: LAMBDA_NEEDS };
        continue;
      }
      const file = `functions/${step.name}.js`;
      manifest.functions[step.name] = { kind: 'JS', source: step.source, dataSource: dataSourceName(step.dataSource!, manifest.dataSources), code: file, ...batching(step.dataSource!) };
      entries.push({ source: step.source, file });
    }
  }
  return { manifest, entries };
}
