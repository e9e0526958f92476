/**
 * Wiring from a CloudFormation template's AppSync resources: `AWS::AppSync::DataSource`
 * (AMAZON_DYNAMODB, AWS_LAMBDA, HTTP with its AuthorizationConfig, NONE),
 * `AWS::AppSync::FunctionConfiguration` and `AWS::AppSync::Resolver` (UNIT, the default, or
 * PIPELINE), with the intrinsics between them (`!GetAtt BooksSource.Name`, `!GetAtt
 * LoadBook.FunctionId`) resolved from the template and the others from `options.stack`.
 *
 * Code is named by `CodeS3Location`, written as the local path the template is packaged from
 * (`resolvers/Query.book.js`), and loaded with `options.loadModule`. Inline `Code` and VTL mapping
 * templates fail as `Unsupported`, naming the resource.
 */
import type { HttpAuthorizationConfig } from '../core/resolver';
import { fn, pipeline, unit, type PipelineFunction, type ResolverDefinition } from '../core/resolver';
import { attach, dataSourceNamed, tablesOf, unknownDataSourceType, type DataSourceSpec } from './data-sources';
import { UnsupportedError, WiringError, placeOf } from './errors';
import { deployedName, resolveIntrinsics, type StackValues } from './intrinsics';
import { DEFAULT_PIPELINE_MODULE, loadResolverModule } from './modules';
import type { Wiring, WiringOptions } from './types';
import { isObject, objectAt, optionalIntegerAt, stringAt } from './values';

const ROOT = 'Resources';

interface Resource {
  id: string;
  type: string;
  properties: Record<string, unknown>;
  place: string;
}

function resourcesOf(template: unknown): Resource[] {
  const resources = objectAt(objectAt(template, 'template').Resources, ROOT);
  return Object.entries(resources).flatMap(([id, value]) => {
    const place = placeOf(ROOT, id);
    const resource = objectAt(value, place);
    if (typeof resource.Type !== 'string' || !resource.Type.startsWith('AWS::AppSync::') && resource.Type !== 'AWS::DynamoDB::Table') return [];
    const properties = resource.Properties === undefined ? {} : objectAt(resource.Properties, placeOf(place, 'Properties'));
    return [{ id, type: resource.Type, properties, place: placeOf(place, 'Properties') }];
  });
}

/**
 * The stack values with what the template itself tells: a data source's `Name`, a function's id
 * (its `FunctionId`, `FunctionArn` and `Ref` stand for the resource), a table's literal `TableName`.
 */
function stackOf(resources: Resource[], given: StackValues | undefined): StackValues {
  const refs: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  for (const { id, type, properties } of resources) {
    if (type === 'AWS::AppSync::DataSource' && typeof properties.Name === 'string') attributes[`${id}.Name`] = properties.Name;
    if (type === 'AWS::AppSync::FunctionConfiguration') {
      refs[id] = id;
      attributes[`${id}.FunctionId`] = id;
      attributes[`${id}.FunctionArn`] = id;
    }
  }
  const stack: StackValues = { ...given, refs, attributes: { ...attributes, ...given?.attributes } };
  for (const { id, type, properties, place } of resources) {
    if (type !== 'AWS::DynamoDB::Table' || properties.TableName === undefined || given?.refs?.[id] !== undefined) continue;
    // Resolved when a data source refers to the table, so one whose name the tables option gives needs no stack values.
    Object.defineProperty(refs, id, { enumerable: true, get: () => stringAt(resolveIntrinsics(properties.TableName, placeOf(place, 'TableName'), stack), placeOf(place, 'TableName')) });
  }
  Object.assign(refs, given?.refs);
  return stack;
}

/** `AuthorizationConfig` as CloudFormation writes it, in the runtime's (AppSync API) spelling. */
function authorizationOf(value: unknown, place: string, stack: StackValues): HttpAuthorizationConfig {
  const config = objectAt(resolveIntrinsics(value, place, stack), place);
  const iam = config.AwsIamConfig === undefined ? undefined : objectAt(config.AwsIamConfig, placeOf(place, 'AwsIamConfig'));
  return {
    authorizationType: config.AuthorizationType,
    ...(iam ? { awsIamConfig: { signingRegion: iam.SigningRegion, signingServiceName: iam.SigningServiceName } } : {}),
  } as HttpAuthorizationConfig;
}

