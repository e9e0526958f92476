// fromServerlessAppSync: a serverless-appsync-plugin appSync section as the runtime's routing table
// and tables, with every configuration error naming its place.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  httpDataSource,
  lambdaDataSource,
  NONE,
  dynamoDBDataSource,
  parseCloudFormationYaml,
  type ResolverDefinition,
  type StackValues,
  UnsupportedError,
  WiringError,
  fromServerlessAppSync,
  type WiringOptions,
} from '@appsync-lambda/engine';
import { modules } from '../../fixtures/appsync-config/modules';

const FIXTURE = new URL('../../fixtures/appsync-config/serverless.yml', import.meta.url);
const TABLES = { books: 'bookshelf-prod-books', shelves: 'bookshelf-prod-shelves' };

/** A fresh copy of the fixture's serverless.yml, to change per test. */
function serverlessYml(): any {
  return parse(readFileSync(FIXTURE, 'utf8'));
}

function options(extra: Partial<WiringOptions> = {}): WiringOptions {
  return { loadModule: (path) => modules[path], tables: TABLES, ...extra };
}

function wire(config: unknown, extra: Partial<WiringOptions> = {}) {
  return fromServerlessAppSync(config, options(extra));
}

/** The error the wiring throws, to check its class and message. */
function failure(config: unknown, extra: Partial<WiringOptions> = {}): Error {
  try {
    wire(config, extra);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the configuration was accepted');
}

function unitOf(definition: ResolverDefinition | undefined) {
  if (definition?.kind !== 'UNIT') throw new Error(`expected a UNIT resolver, got ${definition?.kind}`);
  return definition;
}

describe('fromServerlessAppSync: the fixture serverless.yml', () => {
  const { resolvers, tables } = wire(serverlessYml());

  it('routes every resolver of the appSync section by its coordinate, including the type/field key variant', () => {
    expect(Object.keys(resolvers).sort()).toEqual(['Mutation.shelveBook', 'Query.book', 'Query.ping', 'Query.quote', 'Query.recommendations']);
  });

  it('attaches each unit resolver’s code to its data source: DynamoDB, NONE, HTTP with SigV4, Lambda with BatchInvoke size', () => {
    expect(unitOf(resolvers['Query.book'])).toEqual({ kind: 'UNIT', module: modules['resolvers/Query.book.ts'], dataSource: dynamoDBDataSource('books') });
    expect(unitOf(resolvers['Query.book']).module).toBe(modules['resolvers/Query.book.ts']);
    expect(unitOf(resolvers['Query.ping']).dataSource).toEqual(NONE);
    expect(unitOf(resolvers['Query.quote']).dataSource).toEqual(
      httpDataSource('https://quotes.example.com', {
        name: 'quotes',
        authorizationConfig: { authorizationType: 'AWS_IAM', awsIamConfig: { signingRegion: 'eu-west-1', signingServiceName: 'execute-api' } },
      }),
    );
    expect(unitOf(resolvers['Query.recommendations']).dataSource).toEqual(lambdaDataSource('arn:aws:lambda:eu-west-1:123456789012:function:bookshelf-recommend', { maxBatchSize: 10 }));
  });

  it('builds the pipeline from its before/after code and the named functions, in order, each on its data source', () => {
    const shelve = resolvers['Mutation.shelveBook'];
    if (shelve?.kind !== 'PIPELINE') throw new Error('expected a pipeline');
    expect(shelve.module).toBe(modules['resolvers/pipeline.ts']);
    expect(shelve.functions.map((step) => step.name)).toEqual(['checkShelf', 'putBook']);
    expect(shelve.functions).toEqual([
      { kind: 'JS', name: 'checkShelf', module: modules['functions/checkShelf.ts'], dataSource: dynamoDBDataSource('shelves') },
      { kind: 'JS', name: 'putBook', module: modules['functions/putBook.ts'], dataSource: dynamoDBDataSource('books') },
    ]);
  });

  it('names the real table of each DynamoDB data source, from the tables given for Ref and ${…} values', () => {
    expect(tables).toEqual(TABLES);
  });

  it('accepts the whole serverless.yml or its appSync section alone', () => {
    expect(Object.keys(wire(serverlessYml().appSync).resolvers).sort()).toEqual(Object.keys(resolvers).sort());
  });
});

describe('fromServerlessAppSync: what the plugin also accepts', () => {
  it('uses a literal table name as written, and lets the tables option override it', () => {
    const config = serverlessYml();
    config.appSync.dataSources.shelves.config.tableName = 'shelves-literal';
    expect(wire(config, { tables: { books: 'b' } }).tables).toEqual({ books: 'b', shelves: 'shelves-literal' });
    expect(wire(config, { tables: { books: 'b', shelves: 'override' } }).tables.shelves).toBe('override');
  });

  it('merges dataSources, resolvers and pipelineFunctions written as lists of maps', () => {
    const config = serverlessYml();
    const { books, shelves, ...others } = config.appSync.dataSources;
    config.appSync.dataSources = [{ books, shelves }, others];
    config.appSync.pipelineFunctions = [{ checkShelf: config.appSync.pipelineFunctions.checkShelf }, { putBook: config.appSync.pipelineFunctions.putBook }];
    const { shelveBook, ...queries } = config.appSync.resolvers;
    config.appSync.resolvers = [queries, { shelveBook }];
    expect(Object.keys(wire(config).resolvers)).toHaveLength(5);
  });

  it('takes a data source written inline in a resolver, named after the resolver', () => {
    const config = serverlessYml();
    config.appSync.resolvers['Query.ping'].dataSource = { type: 'NONE' };
    expect(unitOf(wire(config).resolvers['Query.ping']).dataSource).toEqual(NONE);
  });

  it('defaults kind to PIPELINE and, with no code, runs the plugin’s default before/after steps', async () => {
    const config = serverlessYml();
    delete config.appSync.resolvers.shelveBook.code;
    const shelve = wire(config).resolvers['Mutation.shelveBook'];
    if (shelve?.kind !== 'PIPELINE') throw new Error('expected a pipeline');
    expect(shelve.module.request({} as never)).toEqual({});
    expect(shelve.module.response({ prev: { result: { id: 'b1' } } } as never)).toEqual({ id: 'b1' });
  });

  it('makes a Lambda data source with no code a Direct Lambda resolver on the remote function', () => {
    const config = serverlessYml();
    delete config.appSync.resolvers['Query.recommendations'].code;
    const direct = unitOf(wire(config).resolvers['Query.recommendations']);
    expect(direct.dataSource).toEqual(lambdaDataSource('arn:aws:lambda:eu-west-1:123456789012:function:bookshelf-recommend', { maxBatchSize: 10 }));
    expect(direct.module.request({ arguments: { bookId: 'b1' }, args: { bookId: 'b1' }, info: { fieldName: 'recommendations', parentTypeName: 'Query' } } as never)).toMatchObject({ operation: 'BatchInvoke' });
  });

  it('takes a pipeline step written inline, and a function with no code on a Lambda data source as a Direct Lambda step', () => {
    const config = serverlessYml();
    config.appSync.pipelineFunctions.notify = { dataSource: 'recommender' };
    config.appSync.resolvers.shelveBook.functions = ['checkShelf', { dataSource: { type: 'AMAZON_DYNAMODB', config: { tableName: 'archive' } }, code: 'functions/putBook.ts' }, 'notify'];
    const { resolvers, tables } = wire(config);
    const shelve = resolvers['Mutation.shelveBook'];
    if (shelve?.kind !== 'PIPELINE') throw new Error('expected a pipeline');
    expect(shelve.functions.map((step) => step.name)).toEqual(['checkShelf', 'Mutation_shelveBook_1', 'notify']);
    expect(shelve.functions[1]).toMatchObject({ kind: 'JS', module: modules['functions/putBook.ts'], dataSource: dynamoDBDataSource('Mutation_shelveBook_1') });
    expect(tables).toEqual({ ...TABLES, Mutation_shelveBook_1: 'archive' });
    expect(shelve.functions[2]).toMatchObject({ kind: 'JS', name: 'notify', dataSource: lambdaDataSource('arn:aws:lambda:eu-west-1:123456789012:function:bookshelf-recommend') });
    const notify = shelve.functions[2];
    if (notify?.kind !== 'JS') throw new Error('expected a JS function on the Lambda data source');
    expect(notify.module.request({ arguments: {}, args: {}, stash: {}, prev: { result: { name: 'fiction' } }, info: { fieldName: 'shelveBook', parentTypeName: 'Mutation' } } as never)).toMatchObject({
      operation: 'Invoke',
      payload: { prev: { result: { name: 'fiction' } } },
    });
  });

  it('needs the deployed name of a function of the service (functionName), given in functions', () => {
    const config = serverlessYml();
    config.appSync.dataSources.recommender.config = { functionName: 'recommend' };
    expect(failure(config).message).toBe(
      'appSync.dataSources.recommender.config.functionName: names a function of this service, deployed under a name only known at deploy time; pass its deployed name or ARN as functions.recommender',
    );
    const { resolvers } = wire(config, { functions: { recommender: 'bookshelf-prod-recommend' } });
    expect(unitOf(resolvers['Query.recommendations']).dataSource).toEqual(lambdaDataSource('bookshelf-prod-recommend', { maxBatchSize: 10 }));
  });
});

describe('fromServerlessAppSync: CloudFormation intrinsics in the configuration', () => {
  /** The fixture with its values written as intrinsics in YAML short form, as teams write them. */
  function withIntrinsics(): any {
    const config = parseCloudFormationYaml(readFileSync(FIXTURE, 'utf8')) as any;
    const yaml = parseCloudFormationYaml(
      ['signingRegion: !Sub ${AWS::Region}', 'functionArn: !GetAtt RecommendLambdaFunction.Arn', 'endpoint: !Join ["", ["https://", !Ref QuotesApi, ".execute-api.", !Ref AWS::Region, ".", !Ref AWS::URLSuffix]]'].join('\n'),
    ) as any;
    config.appSync.dataSources.quotes.config.authorizationConfig.awsIamConfig.signingRegion = yaml.signingRegion;
    config.appSync.dataSources.quotes.config.endpoint = yaml.endpoint;
    config.appSync.dataSources.recommender.config.functionArn = yaml.functionArn;
    return config;
  }
  const stack: StackValues = {
    region: 'eu-central-1',
    refs: { BooksTable: 'books-from-stack', QuotesApi: 'abc123' },
    attributes: { 'RecommendLambdaFunction.Arn': 'arn:aws:lambda:eu-central-1:123456789012:function:recommend' },
  };

  it('resolves them from the stack values: a !Sub signing region, a !Join endpoint, a !GetAtt function ARN, a Ref table', () => {
    const { resolvers, tables } = wire(withIntrinsics(), { tables: { shelves: 'shelves' }, stack });
    expect(unitOf(resolvers['Query.quote']).dataSource).toEqual(
      httpDataSource('https://abc123.execute-api.eu-central-1.amazonaws.com', {
        name: 'quotes',
        authorizationConfig: { authorizationType: 'AWS_IAM', awsIamConfig: { signingRegion: 'eu-central-1', signingServiceName: 'execute-api' } },
      }),
    );
    expect(unitOf(resolvers['Query.recommendations']).dataSource).toEqual(lambdaDataSource('arn:aws:lambda:eu-central-1:123456789012:function:recommend', { maxBatchSize: 10 }));
    expect(tables.books).toBe('books-from-stack');
  });

  it('refuses an intrinsic the stack values cannot resolve, naming its place, instead of passing the object on', () => {
    const error = failure(withIntrinsics(), { stack: { ...stack, region: undefined } });
    expect(error).toBeInstanceOf(WiringError);
    expect(error.message).toBe('appSync.dataSources.quotes.config.endpoint: {"Fn::Join":["",["https://",{"Ref":"QuotesApi"},".execute-api.",{"Ref":"AWS::Region"},".",{"Ref":"AWS::URLSuffix"}]]} is resolved only at deploy time; pass its real value as endpoints.quotes or stack.region');
    const signing = failure(withIntrinsics(), { stack: { ...stack, region: undefined }, endpoints: { quotes: 'https://quotes.example.com' } });
    expect(signing.message).toBe('appSync.dataSources.quotes.config.authorizationConfig.awsIamConfig.signingRegion["Fn::Sub"]: AWS::Region is resolved only at deploy time; pass its value as stack.region');
  });
});

describe('fromServerlessAppSync: configuration errors name their place', () => {
  it('a table written as { Ref } or ${…} with no real name given', () => {
    const error = failure(serverlessYml(), { tables: {} });
    expect(error).toBeInstanceOf(WiringError);
    expect(error.message).toBe('appSync.dataSources.books.config.tableName: {"Ref":"BooksTable"} is resolved only at deploy time; pass its real value as tables.books or stack.refs.BooksTable');
    expect(failure(serverlessYml(), { tables: { books: 'b' } }).message).toBe(
      'appSync.dataSources.shelves.config.tableName: "${self:custom.shelvesTable}" is resolved only at deploy time; pass its real value as tables.shelves',
    );
  });

  it('a resolver on an unknown data source', () => {
    const config = serverlessYml();
    config.appSync.resolvers['Query.book'].dataSource = 'foo';
    expect((failure(config) as WiringError).place).toBe('appSync.resolvers["Query.book"].dataSource');
    expect(failure(config).message).toBe('appSync.resolvers["Query.book"].dataSource: unknown data source "foo"');
  });

  it('a pipeline naming an unknown function, and a function on an unknown data source', () => {
    const config = serverlessYml();
    config.appSync.resolvers.shelveBook.functions[1] = 'shelveIt';
    expect(failure(config).message).toBe('appSync.resolvers.shelveBook.functions[1]: unknown pipeline function "shelveIt"');
    const other = serverlessYml();
    other.appSync.pipelineFunctions.putBook.dataSource = 'library';
    expect(failure(other).message).toBe('appSync.pipelineFunctions.putBook.dataSource: unknown data source "library"');
  });

  it('code the caller has no module for, or a module without request/response', () => {
    const config = serverlessYml();
    config.appSync.pipelineFunctions.putBook.code = 'functions/putBook.js';
    expect(failure(config).message).toBe('appSync.pipelineFunctions.putBook.code: no module for the code "functions/putBook.js"');
    const partial = failure(serverlessYml(), { loadModule: (path) => (path === 'resolvers/Query.ping.ts' ? { request: () => ({}) } : modules[path]) });
    expect(partial.message).toBe('appSync.resolvers["Query.ping"].code: the code "resolvers/Query.ping.ts" does not export response(ctx)');
    const broken = failure(serverlessYml(), {
      loadModule: (path) => {
        if (path === 'resolvers/Query.quote.ts') throw new Error('Cannot find module');
        return modules[path];
      },
    });
    expect(broken.message).toBe('appSync.resolvers["Query.quote"].code: cannot load the code "resolvers/Query.quote.ts": Cannot find module');
    expect(broken.cause).toBeInstanceOf(Error);
  });

  it('a resolver with neither a Type.field key nor type and field, and one coordinate resolved twice', () => {
    const config = serverlessYml();
    config.appSync.resolvers.getBook = { kind: 'UNIT', dataSource: 'books', code: 'resolvers/Query.book.ts' };
    expect(failure(config).message).toBe('appSync.resolvers.getBook: a resolver needs a "Type.field" key or type and field settings');
    config.appSync.resolvers.getBook = { type: 'Query', field: 'book', kind: 'UNIT', dataSource: 'books', code: 'resolvers/Query.book.ts' };
    expect(failure(config).message).toBe('appSync.resolvers.getBook: Query.book already has a resolver (appSync.resolvers["Query.book"])');
  });

  it('a pipeline without functions or with more than AppSync’s 10 (LIM-05), an unknown kind, a UNIT resolver without code', () => {
    const empty = serverlessYml();
    empty.appSync.resolvers.shelveBook.functions = [];
    expect(failure(empty).message).toBe('appSync.resolvers.shelveBook.functions: a PIPELINE resolver needs a list of functions');
    const long = serverlessYml();
    long.appSync.resolvers.shelveBook.functions = Array.from({ length: 11 }, () => 'checkShelf');
    expect(failure(long).message).toBe('appSync.resolvers.shelveBook.functions: A pipeline resolver needs 1 to 10 functions, got 11');
    const kind = serverlessYml();
    kind.appSync.resolvers['Query.book'].kind = 'BATCH';
    expect(failure(kind).message).toBe('appSync.resolvers["Query.book"].kind: unknown resolver kind "BATCH"; expected UNIT or PIPELINE');
    const codeless = serverlessYml();
    delete codeless.appSync.resolvers['Query.book'].code;
    expect(failure(codeless).message).toBe('appSync.resolvers["Query.book"].code: a UNIT resolver on the DYNAMODB data source "books" needs code');
  });

  it('an HTTP endpoint resolved at deploy time, unless the endpoints option gives its URL', () => {
    const config = serverlessYml();
    config.appSync.dataSources.quotes.config.endpoint = { 'Fn::Join': ['', ['https://', { Ref: 'QuotesApi' }, '.execute-api.eu-west-1.amazonaws.com']] };
    expect(failure(config).message).toMatch(/^appSync\.dataSources\.quotes\.config\.endpoint: \{"Fn::Join":.* is resolved only at deploy time; pass its real value as endpoints\.quotes or stack\.refs\.QuotesApi$/);
    const { resolvers } = wire(config, { endpoints: { quotes: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' } });
    expect(unitOf(resolvers['Query.quote']).dataSource).toMatchObject({ kind: 'HTTP', name: 'quotes', endpoint: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' });
  });

  it('a malformed HTTP endpoint, attached or not, or a maxBatchSize on a data source that is not Lambda', () => {
    const config = serverlessYml();
    config.appSync.dataSources.quotes.config.endpoint = 'ftp://quotes.example.com';
    expect(failure(config).message).toBe('appSync.dataSources.quotes: data source "quotes": The HTTP data source endpoint ftp://quotes.example.com must use http or https');
    delete config.appSync.resolvers['Query.quote'];
    expect(failure(config).message).toBe('appSync.dataSources.quotes: data source "quotes": The HTTP data source endpoint ftp://quotes.example.com must use http or https');
    const batch = serverlessYml();
    batch.appSync.resolvers['Query.book'].maxBatchSize = 5;
    expect(failure(batch).message).toBe('appSync.resolvers["Query.book"].dataSource: maxBatchSize applies to AWS_LAMBDA data sources only; "books" is DYNAMODB');
  });

  it.each(['AMAZON_OPENSEARCH_SERVICE', 'AMAZON_ELASTICSEARCH', 'RELATIONAL_DATABASE', 'AMAZON_EVENTBRIDGE', 'AMAZON_BEDROCK_RUNTIME'])('an unsupported data source type %s is Unsupported', (type) => {
    const config = serverlessYml();
    config.appSync.dataSources.search = { type, config: {} };
    const error = failure(config);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect(error.name).toBe('Unsupported');
    expect(error.message).toBe(`appSync.dataSources.search.type: data sources of type ${type} are not supported; the runtime runs AMAZON_DYNAMODB, AWS_LAMBDA, HTTP and NONE`);
  });

  it('an unknown data source type, VTL templates, sync and substitutions', () => {
    const typo = serverlessYml();
    typo.appSync.dataSources.local.type = 'NOTHING';
    expect(failure(typo)).not.toBeInstanceOf(UnsupportedError);
    expect(failure(typo).message).toBe('appSync.dataSources.local.type: unknown data source type "NOTHING"; expected AMAZON_DYNAMODB, AWS_LAMBDA, HTTP or NONE');
    const vtl = serverlessYml();
    vtl.appSync.resolvers['Query.book'].request = 'mapping-templates/Query.book.request.vtl';
    expect(failure(vtl)).toBeInstanceOf(UnsupportedError);
    expect(failure(vtl).message).toBe('appSync.resolvers["Query.book"].request: VTL mapping templates are not supported; use APPSYNC_JS code');
    const sync = serverlessYml();
    sync.appSync.pipelineFunctions.putBook.sync = { conflictDetection: 'VERSION' };
    expect(failure(sync).message).toBe('appSync.pipelineFunctions.putBook.sync: conflict detection (sync) is not supported');
    const substitutions = serverlessYml();
    substitutions.appSync.resolvers['Query.ping'].substitutions = { stage: 'prod' };
    expect(failure(substitutions)).toBeInstanceOf(UnsupportedError);
    const global = serverlessYml();
    global.appSync.substitutions = { RELATIONSHIPS_TABLE: { Ref: 'RelationshipsTable' } };
    expect(failure(global)).toBeInstanceOf(UnsupportedError);
    expect(failure(global).message).toBe('appSync.substitutions: variable substitutions are not supported; bundle the values into the code');
  });

  it('a section that is not an object', () => {
    expect(failure('appSync').message).toBe('appSync: expected an object, got "appSync"');
    const config = serverlessYml();
    config.appSync.resolvers['Query.book'] = 'books';
    expect(failure(config).message).toBe('appSync.resolvers["Query.book"]: expected an object, got "books"');
  });
});
