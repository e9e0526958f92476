// Named DynamoDB data sources: several tables, each a data source by name, as on AppSync. Two real
// tables in DynamoDB Local with different key schemas, a schema of their own, resolvers attached
// to each table, and batch and transaction requests naming the tables (DDB-05).
import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { util, type Context } from '@aws-appsync/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDBDataSource, unit } from '@appsync-lambda/engine';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database';
import { createRuntimeApi, json } from '../../../helpers/harness';

const SDL = /* GraphQL */ `
  type Query {
    customer(id: ID!): Customer
    order(orderId: ID!): Order
    lookup(customerId: ID!, orderId: ID!, byRealName: Boolean): AWSJSON
    stray: AWSJSON
  }
  type Mutation {
    placeOrder(customerId: ID!, orderId: ID!, total: Int!): AWSJSON
  }
  type Customer {
    id: ID!
    name: String
  }
  type Order {
    orderId: ID!
    customerId: ID
    total: Int
  }
`;

let db: TestDatabase;
const customersTable = `customers-${randomUUID().slice(0, 8)}`;
const ordersTable = `orders-${randomUUID().slice(0, 8)}`;

async function createTable(name: string, key: string) {
  await db.client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
    }),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  await createTable(customersTable, 'id');
  await createTable(ordersTable, 'orderId');
});

const getBy = (key: string, arg: string) => ({
  request: (ctx: Context) => ({ operation: 'GetItem', key: util.dynamodb.toMapValues({ [key]: ctx.args[arg] }) }),
  response: (ctx: Context) => (ctx.error ? util.error(ctx.error.message, ctx.error.type) : ctx.result),
});
const passError = (ctx: Context) => (ctx.error ? util.error(ctx.error.message, ctx.error.type) : ctx.result);

function api(tables: Record<string, string> = { customers: customersTable, orders: ordersTable }) {
  return createRuntimeApi({
    db,
    sdl: SDL,
    tables,
    resolvers: {
      'Query.customer': unit(getBy('id', 'id'), dynamoDBDataSource('customers')),
      'Query.order': unit(getBy('orderId', 'orderId'), dynamoDBDataSource('orders')),
      'Query.lookup': unit(
        {
          request: (ctx: Context) => ({
            operation: 'BatchGetItem',
            tables: {
              [ctx.args.byRealName ? customersTable : 'customers']: { keys: [util.dynamodb.toMapValues({ id: ctx.args.customerId })] },
              [ctx.args.byRealName ? ordersTable : 'orders']: { keys: [util.dynamodb.toMapValues({ orderId: ctx.args.orderId })], consistentRead: true },
            },
          }),
          response: passError,
        },
        dynamoDBDataSource('customers'),
      ),
      'Query.stray': unit(
        { request: () => ({ operation: 'BatchGetItem', tables: { invoices: { keys: [util.dynamodb.toMapValues({ id: 'x' })] } } }), response: passError },
        dynamoDBDataSource('customers'),
      ),
      'Mutation.placeOrder': unit(
        {
          request: (ctx: Context) => ({
            operation: 'TransactWriteItems',
            transactItems: [
              {
                table: 'orders',
                operation: 'PutItem',
                key: util.dynamodb.toMapValues({ orderId: ctx.args.orderId }),
                attributeValues: util.dynamodb.toMapValues({ customerId: ctx.args.customerId, total: ctx.args.total }),
                condition: { expression: 'attribute_not_exists(orderId)' },
              },
              {
                table: 'customers',
                operation: 'UpdateItem',
                key: util.dynamodb.toMapValues({ id: ctx.args.customerId }),
                update: { expression: 'ADD orderCount :one', expressionValues: util.dynamodb.toMapValues({ ':one': 1 }) },
                condition: { expression: 'attribute_exists(id)' },
              },
            ],
          }),
          response: passError,
        },
        dynamoDBDataSource('orders'),
      ),
    },
  });
}

