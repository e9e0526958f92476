// A team's AppSync project served from its own configuration: the bookshelf fixture's
// serverless.yml, read by fromServerlessAppSync, and its CloudFormation template, read by
// fromCloudFormation, each run through the real handler (createServer with the schema as deployed
// to AppSync) against their own two tables on DynamoDB Local.
import { readFileSync } from 'node:fs';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromCloudFormation, fromServerlessAppSync, parseCloudFormationYaml, schemaFromCloudFormation, type Wiring, type WiringOptions } from '@appsync-lambda/engine';
import { modules } from '../../fixtures/appsync-config/modules';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createRuntimeApi, type RuntimeApi } from '../../helpers/harness';

const fixtures = new URL('../../fixtures/appsync-config/', import.meta.url);
const fixture = (file: string) => readFileSync(new URL(file, fixtures), 'utf8');

/** Each configuration of the same API, with the reader that wires it. */
const CONFIGURATIONS: Array<[file: string, read: (config: unknown, options: WiringOptions) => Wiring]> = [
  ['serverless.yml', fromServerlessAppSync],
  ['template.yml', fromCloudFormation],
];

async function createTable(db: TestDatabase, tableName: string, key: string): Promise<void> {
  await db.client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
    }),
  );
}

describe.each(CONFIGURATIONS)('wiring from %s: the bookshelf API on DynamoDB Local', (file, read) => {
  const TABLES = { books: `bookshelf-${file}-books`, shelves: `bookshelf-${file}-shelves` };
  let db: TestDatabase;
  let wiring: Wiring;
  let api: RuntimeApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    await createTable(db, TABLES.books, 'id');
    await createTable(db, TABLES.shelves, 'name');
    await db.doc.send(new PutCommand({ TableName: TABLES.shelves, Item: { name: 'fiction', capacity: 40 } }));
    wiring = read(parseCloudFormationYaml(fixture(file)), { loadModule: (path) => modules[path], tables: TABLES, stack: { region: 'eu-west-1', attributes: { 'RecommendFunction.Arn': 'arn:aws:lambda:eu-west-1:123456789012:function:bookshelf-recommend' } } });
    const sdl = file === 'template.yml' ? schemaFromCloudFormation(parseCloudFormationYaml(fixture(file)), { baseDirectory: fixtures.pathname }) : fixture('schema.graphql');
    api = createRuntimeApi({ sdl, resolvers: wiring.resolvers, db, tables: wiring.tables });
  });

  it('runs the pipeline mutation (checkShelf on the shelves table, then putBook on the books table) and the unit query reads the book back', async () => {
    const shelved = await api.graphql('mutation { shelveBook(title: "Dune", shelf: "fiction") { id title shelf shelvedAt } }');
    expect(shelved.body.errors).toBeUndefined();
    const book = shelved.body.data.shelveBook;
    expect(book).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), title: 'Dune', shelf: 'fiction', shelvedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const stored = await db.doc.send(new GetCommand({ TableName: TABLES.books, Key: { id: book.id } }));
    expect(stored.Item).toEqual(book);

    const read = await api.graphql('query ($id: ID!) { book(id: $id) { id title shelf shelvedAt } }', { id: book.id });
    expect(read.body).toEqual({ data: { book } });
    expect(api.errors).toEqual([]);
  });

  it('stops the pipeline at its first function: no shelf, no book written, the function’s errorType reaches the client', async () => {
    const before = await db.doc.send(new ScanCommand({ TableName: TABLES.books }));
    const refused = await api.graphql('mutation { shelveBook(title: "Emma", shelf: "poetry") { id } }');
    expect(refused.body.data).toEqual({ shelveBook: null });
    expect(refused.body.errors).toMatchObject([{ errorType: 'NotFound', message: 'No shelf is named poetry', path: ['shelveBook'] }]);
    const after = await db.doc.send(new ScanCommand({ TableName: TABLES.books }));
    expect(after.Count).toBe(before.Count);
  });

  it('answers a unit resolver on the NONE data source and null for a book that is not there', async () => {
    const { body } = await api.graphql('{ ping(message: "hello") book(id: "missing") { id } }');
    expect(body.errors).toBeUndefined();
    expect(JSON.parse(body.data.ping)).toMatchObject({ message: 'hello', at: expect.stringMatching(/^\d{4}-/) });
    expect(body.data.book).toBeNull();
  });
});
