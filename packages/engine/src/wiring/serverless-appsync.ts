/**
 * Wiring from the `appSync:` section of a serverless-appsync-plugin (v2) `serverless.yml`:
 * `dataSources` (name → `{ type, config }`), `resolvers` (`Type.field`, or any name with `type`
 * and `field` → `{ kind, dataSource, functions, code, maxBatchSize }`; kind defaults to PIPELINE as
 * in the plugin) and `pipelineFunctions` (name → `{ dataSource, code, maxBatchSize }`). A data
 * source may be written inline in a resolver or function. A Lambda data source with no code is a
 * Direct Lambda resolver or function on the remote function. CloudFormation intrinsics in data
 * source settings (`signingRegion: !Sub ${AWS::Region}`) are resolved from `options.stack`.
 *
 * VTL templates, conflict detection (`sync`, `versioned`) and variable `substitutions` are AppSync
 * features this runtime does not run: they fail as `Unsupported`. Caching and IAM settings are
 * deploy-time concerns and are ignored.
 */
import type { HttpAuthorizationConfig } from '../core/resolver';
import { remoteLambda, remoteLambdaFn } from '../data-sources/lambda/remote-direct';
import { fn, pipeline, unit, type PipelineFunction, type ResolverDefinition } from '../core/resolver';
import { attach, dataSourceNamed, tablesOf, unknownDataSourceType, type DataSourceSpec } from './data-sources';
import { UnsupportedError, WiringError, placeOf } from './errors';
import { DEFAULT_PIPELINE_MODULE, loadResolverModule } from './modules';
import type { Wiring, WiringOptions } from './types';
import { deployedName, resolveIntrinsics } from './intrinsics';
import { isObject, namedEntries, objectAt, optionalIntegerAt, stringAt } from './values';

const ROOT = 'appSync';

interface Reader {
  options: WiringOptions;
  dataSources: Map<string, DataSourceSpec>;
  functions: Map<string, PipelineFunction>;
}

function readDataSource(name: string, value: unknown, place: string, options: WiringOptions): DataSourceSpec {
  const definition = objectAt(value, place);
  const config = definition.config === undefined ? {} : objectAt(definition.config, placeOf(place, 'config'));
  const configPlace = placeOf(place, 'config');
  switch (definition.type) {
    case 'AMAZON_DYNAMODB': {
      if (config.versioned === true || config.deltaSyncConfig !== undefined) {
        throw new UnsupportedError(placeOf(configPlace, config.versioned === true ? 'versioned' : 'deltaSyncConfig'), 'conflict detection and delta sync are not supported');
      }
      return { kind: 'DYNAMODB', name, tableName: deployedName(config.tableName, placeOf(configPlace, 'tableName'), name, options.tables, 'tables', options.stack) };
    }
    case 'NONE':
      return { kind: 'NONE', name };
    case 'HTTP': {
      const endpoint = deployedName(config.endpoint, placeOf(configPlace, 'endpoint'), name, options.endpoints, 'endpoints', options.stack);
      const authorizationPlace = placeOf(configPlace, 'authorizationConfig');
      // A signing region written as `!Sub ${AWS::Region}` is resolved here, never passed on as an object.
      const authorizationConfig = config.authorizationConfig === undefined ? undefined : objectAt(resolveIntrinsics(config.authorizationConfig, authorizationPlace, options.stack), authorizationPlace);
      // Its shape is checked by httpDataSource when a resolver attaches it.
      return { kind: 'HTTP', name, endpoint, ...(authorizationConfig ? { authorizationConfig: authorizationConfig as unknown as HttpAuthorizationConfig } : {}) };
    }
    case 'AWS_LAMBDA':
      return { kind: 'LAMBDA', name, functionName: lambdaFunction(name, config, configPlace, options) };
    default:
      throw unknownDataSourceType(definition.type, placeOf(place, 'type'));
  }
}

/**
 * The function a Lambda data source calls. `functionArn` may be a literal; `functionName` and an
 * inline `function` name a function of the same serverless.yml, whose deployed name (by default
 * `<service>-<stage>-<key>`) only the caller knows, so they need `options.functions`.
 */