function readDataSource({ properties, place }: Resource, options: WiringOptions, stack: StackValues): DataSourceSpec {
  const name = stringAt(resolveIntrinsics(properties.Name, placeOf(place, 'Name'), stack), placeOf(place, 'Name'));
  switch (properties.Type) {
    case 'AMAZON_DYNAMODB': {
      const configPlace = placeOf(place, 'DynamoDBConfig');
      const config = objectAt(properties.DynamoDBConfig, configPlace);
      if (config.Versioned === true || config.DeltaSyncConfig !== undefined) {
        throw new UnsupportedError(placeOf(configPlace, config.Versioned === true ? 'Versioned' : 'DeltaSyncConfig'), 'conflict detection and delta sync are not supported');
      }
      return { kind: 'DYNAMODB', name, tableName: deployedName(config.TableName, placeOf(configPlace, 'TableName'), name, options.tables, 'tables', stack) };
    }
    case 'NONE':
      return { kind: 'NONE', name };
    case 'HTTP': {
      const configPlace = placeOf(place, 'HttpConfig');
      const config = objectAt(properties.HttpConfig, configPlace);
      const endpoint = deployedName(config.Endpoint, placeOf(configPlace, 'Endpoint'), name, options.endpoints, 'endpoints', stack);
      const authorizationPlace = placeOf(configPlace, 'AuthorizationConfig');
      return { kind: 'HTTP', name, endpoint, ...(config.AuthorizationConfig === undefined ? {} : { authorizationConfig: authorizationOf(config.AuthorizationConfig, authorizationPlace, stack) }) };
    }
    case 'AWS_LAMBDA': {
      const configPlace = placeOf(place, 'LambdaConfig');
      const config = objectAt(properties.LambdaConfig, configPlace);
      return { kind: 'LAMBDA', name, functionName: deployedName(config.LambdaFunctionArn, placeOf(configPlace, 'LambdaFunctionArn'), name, options.functions, 'functions', stack) };
    }
    default:
      throw unknownDataSourceType(properties.Type, placeOf(place, 'Type'));
  }
}

/** The code path of a resolver or function, refusing what the runtime cannot run. */
function codePathOf({ id, properties, place }: Resource, stack: StackValues): string | undefined {
  for (const key of ['RequestMappingTemplate', 'RequestMappingTemplateS3Location', 'ResponseMappingTemplate', 'ResponseMappingTemplateS3Location']) {
    if (properties[key] !== undefined) throw new UnsupportedError(placeOf(place, key), `${id} uses VTL mapping templates, which are not supported yet; use APPSYNC_JS code`);
  }
  if (properties.SyncConfig !== undefined) throw new UnsupportedError(placeOf(place, 'SyncConfig'), 'conflict detection (SyncConfig) is not supported');
  if (properties.Code !== undefined) throw new UnsupportedError(placeOf(place, 'Code'), `${id} has inline Code; give its bundled file as CodeS3Location, loaded with loadModule`);
  if (properties.Runtime !== undefined) {
    const runtime = objectAt(properties.Runtime, placeOf(place, 'Runtime'));
    if (runtime.Name !== 'APPSYNC_JS') throw new UnsupportedError(placeOf(placeOf(place, 'Runtime'), 'Name'), `the runtime ${JSON.stringify(runtime.Name)} is not supported; expected APPSYNC_JS`);
  }
  if (properties.CodeS3Location === undefined) return undefined;
  const codePlace = placeOf(place, 'CodeS3Location');
  return stringAt(resolveIntrinsics(properties.CodeS3Location, codePlace, stack), codePlace);
}

function dataSourceOf(resource: Resource, dataSources: ReadonlyMap<string, DataSourceSpec>, stack: StackValues): DataSourceSpec {
  const place = placeOf(resource.place, 'DataSourceName');
  return dataSourceNamed(dataSources, resolveIntrinsics(resource.properties.DataSourceName, place, stack), place);
}