async function seedCustomer(name: string) {
  const id = randomUUID();
  await db.doc.send(new PutCommand({ TableName: customersTable, Item: { id, name } }));
  return id;
}

describe('named DynamoDB data sources', () => {
  it('DDB-05: reads each resolver from the table of its data source', async () => {
    const id = await seedCustomer('Ada');
    // The same key value in the other table with other content: a read from the wrong table would show it.
    await db.doc.send(new PutCommand({ TableName: ordersTable, Item: { orderId: id, customerId: 'someone-else', total: 7 } }));
    const { body } = await api().graphql('query ($id: ID!) { customer(id: $id) { id name } order(orderId: $id) { orderId customerId total } }', { id });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ customer: { id, name: 'Ada' }, order: { orderId: id, customerId: 'someone-else', total: 7 } });
  });

  it('DDB-05: writes to two tables in one transaction, naming each by its data source name', async () => {
    const customerId = await seedCustomer('Grace');
    const orderId = randomUUID();
    const { body } = await api().graphql('mutation ($c: ID!, $o: ID!) { placeOrder(customerId: $c, orderId: $o, total: 42) }', { c: customerId, o: orderId });
    expect(body.errors).toBeUndefined();
    expect(json(body.data.placeOrder).keys).toEqual([{ orderId }, { id: customerId }]);
    const order = await db.doc.send(new GetCommand({ TableName: ordersTable, Key: { orderId }, ConsistentRead: true }));
    const customer = await db.doc.send(new GetCommand({ TableName: customersTable, Key: { id: customerId }, ConsistentRead: true }));
    expect(order.Item).toEqual({ orderId, customerId, total: 42 });
    expect(customer.Item).toEqual({ id: customerId, name: 'Grace', orderCount: 1 });
  });

  it('DDB-05: cancels the whole transaction when the step on the other table fails', async () => {
    const orderId = randomUUID();
    const { body } = await api().graphql('mutation ($c: ID!, $o: ID!) { placeOrder(customerId: $c, orderId: $o, total: 1) }', { c: randomUUID(), o: orderId });
    expect(body.data.placeOrder).toBeNull();
    expect(body.errors[0].errorType).toBe('DynamoDB:TransactionCanceledException');
    const order = await db.doc.send(new GetCommand({ TableName: ordersTable, Key: { orderId }, ConsistentRead: true }));
    expect(order.Item).toBeUndefined();
  });

  it.each([false, true])('DDB-05: batch-reads both tables, keyed by the names the request used (real names: %s)', async (byRealName) => {
    const customerId = await seedCustomer('Edsger');
    const orderId = randomUUID();
    await db.doc.send(new PutCommand({ TableName: ordersTable, Item: { orderId, customerId, total: 3 } }));
    const { body } = await api().graphql('query ($c: ID!, $o: ID!, $r: Boolean) { lookup(customerId: $c, orderId: $o, byRealName: $r) }', { c: customerId, o: orderId, r: byRealName });
    expect(body.errors).toBeUndefined();
    const [customersKey, ordersKey] = byRealName ? [customersTable, ordersTable] : ['customers', 'orders'];
    expect(json(body.data.lookup).data).toEqual({
      [customersKey]: [{ id: customerId, name: 'Edsger' }],
      [ordersKey]: [{ orderId, customerId, total: 3 }],
    });
  });

  it('DDB-05: refuses a batch naming a table that is not configured', async () => {
    const { body } = await api().graphql('{ stray }');
    expect(body.data.stray).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'MappingTemplate', message: expect.stringContaining('"invoices", which is not configured') });
  });

  it('fails the field of a resolver whose data source names no configured table', async () => {
    const { body } = await api({ customers: customersTable }).graphql('query ($id: ID!) { order(orderId: $id) { orderId } }', { id: 'x' });
    expect(body.data.order).toBeNull();
    expect(body.errors[0]).toMatchObject({ errorType: 'MappingTemplate', message: expect.stringContaining('No table is configured for the data source "orders"') });
  });
});