function lambdaFunction(name: string, config: Record<string, unknown>, place: string, options: WiringOptions): string {
  if (config.functionArn !== undefined) return deployedName(config.functionArn, placeOf(place, 'functionArn'), name, options.functions, 'functions', options.stack);
  const given = options.functions?.[name];
  if (given !== undefined) return stringAt(given, `functions.${name}`);
  if (config.functionName !== undefined || config.function !== undefined) {
    const key = config.functionName !== undefined ? 'functionName' : 'function';
    throw new WiringError(placeOf(place, key), `names a function of this service, deployed under a name only known at deploy time; pass its deployed name or ARN as functions.${name}`);
  }
  throw new WiringError(place, 'a Lambda data source needs functionArn, functionName or function');
}

/**
 * The plugin replaces `#name#` in the code's source text at deploy time; the runtime loads modules
 * already bundled, so a `#name#` would reach a data source as written (a table named
 * "#POSTS_TABLE#"). Refused at cold start, the top-level section included.
 */
function rejectSubstitutions(definition: Record<string, unknown>, place: string): void {
  if (definition.substitutions !== undefined) throw new UnsupportedError(placeOf(place, 'substitutions'), 'variable substitutions are not supported; bundle the values into the code');
}

function rejectUnsupported(definition: Record<string, unknown>, place: string): void {
  for (const key of ['request', 'response']) {
    if (definition[key] !== undefined) throw new UnsupportedError(placeOf(place, key), 'VTL mapping templates are not supported; use APPSYNC_JS code');
  }
  if (definition.sync !== undefined) throw new UnsupportedError(placeOf(place, 'sync'), 'conflict detection (sync) is not supported');
  rejectSubstitutions(definition, place);
}

/** A data source by name, or an inline definition registered under `inlineName`. */
function dataSourceOf(reader: Reader, value: unknown, place: string, inlineName: string): DataSourceSpec {
  if (!isObject(value)) return dataSourceNamed(reader.dataSources, value, place);
  if (reader.dataSources.has(inlineName)) throw new WiringError(place, `an inline data source is named "${inlineName}", which is already a data source`);
  const spec = readDataSource(inlineName, value, place, reader.options);
  reader.dataSources.set(inlineName, spec);
  return spec;
}

function readFunction(reader: Reader, name: string, value: unknown, place: string): PipelineFunction {
  const definition = objectAt(value, place);
  rejectUnsupported(definition, place);
  const spec = dataSourceOf(reader, definition.dataSource, placeOf(place, 'dataSource'), name);
  const maxBatchSize = optionalIntegerAt(definition.maxBatchSize, placeOf(place, 'maxBatchSize'));
  if (definition.code === undefined) {
    if (spec.kind !== 'LAMBDA') throw new WiringError(placeOf(place, 'code'), `a function on the ${spec.kind} data source "${spec.name}" needs code`);
    if (maxBatchSize !== undefined) throw new UnsupportedError(placeOf(place, 'maxBatchSize'), 'batching a Direct Lambda pipeline function is not supported');
    return remoteLambdaFn(name, spec.functionName);
  }
  const codePlace = placeOf(place, 'code');
  return fn(name, loadResolverModule(reader.options, stringAt(definition.code, codePlace), codePlace), attach(spec, placeOf(place, 'dataSource'), maxBatchSize));
}

/** `Type.field` from the key or the `type`/`field` settings (which win, as in the plugin). */
function coordinateOf(key: string, definition: Record<string, unknown>, place: string): [string, string] {
  const [keyType, keyField, ...rest] = key.split('.');
  const fromKey = rest.length === 0 && keyField !== undefined;
  const type = definition.type ?? (fromKey ? keyType : undefined);
  const field = definition.field ?? (fromKey ? keyField : undefined);
  if (typeof type !== 'string' || type === '' || typeof field !== 'string' || field === '') {
    throw new WiringError(place, 'a resolver needs a "Type.field" key or type and field settings');
  }
  return [type, field];
}

