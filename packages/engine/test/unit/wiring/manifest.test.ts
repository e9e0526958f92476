// fromAppSyncManifest: the manifest build:appsync emits as the runtime's routing table and tables,
// with every error naming its place in the manifest.
import { describe, expect, it } from 'vitest';
import { httpDataSource, lambdaDataSource, NONE, dynamoDBDataSource, lambda, lambdaFn, UnsupportedError, WiringError, fromAppSyncManifest, type WiringOptions } from '@appsync-lambda/engine';
import { modules } from '../../fixtures/appsync-config/modules';

const recommend = { handler: async () => [] };
const audit = { handler: async () => ({ audited: true }) };

/** The bookshelf as build:appsync would describe it, with a Direct Lambda resolver and function in-process. */
function bookshelfManifest() {
  return {
    runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' },
    dataSources: {
      books: { type: 'AMAZON_DYNAMODB', description: 'the books table' },
      shelves: { type: 'AMAZON_DYNAMODB', description: 'the shelves table' },
      NONE: { type: 'NONE', description: 'AppSync NONE data source' },
      quotes_example_com: { type: 'HTTP', description: 'quotes', httpConfig: { endpoint: 'https://quotes.example.com' } },
      recommend: { type: 'AWS_LAMBDA', description: 'recommendations', functionName: 'bookshelf-recommend' },
    },
    resolvers: {
      'Query.book': { typeName: 'Query', fieldName: 'book', source: 'src/Query.book.ts', kind: 'UNIT', dataSource: 'books', code: 'Query.book.js' },
      'Query.ping': { typeName: 'Query', fieldName: 'ping', source: 'src/Query.ping.ts', kind: 'UNIT', dataSource: 'NONE', code: 'Query.ping.js' },
      'Query.quote': { typeName: 'Query', fieldName: 'quote', source: 'src/Query.quote.ts', kind: 'UNIT', dataSource: 'quotes_example_com', code: 'Query.quote.js' },
      'Query.recommendations': { typeName: 'Query', fieldName: 'recommendations', source: 'src/Query.recommendations.ts', kind: 'UNIT', dataSource: 'recommend', code: 'Query.recommendations.js', maxBatchSize: 25 },
      'Query.similar': { typeName: 'Query', fieldName: 'similar', source: 'src/recommend.ts', kind: 'LAMBDA', needs: 'a Lambda function', maxBatchSize: 50 },
      'Mutation.shelveBook': { typeName: 'Mutation', fieldName: 'shelveBook', source: 'src/Mutation.shelveBook/index.ts', kind: 'PIPELINE', code: 'Mutation.shelveBook.js', functions: ['checkShelf', 'putBook', 'audit'] },
    },
    functions: {
      checkShelf: { kind: 'JS', source: 'src/checkShelf.ts', dataSource: 'shelves', code: 'functions/checkShelf.js' },
      putBook: { kind: 'JS', source: 'src/putBook.ts', dataSource: 'books', code: 'functions/putBook.js' },
      audit: { kind: 'LAMBDA', source: 'src/audit.ts', needs: 'a Lambda function' },
    },
  };
}

/** Manifest code paths → the bookshelf fixture's modules; Direct Lambda sources → their handlers. */
const BY_PATH: Record<string, unknown> = {
  'Query.book.js': modules['resolvers/Query.book.ts'],
  'Query.ping.js': modules['resolvers/Query.ping.ts'],
  'Query.quote.js': modules['resolvers/Query.quote.ts'],
  'Query.recommendations.js': modules['resolvers/Query.recommendations.ts'],
  'Mutation.shelveBook.js': modules['resolvers/pipeline.ts'],
  'functions/checkShelf.js': modules['functions/checkShelf.ts'],
  'functions/putBook.js': modules['functions/putBook.ts'],
  'src/recommend.ts': recommend,
  'src/audit.ts': audit,
};

function options(extra: Partial<WiringOptions> = {}): WiringOptions {
  return { loadModule: (path) => BY_PATH[path], ...extra };
}

function failure(manifest: unknown, extra: Partial<WiringOptions> = {}): Error {
  try {
    fromAppSyncManifest(manifest, options(extra));
  } catch (error) {
    return error as Error;
  }
  throw new Error('the manifest was accepted');
}

