/**
 * Wiring from the manifest `npm run build:appsync` emits (dist/appsync/manifest.json): its data
 * sources, resolvers (UNIT, PIPELINE, or in-process Direct Lambda) and pipeline functions. Code
 * paths are as written in the manifest (`Query.job.js`, `functions/loadJob.js`); a Direct Lambda
 * resolver or function has no bundled code, so its `source` file is loaded instead.
 */
import type { HttpAuthorizationConfig } from '../core/resolver';
import { lambda, lambdaFn, pipeline, unit, fn, type LambdaBatchResolverModule, type PipelineFunction, type ResolverDefinition } from '../core/resolver';
import { attach, dataSourceNamed, tablesOf, unknownDataSourceType, type DataSourceSpec } from './data-sources';
import { WiringError, placeOf } from './errors';
import { resolveIntrinsics } from './intrinsics';
import { loadLambdaModule, loadResolverModule } from './modules';
import type { Wiring, WiringOptions } from './types';
import { namedEntries, objectAt, optionalIntegerAt, stringAt } from './values';

const ROOT = 'manifest';

function readDataSource(name: string, value: unknown, place: string, options: WiringOptions): DataSourceSpec {
  const definition = objectAt(value, place);
  switch (definition.type) {
    case 'AMAZON_DYNAMODB': {
      const tableName = options.tables?.[name];
      return { kind: 'DYNAMODB', name, ...(tableName === undefined ? {} : { tableName: stringAt(tableName, `tables.${name}`) }) };
    }
    case 'NONE':
      return { kind: 'NONE', name };
    case 'HTTP': {
      const httpPlace = placeOf(place, 'httpConfig');
      const httpConfig = objectAt(resolveIntrinsics(definition.httpConfig, httpPlace, options.stack), httpPlace);
      const endpoint = stringAt(httpConfig.endpoint, placeOf(placeOf(place, 'httpConfig'), 'endpoint'));
      const authorizationConfig = httpConfig.authorizationConfig === undefined ? undefined : objectAt(httpConfig.authorizationConfig, placeOf(placeOf(place, 'httpConfig'), 'authorizationConfig'));
      return { kind: 'HTTP', name, endpoint, ...(authorizationConfig ? { authorizationConfig: authorizationConfig as unknown as HttpAuthorizationConfig } : {}) };
    }
    case 'AWS_LAMBDA': {
      const given = options.functions?.[name];
      return { kind: 'LAMBDA', name, functionName: given === undefined ? stringAt(definition.functionName, placeOf(place, 'functionName')) : stringAt(given, `functions.${name}`) };
    }
    default:
      throw unknownDataSourceType(definition.type, placeOf(place, 'type'));
  }
}

function readFunction(name: string, value: unknown, place: string, dataSources: ReadonlyMap<string, DataSourceSpec>, options: WiringOptions): PipelineFunction {
  const definition = objectAt(value, place);
  if (definition.kind === 'LAMBDA') {
    const sourcePlace = placeOf(place, 'source');
    return lambdaFn(name, loadLambdaModule(options, stringAt(definition.source, sourcePlace), sourcePlace));
  }
  if (definition.kind !== 'JS') throw new WiringError(placeOf(place, 'kind'), `unknown function kind ${JSON.stringify(definition.kind)}; expected JS or LAMBDA`);
  const dataSourcePlace = placeOf(place, 'dataSource');
  const spec = dataSourceNamed(dataSources, definition.dataSource, dataSourcePlace);
  const codePlace = placeOf(place, 'code');
  const module = loadResolverModule(options, stringAt(definition.code, codePlace), codePlace);
  return fn(name, module, attach(spec, dataSourcePlace, optionalIntegerAt(definition.maxBatchSize, placeOf(place, 'maxBatchSize'))));
}

function readResolver(value: unknown, place: string, dataSources: ReadonlyMap<string, DataSourceSpec>, functions: ReadonlyMap<string, PipelineFunction>, options: WiringOptions): ResolverDefinition {
  const definition = objectAt(value, place);
  const codePlace = placeOf(place, 'code');
  const maxBatchSize = optionalIntegerAt(definition.maxBatchSize, placeOf(place, 'maxBatchSize'));
  switch (definition.kind) {
    case 'UNIT': {
      const dataSourcePlace = placeOf(place, 'dataSource');
      const spec = dataSourceNamed(dataSources, definition.dataSource, dataSourcePlace);
      return unit(loadResolverModule(options, stringAt(definition.code, codePlace), codePlace), attach(spec, dataSourcePlace, maxBatchSize));
    }
    case 'LAMBDA': {
      const sourcePlace = placeOf(place, 'source');
      const module = loadLambdaModule(options, stringAt(definition.source, sourcePlace), sourcePlace);
      // A batched handler takes arrays of events: the manifest's maxBatchSize says which one `source` is.
      return maxBatchSize === undefined ? lambda(module) : lambda(module as unknown as LambdaBatchResolverModule, { maxBatchSize });
    }
    case 'PIPELINE': {
      const functionsPlace = placeOf(place, 'functions');
      if (!Array.isArray(definition.functions)) throw new WiringError(functionsPlace, 'a PIPELINE resolver needs a list of functions');
      const steps = definition.functions.map((name: unknown, index) => {
        const stepPlace = placeOf(functionsPlace, index);
        const step = functions.get(stringAt(name, stepPlace));
        if (!step) throw new WiringError(stepPlace, `unknown pipeline function "${String(name)}"`);
        return step;
      });
      const module = loadResolverModule(options, stringAt(definition.code, codePlace), codePlace);
      try {
        return pipeline(module, steps);
      } catch (error) {
        throw new WiringError(functionsPlace, (error as Error).message, { cause: error });
      }
    }
    default:
      throw new WiringError(placeOf(place, 'kind'), `unknown resolver kind ${JSON.stringify(definition.kind)}; expected UNIT, PIPELINE or LAMBDA`);
  }
}

/**
 * The routing table and tables of a build:appsync manifest. A DynamoDB data source's table is
 * `options.tables[name]` when given; otherwise it is left to the runtime's configuration
 * (TABLE_NAME for `main`, DATA_SOURCE_TABLES for the others).
 */
export function fromAppSyncManifest(manifest: unknown, options: WiringOptions): Wiring {
  const root = objectAt(manifest, ROOT);
  const dataSources = new Map<string, DataSourceSpec>();
  for (const [name, value, place] of namedEntries(root.dataSources, placeOf(ROOT, 'dataSources'))) {
    const spec = readDataSource(name, value, place, options);
    attach(spec, place);
    dataSources.set(name, spec);
  }
  const functions = new Map<string, PipelineFunction>();
  for (const [name, value, place] of namedEntries(root.functions, placeOf(ROOT, 'functions'))) functions.set(name, readFunction(name, value, place, dataSources, options));
  const resolvers: Record<string, ResolverDefinition> = {};
  for (const [coordinate, value, place] of namedEntries(root.resolvers, placeOf(ROOT, 'resolvers'))) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/.test(coordinate)) throw new WiringError(place, 'a resolver key must be a "Type.field" coordinate');
    resolvers[coordinate] = readResolver(value, place, dataSources, functions, options);
  }
  return { resolvers, tables: tablesOf(dataSources.values()) };
}
