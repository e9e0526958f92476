/**
 * Trusted documents (the `trustedDocuments` option of the engine's `createHttpApiHandler`, manifest src/generated/trusted-documents.ts):
 * the API key runs only the SDK's operations, by hash or as the same document (its text, or the text parsed and printed again); signed-in users send
 * any document and keep Apollo's automatic persisted queries. Through the real handler, deployed
 * configuration, and over HTTP with Apollo Client 4's persisted-query link and the SDK's client.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Logger } from '@aws-lambda-powertools/logger';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CompanyDocument, createClient, CreateJobDocument, JobsByCompanyDocument } from '@hiring/sdk';
import { trustedDocuments } from '../../src/generated/trusted-documents';
import { createAppSyncEngine } from '@appsync-lambda/engine';
import { schemaSdl } from '../../src/api';
import { resolvers } from '../../src/resolvers/index';
import { httpApiEvent, type EventOptions, rejection } from '@appsync-lambda/test-support';
import { createHiringApi, type HiringApi } from '../helpers/hiring';
import { startLocalHttpApi, type LocalHttpApi } from '../helpers/http-server';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const COMPANY = print(CompanyDocument);
const AD_HOC = 'query ($id: ID!) { company(id: $id) { name } }';

let hiring: HiringApi;
let server: LocalHttpApi;
let companyId: string;
let dynamodbCalls = 0;
const logger = new Logger({ serviceName: 'trusted-documents-test', logLevel: 'SILENT' });
const errorLogs = vi.spyOn(logger, 'error');

beforeAll(async () => {
  hiring = await createHiringApi({ logger });
  companyId = (await hiring.aCompany({ name: 'Trusted Co' })).id;
  await hiring.aJob(companyId, { title: 'Engineer' });
  const send = hiring.api.db.doc.send.bind(hiring.api.db.doc);
  // Counts the DynamoDB requests the handler makes (observation only: every call goes through).
  hiring.api.db.doc.send = ((...args: Parameters<typeof send>) => {
    dynamodbCalls += 1;
    return send(...args);
  }) as typeof send;
  server = await startLocalHttpApi((event) => hiring.api.invoke(event));
});

afterAll(async () => {
  await server?.close();
});

/** A POST with any JSON body (a persisted query may have no `query`). */
async function post(body: Record<string, unknown>, options: EventOptions) {
  const result = await hiring.api.invoke(httpApiEvent({ ...options, method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...options.headers } }));
  return { status: result.statusCode ?? 200, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) as Record<string, any> };
}

const persisted = (hash: string, version: unknown = 1) => ({ persistedQuery: { version, sha256Hash: hash } });