describe('fromAppSyncManifest', () => {
  it('routes unit resolvers on DynamoDB, NONE, HTTP and Lambda data sources with their code', () => {
    const { resolvers } = fromAppSyncManifest(bookshelfManifest(), options());
    expect(resolvers['Query.book']).toEqual({ kind: 'UNIT', module: BY_PATH['Query.book.js'], dataSource: dynamoDBDataSource('books') });
    expect(resolvers['Query.ping']).toMatchObject({ kind: 'UNIT', dataSource: NONE });
    expect(resolvers['Query.quote']).toMatchObject({ kind: 'UNIT', dataSource: httpDataSource('https://quotes.example.com', { name: 'quotes_example_com' }) });
    expect(resolvers['Query.recommendations']).toMatchObject({ kind: 'UNIT', dataSource: lambdaDataSource('bookshelf-recommend', { maxBatchSize: 25 }) });
  });

  it('routes a pipeline by its function names, in order, and Direct Lambda resolvers and functions by their source', () => {
    const { resolvers } = fromAppSyncManifest(bookshelfManifest(), options());
    expect(resolvers['Query.similar']).toEqual(lambda(recommend, { maxBatchSize: 50 }));
    const shelve = resolvers['Mutation.shelveBook'];
    if (shelve?.kind !== 'PIPELINE') throw new Error('expected a pipeline');
    expect(shelve.module).toBe(BY_PATH['Mutation.shelveBook.js']);
    expect(shelve.functions).toEqual([
      { kind: 'JS', name: 'checkShelf', module: BY_PATH['functions/checkShelf.js'], dataSource: dynamoDBDataSource('shelves') },
      { kind: 'JS', name: 'putBook', module: BY_PATH['functions/putBook.js'], dataSource: dynamoDBDataSource('books') },
      lambdaFn('audit', audit),
    ]);
  });

  it('names the tables given and leaves the others to the runtime’s configuration', () => {
    expect(fromAppSyncManifest(bookshelfManifest(), options()).tables).toEqual({});
    expect(fromAppSyncManifest(bookshelfManifest(), options({ tables: { books: 'books-prod' } })).tables).toEqual({ books: 'books-prod' });
  });

  it('lets the functions option name the deployed function of a Lambda data source', () => {
    const { resolvers } = fromAppSyncManifest(bookshelfManifest(), options({ functions: { recommend: 'arn:aws:lambda:eu-west-1:123456789012:function:recommend' } }));
    expect(resolvers['Query.recommendations']).toMatchObject({ dataSource: { functionName: 'arn:aws:lambda:eu-west-1:123456789012:function:recommend', maxBatchSize: 25 } });
  });

  it('names the place of a dangling data source, function or code path', () => {
    const unknownSource = bookshelfManifest();
    (unknownSource.resolvers['Query.book'] as { dataSource: string }).dataSource = 'foo';
    expect(failure(unknownSource)).toBeInstanceOf(WiringError);
    expect(failure(unknownSource).message).toBe('manifest.resolvers["Query.book"].dataSource: unknown data source "foo"');
    const unknownFunction = bookshelfManifest();
    (unknownFunction.resolvers['Mutation.shelveBook'] as { functions: string[] }).functions[2] = 'notify';
    expect(failure(unknownFunction).message).toBe('manifest.resolvers["Mutation.shelveBook"].functions[2]: unknown pipeline function "notify"');
    expect(failure(bookshelfManifest(), { loadModule: (path) => (path === 'functions/putBook.js' ? undefined : BY_PATH[path]) }).message).toBe(
      'manifest.functions.putBook.code: no module for the code "functions/putBook.js"',
    );
    expect(failure(bookshelfManifest(), { loadModule: (path) => (path === 'src/audit.ts' ? {} : BY_PATH[path]) }).message).toBe(
      'manifest.functions.audit.source: the module "src/audit.ts" does not export a handler function',
    );
  });

  it('fails on a malformed HTTP data source at its place', () => {
    const manifest = bookshelfManifest();
    manifest.dataSources.quotes_example_com = { type: 'HTTP', description: 'quotes', httpConfig: { endpoint: 'https://quotes.example.com?key=secret' } };
    expect(failure(manifest).message).toBe('manifest.dataSources.quotes_example_com: data source "quotes_example_com": The HTTP data source endpoint https://quotes.example.com must hold no credentials, query or fragment');
  });

  it('fails on an unsupported data source type, an unknown kind and a key that is not a coordinate', () => {
    const search = bookshelfManifest() as unknown as { dataSources: Record<string, unknown>; resolvers: Record<string, Record<string, unknown>> };
    search.dataSources.search = { type: 'AMAZON_OPENSEARCH_SERVICE', description: 'search' };
    expect(failure(search)).toBeInstanceOf(UnsupportedError);
    expect(failure(search).message).toBe('manifest.dataSources.search.type: data sources of type AMAZON_OPENSEARCH_SERVICE are not supported; the runtime runs AMAZON_DYNAMODB, AWS_LAMBDA, HTTP and NONE');
    const kind = bookshelfManifest() as unknown as { resolvers: Record<string, Record<string, unknown>> };
    kind.resolvers['Query.book']!.kind = 'VTL';
    expect(failure(kind).message).toBe('manifest.resolvers["Query.book"].kind: unknown resolver kind "VTL"; expected UNIT, PIPELINE or LAMBDA');
    const key = bookshelfManifest() as unknown as { resolvers: Record<string, unknown> };
    key.resolvers.book = key.resolvers['Query.book'];
    expect(failure(key).message).toBe('manifest.resolvers.book: a resolver key must be a "Type.field" coordinate');
  });
});
