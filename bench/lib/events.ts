/** The HTTP API (payload v2) events and Lambda context the benchmarks send to each handler. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { BENCH_API_KEY, BENCH_COMPANY_ID } from './database.ts';

/** A POST /graphql event as API Gateway delivers it, with the bench's API key (the baseline ignores it) unless `headers` say otherwise. */
export function graphqlEvent(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = { 'x-api-key': BENCH_API_KEY }): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', accept: 'application/json', host: 'api.execute-api.eu-west-1.amazonaws.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'api',
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: new Date(0).toUTCString(),
      timeEpoch: 0,
    },
    body: JSON.stringify(variables ? { query, variables } : { query }),
    isBase64Encoded: false,
  };
}

/** Ours: a real resolver path, Query.company → GetItem against DynamoDB Local. */
export const oursQuery = `{ company(id: "${BENCH_COMPANY_ID}") { id name createdAt } }`;
/** Ours without a data source: Apollo, our plugins and context, no resolver. */
export const oursTypenameQuery = '{ __typename }';
/** The baseline's only field. */
export const baselineQuery = '{ hello }';

const jobFields = 'id companyId title description location status createdAt updatedAt';
/**
 * Ours, a client-sized document (~2 KB: a company page with its jobs, named, with variables) whose
 * data fields are skipped, so it measures what per-request work grows with the query text without a
 * data source.
 */
export const oursLargeQuery = `query CompanyPage($id: ID! = "${BENCH_COMPANY_ID}", $skip: Boolean = true) {\n  __typename\n${Array.from(
  { length: 9 },
  (_, page) => `  page${page}: company(id: $id) @skip(if: $skip) {\n    id name website createdAt\n    jobs(limit: 20, nextToken: null) {\n      items { ${jobFields} }\n      nextToken\n    }\n  }\n`,
).join('')}}`;