describe('trusted documents for the API key', () => {
  it('runs the job-board curl examples of the README and docs/hiring-api.md as pasted: each sends an SDK operation by its hash', async () => {
    const examples = ['README.md', 'docs/hiring-api.md'].flatMap((file) => {
      const found = [...readFileSync(file, 'utf8').matchAll(/-H 'x-api-key: local-dev-key' \\\n\s+-d '([^']+)'/g)].map((match) => match[1]!);
      expect(found.length, file).toBeGreaterThan(0);
      return found;
    });
    for (const example of examples) {
      const body = JSON.parse(example.replace('"..."', JSON.stringify(companyId))) as { extensions: { persistedQuery: { sha256Hash: string } } };
      expect(trustedDocuments[body.extensions.persistedQuery.sha256Hash], example).toEqual(expect.any(String));
      const { status, body: answer } = await post(body, hiring.jobBoard);
      expect(status, example).toBe(200);
      expect(answer.errors, example).toBeUndefined();
    }
    // The company page example: the SDK's Company query.
    const company = examples.find((example) => example.includes(sha256(COMPANY)));
    expect(company).toBeDefined();
    const { body: answer } = await post(JSON.parse(company!.replace('"..."', JSON.stringify(companyId))), hiring.jobBoard);
    expect(answer).toMatchObject({ data: { company: { id: companyId, name: 'Trusted Co', jobs: { items: [{ title: 'Engineer' }] } } } });
  });

  it('the manifest holds every SDK operation by the SHA-256 of the text the SDK sends', () => {
    expect(trustedDocuments[sha256(COMPANY)]).toBe(COMPANY);
    expect(trustedDocuments[sha256(print(CreateJobDocument))]).toBe(print(CreateJobDocument));
  });

  it('runs an SDK operation sent as its identical text', async () => {
    const { status, body } = await hiring.api.graphql(COMPANY, { id: companyId }, hiring.jobBoard);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.company).toMatchObject({ name: 'Trusted Co', jobs: { items: [expect.objectContaining({ title: 'Engineer' })] } });
  });

  it('runs an SDK operation re-printed in other bytes (as Amplify re-prints with graphql 15), and refuses it once changed', async () => {
    const reprinted = `${COMPANY.replace(/\n\s*/g, ' ').replace(/\(/g, ' ( ')}\n`;
    expect(reprinted).not.toBe(COMPANY);
    const { status, body } = await post({ query: reprinted, variables: { id: companyId }, extensions: persisted(sha256(reprinted)) }, hiring.jobBoard);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.company.name).toBe('Trusted Co');
    const withoutHash = await hiring.api.graphql(reprinted, { id: companyId }, hiring.jobBoard);
    expect(withoutHash.body.errors).toBeUndefined();
    expect(withoutHash.body.data?.company).toMatchObject({ name: 'Trusted Co' });

    const changed = reprinted.replace('name', 'name id');
    expect(changed).not.toBe(reprinted);
    for (const request of [{ query: changed }, { query: changed, extensions: persisted(sha256(changed)) }, { query: `${reprinted} {` }]) {
      const refused = await post({ ...request, variables: { id: companyId } }, hiring.jobBoard);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ errorType: 'PersistedQueryNotAllowed' });
    }
  });

  it('runs an SDK operation sent by hash alone, with POST and with GET (extensions as a query-string parameter)', async () => {
    const byPost = await post({ variables: { id: companyId }, extensions: persisted(sha256(COMPANY)) }, hiring.jobBoard);
    expect(byPost.body.errors).toBeUndefined();
    expect(byPost.body.data.company.name).toBe('Trusted Co');

    const query = { variables: JSON.stringify({ id: companyId }), extensions: JSON.stringify(persisted(sha256(COMPANY))) };
    const result = await hiring.api.invoke(httpApiEvent({ method: 'GET', query, headers: { ...hiring.jobBoard.headers } }));
    const body = JSON.parse(String(result.body));
    expect(result.statusCode).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.company.name).toBe('Trusted Co');
  });

  it('refuses other documents and wrong versions sent with GET too', async () => {
    const get = async (query: Record<string, string>) => {
      const result = await hiring.api.invoke(httpApiEvent({ method: 'GET', query, headers: { ...hiring.jobBoard.headers } }));
      return { status: result.statusCode, body: JSON.parse(String(result.body)) };
    };
    const adHoc = await get({ query: AD_HOC, variables: JSON.stringify({ id: companyId }) });
    expect(adHoc).toMatchObject({ status: 400, body: { errors: [{ errorType: 'PersistedQueryNotAllowed' }] } });
    const version = await get({ variables: JSON.stringify({ id: companyId }), extensions: JSON.stringify(persisted(sha256(COMPANY), 3)) });
    expect(version).toMatchObject({ status: 400, body: { errors: [{ errorType: 'PersistedQueryVersionNotSupported' }] } });
  });

  it('runs an SDK operation sent with its text and its hash', async () => {
    const { body } = await post({ query: COMPANY, variables: { id: companyId }, extensions: persisted(sha256(COMPANY)) }, hiring.jobBoard);
    expect(body.errors).toBeUndefined();
    expect(body.data.company.name).toBe('Trusted Co');
  });

  it('answers an unknown hash with PersistedQueryNotFound, as Apollo Client’s persisted-query link expects', async () => {
    const { status, headers, body } = await post({ variables: { id: companyId }, extensions: persisted(sha256(AD_HOC)) }, hiring.jobBoard);
    expect(status).toBe(200);
    expect(headers['cache-control']).toBe('private, no-cache, must-revalidate');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound', errorType: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });

  it('refuses any other document with PersistedQueryNotAllowed (400), before anything runs', async () => {
    const before = dynamodbCalls;
    for (const request of [
      { query: AD_HOC, variables: { id: companyId } },
      { query: AD_HOC, variables: { id: companyId }, extensions: persisted(sha256(AD_HOC)) },
      // The text an attacker would send: 500 aliases of the largest page (as many as fit MAX_QUERY_BYTES).
      { query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: jobsByCompany(companyId: "${companyId}", limit: 100) { items { id } }`).join(' ')} }` },
    ]) {
      const { status, body } = await post(request, hiring.jobBoard);
      expect(status).toBe(400);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]).toMatchObject({ errorType: 'PersistedQueryNotAllowed', extensions: { errorType: 'PersistedQueryNotAllowed', code: 'PERSISTED_QUERY_NOT_ALLOWED' } });
      expect(body.data).toBeUndefined();
    }
    expect(dynamodbCalls).toBe(before);
  });

  it('never runs a document a signed-in user registered with Apollo’s automatic persisted queries', async () => {
    const registered = `${AD_HOC} # registered`;
    const hash = sha256(registered);
    const register = await post({ query: registered, variables: { id: companyId }, extensions: persisted(hash) }, hiring.recruiter);
    expect(register.body.data.company.name).toBe('Trusted Co');
    const recruiter = await post({ variables: { id: companyId }, extensions: persisted(hash) }, hiring.recruiter);
    expect(recruiter.body.data.company.name).toBe('Trusted Co');

    const jobBoard = await post({ variables: { id: companyId }, extensions: persisted(hash) }, hiring.jobBoard);
    expect(jobBoard.body.errors[0]).toMatchObject({ errorType: 'PersistedQueryNotFound' });
    expect(jobBoard.body.data).toBeUndefined();
  });
});