function readFunction(resource: Resource, options: WiringOptions, dataSources: ReadonlyMap<string, DataSourceSpec>, stack: StackValues): PipelineFunction {
  const { properties, place } = resource;
  const code = codePathOf(resource, stack);
  if (code === undefined) throw new WiringError(placeOf(place, 'CodeS3Location'), `the function ${resource.id} needs code`);
  const spec = dataSourceOf(resource, dataSources, stack);
  const maxBatchSize = optionalIntegerAt(properties.MaxBatchSize, placeOf(place, 'MaxBatchSize'));
  const name = typeof properties.Name === 'string' ? properties.Name : resource.id;
  return fn(name, loadResolverModule(options, code, placeOf(place, 'CodeS3Location')), attach(spec, placeOf(place, 'DataSourceName'), maxBatchSize));
}

function readResolver(resource: Resource, options: WiringOptions, dataSources: ReadonlyMap<string, DataSourceSpec>, functions: ReadonlyMap<string, PipelineFunction>, stack: StackValues): [string, ResolverDefinition] {
  const { properties, place } = resource;
  const type = stringAt(resolveIntrinsics(properties.TypeName, placeOf(place, 'TypeName'), stack), placeOf(place, 'TypeName'));
  const field = stringAt(resolveIntrinsics(properties.FieldName, placeOf(place, 'FieldName'), stack), placeOf(place, 'FieldName'));
  const code = codePathOf(resource, stack);
  const codePlace = placeOf(place, 'CodeS3Location');
  const maxBatchSize = optionalIntegerAt(properties.MaxBatchSize, placeOf(place, 'MaxBatchSize'));
  const kind = properties.Kind ?? 'UNIT';
  if (kind === 'UNIT') {
    if (code === undefined) throw new WiringError(codePlace, `the UNIT resolver ${resource.id} needs code`);
    return [`${type}.${field}`, unit(loadResolverModule(options, code, codePlace), attach(dataSourceOf(resource, dataSources, stack), placeOf(place, 'DataSourceName'), maxBatchSize))];
  }
  if (kind !== 'PIPELINE') throw new WiringError(placeOf(place, 'Kind'), `unknown resolver kind ${JSON.stringify(kind)}; expected UNIT or PIPELINE`);
  const functionsPlace = placeOf(placeOf(place, 'PipelineConfig'), 'Functions');
  const ids = isObject(properties.PipelineConfig) ? resolveIntrinsics(properties.PipelineConfig.Functions, functionsPlace, stack) : undefined;
  if (!Array.isArray(ids) || ids.length === 0) throw new WiringError(functionsPlace, 'a PIPELINE resolver needs a list of functions');
  const steps = ids.map((id: unknown, index) => {
    const step = typeof id === 'string' ? functions.get(id) : undefined;
    if (!step) throw new WiringError(placeOf(functionsPlace, index), `${JSON.stringify(id)} is not an AWS::AppSync::FunctionConfiguration of the template`);
    return step;
  });
  const module = code === undefined ? DEFAULT_PIPELINE_MODULE : loadResolverModule(options, code, codePlace);
  try {
    return [`${type}.${field}`, pipeline(module, steps)];
  } catch (error) {
    throw new WiringError(functionsPlace, (error as Error).message, { cause: error });
  }
}

/**
 * The routing table and tables of a CloudFormation template (parsed, e.g. with
 * `parseCloudFormationYaml`). Throws a WiringError naming the place of the first problem.
 */
export function fromCloudFormation(template: unknown, options: WiringOptions): Wiring {
  const resources = resourcesOf(template);
  const stack = stackOf(resources, options.stack);
  const dataSources = new Map<string, DataSourceSpec>();
  for (const resource of resources.filter((each) => each.type === 'AWS::AppSync::DataSource')) {
    const spec = readDataSource(resource, options, stack);
    attach(spec, resource.place);
    dataSources.set(spec.name, spec);
  }
  const functions = new Map<string, PipelineFunction>();
  for (const resource of resources.filter((each) => each.type === 'AWS::AppSync::FunctionConfiguration')) {
    functions.set(resource.id, readFunction(resource, options, dataSources, stack));
  }
  const resolvers: Record<string, ResolverDefinition> = {};
  for (const resource of resources.filter((each) => each.type === 'AWS::AppSync::Resolver')) {
    const [coordinate, resolver] = readResolver(resource, options, dataSources, functions, stack);
    if (resolvers[coordinate] !== undefined) throw new WiringError(resource.place, `${coordinate} already has a resolver`);
    resolvers[coordinate] = resolver;
  }
  return { resolvers, tables: tablesOf(dataSources.values()) };
}
