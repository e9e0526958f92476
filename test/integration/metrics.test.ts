/**
 * CloudWatch metrics as an operator receives them: the hiring API's real handler with Powertools
 * Metrics, whose embedded-metric-format lines are captured from stdout (where Lambda's runtime
 * collects them and CloudWatch extracts the metrics).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../src/api';
import { trustedDocuments } from '../../src/generated/trusted-documents';
import { createTestDatabase, type TestDatabase } from '../helpers/dynamodb';
import { graphqlEvent, cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { createLambdaHandler } from '../helpers/handler';
import { deployedAuthConfig, TEST_API_KEY } from '../helpers/jwt';
import { captureEmf, type Emf } from '../helpers/emf';

const NAMESPACE = 'MetricsTest';
const captured = captureEmf(NAMESPACE);

const key = createSigningKey();
const admin = { headers: { authorization: cognitoIdToken(key, { 'cognito:groups': ['admins'] }) } };
let db: TestDatabase;
let invoke: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  db = await createTestDatabase();
  const metrics = new Metrics({ namespace: NAMESPACE, serviceName: 'hiring-api' });
  const handler = createLambdaHandler({
    logger: new Logger({ serviceName: 'metrics-test', logLevel: 'SILENT' }),
    runtime: { client: db.doc, tables: { main: db.tableName }, tokenSecret: 'test-secret', env: {} },
    auth: deployedAuthConfig(key),
    metrics: { metrics, operations: operationNames(trustedDocuments) },
  });
  const context = { awsRequestId: 'metrics', memoryLimitInMB: '1024' } as Context;
  invoke = async (event) => (await handler(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2;
});

/** The metric line (not a single-metric line) of each request. */
const requestMetrics = () => captured().filter((line) => 'Requests' in line);
const names = (line: Emf) => line._aws.CloudWatchMetrics[0]!.Metrics.map((metric) => metric.Name).sort();

describe('CloudWatch metrics (embedded metric format)', () => {
  it('writes one line per request with latency, resolver count and DynamoDB calls and units, by SDK operation name', async () => {
    const created = JSON.parse(String((await invoke(graphqlEvent('mutation CreateCompany($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { name: 'Metered' } }, admin))).body));
    await invoke(graphqlEvent('query Company($id: ID!) { company(id: $id) { id name } }', { id: created.data.createCompany.id }, { headers: { 'x-api-key': TEST_API_KEY } }));
    const [write, read] = requestMetrics();
    expect(write?._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: NAMESPACE, Dimensions: [['service', 'operation']] });
    expect(names(write!)).toEqual(['DynamoDBCalls', 'DynamoDBReadUnits', 'DynamoDBWriteUnits', 'Latency', 'Requests', 'ResolverCount']);
    expect(write).toMatchObject({ service: 'hiring-api', operation: 'CreateCompany', Requests: 1, ResolverCount: 1, DynamoDBCalls: 1, DynamoDBReadUnits: 0 });
    expect(write!.DynamoDBWriteUnits).toBeGreaterThan(0);
    expect(read).toMatchObject({ operation: 'Company', Requests: 1, ResolverCount: 1, DynamoDBCalls: 1, DynamoDBWriteUnits: 0 });
    expect(read!.Latency).toBeTypeOf('number');
    // The container's first request also counts a cold start, once.
    expect(captured().filter((line) => 'ColdStart' in line)).toEqual([expect.objectContaining({ ColdStart: 1, service: 'hiring-api' })]);
  });

  it('keeps dimensions bounded: an operation name that is not the SDK’s is `other`', async () => {
    await invoke(graphqlEvent('query MyVeryOwnName4711 { company(id: "none") { id } }', undefined, admin));
    expect(requestMetrics()).toEqual([expect.objectContaining({ operation: 'other', Requests: 1 })]);
    expect(JSON.stringify(captured())).not.toContain('MyVeryOwnName4711');
  });

  it('counts each errorType the caller received, with the errorType as a dimension', async () => {
    const refused = await invoke(graphqlEvent('query Company($id: ID!) { company(id: $id) { id } }', { id: 'x' }, { headers: { 'x-api-key': 'wrong' } }));
    expect(refused.statusCode).toBe(401);
    const errors = captured().filter((line) => 'Errors' in line);
    expect(errors).toEqual([expect.objectContaining({ Errors: 1, errorType: 'UnauthorizedException', operation: 'other' })]);
    expect(errors[0]!._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'operation', 'errorType']]);
  });
});