describe('persisted-query errors, for every mode', () => {
  it('answers a version other than 1 with PersistedQueryVersionNotSupported (400), logging nothing at ERROR', async () => {
    errorLogs.mockClear();
    for (const caller of [hiring.recruiter, hiring.jobBoard]) {
      for (const version of [2, '1', null]) {
        const { status, body } = await post({ query: COMPANY, variables: { id: companyId }, extensions: persisted(sha256(COMPANY), version) }, caller);
        expect(status).toBe(400);
        expect(body.errors).toEqual([expect.objectContaining({ errorType: 'PersistedQueryVersionNotSupported' })]);
      }
    }
    expect(errorLogs).not.toHaveBeenCalled();
  });

  it('answers a hash that is not the text’s with PersistedQueryHashMismatch (400), logging nothing at ERROR', async () => {
    errorLogs.mockClear();
    for (const caller of [hiring.recruiter, hiring.jobBoard]) {
      const { status, body } = await post({ query: COMPANY, variables: { id: companyId }, extensions: persisted(sha256(AD_HOC)) }, caller);
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ errorType: 'PersistedQueryHashMismatch' })]);
    }
    expect(errorLogs).not.toHaveBeenCalled();
  });

  it('types Apollo’s own persisted-query errors too, for requests that reach it another way (executeOperation)', async () => {
    const engine = createAppSyncEngine({ sdl: schemaSdl, resolvers, auth: { trustAuthorizer: true }, tables: {}, dynamodb: {} as never, paginationSecret: 'unused' });
    const { server } = engine;
    const request = { headers: {}, sourceIp: [], domainName: null, apiRequestId: null, method: 'POST', path: '/graphql' };
    const contextValue = engine.createContext(request, { mode: 'API_KEY', identity: null, groups: null, deniedFields: null }, { requestId: 'direct' });
    await server.start();
    try {
      errorLogs.mockClear();
      const answers = [];
      for (const extensions of [persisted('x', 2), persisted(sha256(AD_HOC))] as const) {
        const response = await server.executeOperation({ query: COMPANY, extensions }, { contextValue });
        answers.push(response.body.kind === 'single' ? response.body.singleResult.errors?.map((error: { extensions?: { errorType?: unknown } }) => error.extensions?.errorType) : undefined);
      }
      expect(answers).toEqual([['PersistedQueryVersionNotSupported'], ['PersistedQueryHashMismatch']]);
      expect(errorLogs).not.toHaveBeenCalled();
    } finally {
      await server.stop();
    }
  });

  it('lets signed-in users send any document, with or without a hash', async () => {
    const { body } = await hiring.api.graphql(AD_HOC, { id: companyId }, hiring.recruiter);
    expect(body.data?.company).toEqual({ name: 'Trusted Co' });
    // The SDK's hashes run at once for every mode, without a round trip for the text.
    const sdk = await post({ variables: { id: companyId }, extensions: persisted(sha256(COMPANY)) }, hiring.recruiter);
    expect(sdk.body.data.company.name).toBe('Trusted Co');
    const unknown = await post({ variables: { id: companyId }, extensions: persisted(sha256(`${AD_HOC} # never sent`)) }, hiring.recruiter);
    expect(unknown.body.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });
});