function readResolver(reader: Reader, key: string, value: unknown, place: string): [string, ResolverDefinition] {
  const definition = objectAt(value, place);
  rejectUnsupported(definition, place);
  const [type, field] = coordinateOf(key, definition, place);
  const kind = definition.kind ?? 'PIPELINE';
  const codePlace = placeOf(place, 'code');
  const code = definition.code === undefined ? undefined : stringAt(definition.code, codePlace);
  const maxBatchSize = optionalIntegerAt(definition.maxBatchSize, placeOf(place, 'maxBatchSize'));
  if (kind === 'UNIT') {
    const spec = dataSourceOf(reader, definition.dataSource, placeOf(place, 'dataSource'), `${type}_${field}`);
    if (code !== undefined) return [`${type}.${field}`, unit(loadResolverModule(reader.options, code, codePlace), attach(spec, placeOf(place, 'dataSource'), maxBatchSize))];
    if (spec.kind !== 'LAMBDA') throw new WiringError(codePlace, `a UNIT resolver on the ${spec.kind} data source "${spec.name}" needs code`);
    return [`${type}.${field}`, remoteLambda(spec.functionName, maxBatchSize === undefined ? {} : { maxBatchSize })];
  }
  if (kind !== 'PIPELINE') throw new WiringError(placeOf(place, 'kind'), `unknown resolver kind ${JSON.stringify(kind)}; expected UNIT or PIPELINE`);
  const functionsPlace = placeOf(place, 'functions');
  if (!Array.isArray(definition.functions) || definition.functions.length === 0) throw new WiringError(functionsPlace, 'a PIPELINE resolver needs a list of functions');
  const steps = definition.functions.map((step: unknown, index) => {
    const stepPlace = placeOf(functionsPlace, index);
    if (isObject(step)) return readFunction(reader, `${type}_${field}_${index}`, step, stepPlace);
    const name = stringAt(step, stepPlace);
    const known = reader.functions.get(name);
    if (!known) throw new WiringError(stepPlace, `unknown pipeline function "${name}"`);
    return known;
  });
  const module = code === undefined ? DEFAULT_PIPELINE_MODULE : loadResolverModule(reader.options, code, codePlace);
  try {
    return [`${type}.${field}`, pipeline(module, steps)];
  } catch (error) {
    throw new WiringError(functionsPlace, (error as Error).message, { cause: error });
  }
}

/**
 * The routing table and tables of a serverless-appsync-plugin configuration: pass the `appSync`
 * section (or the whole parsed serverless.yml). Throws a WiringError naming the place of the first
 * problem.
 */
export function fromServerlessAppSync(config: unknown, options: WiringOptions): Wiring {
  const whole = isObject(config) && isObject(config.appSync) ? config.appSync : config;
  const appSync = objectAt(whole, ROOT);
  rejectSubstitutions(appSync, ROOT);
  const reader: Reader = { options, dataSources: new Map(), functions: new Map() };
  for (const [name, value, place] of namedEntries(appSync.dataSources, placeOf(ROOT, 'dataSources'))) {
    const spec = readDataSource(name, value, place, options);
    // A malformed endpoint fails here even when no resolver attaches the data source.
    attach(spec, place);
    reader.dataSources.set(name, spec);
  }
  for (const [name, value, place] of namedEntries(appSync.pipelineFunctions, placeOf(ROOT, 'pipelineFunctions'))) {
    reader.functions.set(name, readFunction(reader, name, value, place));
  }
  const resolvers: Record<string, ResolverDefinition> = {};
  const places = new Map<string, string>();
  for (const [key, value, place] of namedEntries(appSync.resolvers, placeOf(ROOT, 'resolvers'))) {
    const [coordinate, resolver] = readResolver(reader, key, value, place);
    const earlier = places.get(coordinate);
    if (earlier !== undefined) throw new WiringError(place, `${coordinate} already has a resolver (${earlier})`);
    places.set(coordinate, place);
    resolvers[coordinate] = resolver;
  }
  return { resolvers, tables: tablesOf(reader.dataSources.values()) };
}
