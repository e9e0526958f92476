// fromCloudFormation: a CloudFormation template's AppSync resources as the runtime's routing table
// and tables; the fixture template describes the same API as the fixture serverless.yml.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  fromCloudFormation,
  fromServerlessAppSync,
  parseCloudFormationYaml,
  schemaFromCloudFormation,
  UnsupportedError,
  WiringError,
  type StackValues,
  type WiringOptions,
} from '@appsync-lambda/engine';
import { modules } from '../../fixtures/appsync-config/modules';

const TEMPLATE = new URL('../../fixtures/appsync-config/template.yml', import.meta.url);
const SERVERLESS = new URL('../../fixtures/appsync-config/serverless.yml', import.meta.url);
const STACK: StackValues = {
  region: 'eu-west-1',
  stackName: 'prod',
  attributes: { 'RecommendFunction.Arn': 'arn:aws:lambda:eu-west-1:123456789012:function:bookshelf-recommend' },
};

/** A fresh copy of the fixture template, to change per test. */
function template(): any {
  return parseCloudFormationYaml(readFileSync(TEMPLATE, 'utf8'));
}

function options(extra: Partial<WiringOptions> = {}): WiringOptions {
  return { loadModule: (path) => modules[path], stack: STACK, ...extra };
}

function failure(value: unknown, extra: Partial<WiringOptions> = {}): Error {
  try {
    fromCloudFormation(value, options(extra));
  } catch (error) {
    return error as Error;
  }
  throw new Error('the template was accepted');
}

describe('fromCloudFormation', () => {
  it('wires the template as serverless-appsync-plugin wires the same API: data sources, unit resolvers, the pipeline and its functions, tables', () => {
    const fromTemplate = fromCloudFormation(template(), options());
    const fromServerless = fromServerlessAppSync(parse(readFileSync(SERVERLESS, 'utf8')), {
      loadModule: (path) => modules[path],
      tables: { books: 'bookshelf-prod-books', shelves: 'bookshelf-prod-shelves' },
    });
    expect(fromTemplate).toEqual(fromServerless);
    expect(fromTemplate.tables).toEqual({ books: 'bookshelf-prod-books', shelves: 'bookshelf-prod-shelves' });
    expect(Object.keys(fromTemplate.resolvers).sort()).toEqual(['Mutation.shelveBook', 'Query.book', 'Query.ping', 'Query.quote', 'Query.recommendations']);
  });

  it('takes a table name from the tables option or the stack refs over the template, needing no stack values for it then', () => {
    expect(fromCloudFormation(template(), options({ tables: { books: 'other-books' }, stack: { ...STACK, stackName: undefined } })).tables.books).toBe('other-books');
    expect(fromCloudFormation(template(), options({ stack: { ...STACK, refs: { BooksTable: 'given-books' } } })).tables.books).toBe('given-books');
    expect(failure(template(), { stack: { ...STACK, stackName: undefined } }).message).toBe(
      'Resources.BooksSource.Properties.DynamoDBConfig.TableName: {"Ref":"BooksTable"} is resolved only at deploy time; pass its real value as tables.books or stack.stackName',
    );
  });

  it('refuses an intrinsic the stack values cannot resolve, naming its place', () => {
    const error = failure(template(), { stack: { ...STACK, region: undefined } });
    expect(error).toBeInstanceOf(WiringError);
    expect(error.message).toBe('Resources.QuotesSource.Properties.HttpConfig.AuthorizationConfig.AwsIamConfig.SigningRegion["Fn::Sub"]: AWS::Region is resolved only at deploy time; pass its value as stack.region');
  });

  it('reports VTL templates, inline code, another runtime and other data source types as Unsupported, naming the resource', () => {
    const vtl = template();
    vtl.Resources.BookResolver.Properties.RequestMappingTemplate = '{}';
    expect(failure(vtl)).toBeInstanceOf(UnsupportedError);
    expect(failure(vtl).message).toBe('Resources.BookResolver.Properties.RequestMappingTemplate: BookResolver uses VTL mapping templates, which are not supported yet; use APPSYNC_JS code');
    const inline = template();
    inline.Resources.PingResolver.Properties.Code = 'export function request() { return {}; }';
    expect(failure(inline).message).toBe('Resources.PingResolver.Properties.Code: PingResolver has inline Code; give its bundled file as CodeS3Location, loaded with loadModule');
    const search = template();
    search.Resources.LocalSource.Properties.Type = 'AMAZON_OPENSEARCH_SERVICE';
    expect(failure(search)).toBeInstanceOf(UnsupportedError);
    expect(failure(search).message).toMatch(/^Resources\.LocalSource\.Properties\.Type: data sources of type AMAZON_OPENSEARCH_SERVICE are not supported/);
  });

  it('names a dangling data source or pipeline function, and code with no module', () => {
    const dangling = template();
    dangling.Resources.QuoteResolver.Properties.DataSourceName = 'nowhere';
    expect(failure(dangling).message).toBe('Resources.QuoteResolver.Properties.DataSourceName: unknown data source "nowhere"');
    const step = template();
    step.Resources.ShelveBookResolver.Properties.PipelineConfig.Functions[1] = 'Missing';
    expect(failure(step).message).toBe('Resources.ShelveBookResolver.Properties.PipelineConfig.Functions[1]: "Missing" is not an AWS::AppSync::FunctionConfiguration of the template');
    const code = template();
    code.Resources.PutBook.Properties.CodeS3Location = 'functions/missing.js';
    expect(failure(code).message).toBe('Resources.PutBook.Properties.CodeS3Location: no module for the code "functions/missing.js"');
  });
});

describe('schemaFromCloudFormation', () => {
  const baseDirectory = new URL('../../fixtures/appsync-config/', import.meta.url).pathname;
  const schemaOf = (value: unknown) => schemaFromCloudFormation(value, { baseDirectory });

  it('reads the schema from the local DefinitionS3Location, or an inline Definition', () => {
    expect(schemaOf(template())).toBe(readFileSync(new URL('schema.graphql', `file://${baseDirectory}`), 'utf8'));
    const inline = template();
    inline.Resources.Schema.Properties = { ApiId: 'x', Definition: { 'Fn::Sub': 'type Query { region: String } # ${AWS::Region}' } };
    expect(schemaFromCloudFormation(inline, { baseDirectory, stack: { region: 'eu-west-1' } })).toBe('type Query { region: String } # eu-west-1');
  });

  it('names a schema in S3, a missing file or a template without one', () => {
    const s3 = template();
    s3.Resources.Schema.Properties.DefinitionS3Location = 's3://bucket/schema.graphql';
    expect(() => schemaOf(s3)).toThrow('Resources.Schema.Properties.DefinitionS3Location: s3://bucket/schema.graphql is in S3; give the local path the template is packaged from');
    const missing = template();
    missing.Resources.Schema.Properties.DefinitionS3Location = 'nowhere.graphql';
    expect(() => schemaOf(missing)).toThrow(/^Resources\.Schema\.Properties\.DefinitionS3Location: cannot read the schema "nowhere\.graphql": ENOENT/);
    const none = template();
    delete none.Resources.Schema;
    expect(() => schemaOf(none)).toThrow(new WiringError('Resources', 'expected one AWS::AppSync::GraphQLSchema, found 0'));
  });
});