describe('clients over HTTP with the API key', () => {
  /** Every request the client sent: method and JSON body or query string. */
  function recordingFetch(sent: Array<{ method: string; body: Record<string, any> }>): typeof fetch {
    return async (input, init) => {
      const url = new URL(String(input));
      const json = new Set(['variables', 'extensions']);
      const body = init?.body
        ? JSON.parse(String(init.body))
        : Object.fromEntries([...url.searchParams].map(([name, value]) => [name, json.has(name) ? JSON.parse(value) : value]));
      sent.push({ method: init?.method ?? 'GET', body });
      return fetch(input, init);
    };
  }

  const apollo = (sent: Array<{ method: string; body: Record<string, any> }>, useGETForHashedQueries = false) =>
    new ApolloClient({
      link: ApolloLink.from([
        new PersistedQueryLink({ sha256, useGETForHashedQueries }),
        new HttpLink({ uri: `${server.origin}/graphql`, headers: { ...hiring.jobBoard.headers }, fetch: recordingFetch(sent) }),
      ]),
      cache: new InMemoryCache(),
    });

  it('Apollo Client 4’s PersistedQueryLink runs an SDK operation by hash alone, with POST and with GET', async () => {
    for (const useGET of [false, true]) {
      const sent: Array<{ method: string; body: Record<string, any> }> = [];
      const { data } = await apollo(sent, useGET).query({ query: CompanyDocument, variables: { id: companyId } });
      expect(data?.company?.name).toBe('Trusted Co');
      // One request, without the text: the manifest holds Apollo Client's form of the document.
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ method: useGET ? 'GET' : 'POST', body: { extensions: { persistedQuery: { version: 1 } } } });
      expect(sent[0]!.body.query).toBeUndefined();
    }
  });

  it('Apollo Client 4’s PersistedQueryLink retries an unknown document with its text, which the API key may not run', async () => {
    const sent: Array<{ method: string; body: Record<string, any> }> = [];
    const error = await rejection(apollo(sent).query({ query: gql(AD_HOC), variables: { id: companyId } }));
    expect(sent.map(({ body }) => typeof body.query)).toEqual(['undefined', 'string']);
    // A 400 application/json answer: Apollo Client reports it as a ServerError carrying the body.
    expect(ServerError.is(error)).toBe(true);
    if (!ServerError.is(error)) return;
    expect(error.statusCode).toBe(400);
    expect(JSON.parse(error.bodyText).errors).toEqual([expect.objectContaining({ errorType: 'PersistedQueryNotAllowed' })]);
  });

  it('the SDK’s client sends each operation by hash alone', async () => {
    const sent: Array<{ method: string; body: Record<string, any> }> = [];
    const client = createClient({ url: `${server.origin}/graphql`, apiKey: hiring.jobBoard.headers!['x-api-key'], fetch: recordingFetch(sent) });
    const { jobsByCompany } = await client.request(JobsByCompanyDocument, { companyId });
    expect(jobsByCompany.items.map((job) => job.title)).toEqual(['Engineer']);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ operationName: 'JobsByCompany', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(print(JobsByCompanyDocument)) } } });
    expect(sent[0]!.body.query).toBeUndefined();
  });
});
