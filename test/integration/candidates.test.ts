import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CandidateDocument, CreateCandidateDocument } from '@hiring/sdk';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';

const CREATE_CANDIDATE = /* GraphQL */ `
  mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { id name email phone createdAt } }
`;
const CANDIDATE = /* GraphQL */ `
  query ($id: ID!, $limit: Int, $nextToken: String) {
    candidate(id: $id) {
      id name email
      applications(limit: $limit, nextToken: $nextToken) { items { id jobId stage job { id title } } nextToken }
    }
  }
`;

let hiring: HiringApi;
let companyId: string;
beforeAll(async () => {
  hiring = await createHiringApi();
  companyId = (await hiring.aCompany()).id;
});

describe('Mutation.createCandidate', () => {
  it('stores the candidate and its email guard in one transaction (DDB-41)', async () => {
    const { createCandidate } = await hiring.ok(CREATE_CANDIDATE, {
      input: { companyId, name: '  Grace Hopper ', email: 'Grace.Hopper@Example.com', phone: '+33 6 12 34 56 78' },
    });
    expect(createCandidate).toMatchObject({ name: 'Grace Hopper', email: 'Grace.Hopper@Example.com', phone: '+33 6 12 34 56 78' });
    expect(createCandidate.id).toMatch(/^[0-9a-f-]{36}$/);
    const items = await storedItems(hiring.api);
    expect(items).toContainEqual(expect.objectContaining({ PK: `CANDIDATE#${createCandidate.id}`, SK: '#META', email: 'Grace.Hopper@Example.com' }));
    expect(items).toContainEqual(expect.objectContaining({ PK: 'EMAIL#grace.hopper@example.com', candidateId: createCandidate.id }));
    // The registering company knows the candidate: its recruiters read it (tenancy).
    expect(items).toContainEqual({ PK: `CANDIDATE#${createCandidate.id}`, SK: `COMPANY#${companyId}`, __typename: 'CandidateCompany', candidateId: createCandidate.id, companyId });
    const { candidate } = await hiring.ok(CANDIDATE, { id: createCandidate.id });
    expect(candidate).toEqual({ id: createCandidate.id, name: 'Grace Hopper', email: 'Grace.Hopper@Example.com', applications: { items: [], nextToken: null } });
  });

  it('answers Conflict for an email already taken in another letter case, and writes nothing', async () => {
    await hiring.ok(CREATE_CANDIDATE, { input: { companyId, name: 'Alan Turing', email: 'alan@example.com' } });
    const before = await storedItems(hiring.api);
    const { body } = await hiring.api.graphql(CREATE_CANDIDATE, { input: { companyId, name: 'Impostor', email: 'ALAN@example.com' } }, hiring.recruiter);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ errorType: 'Conflict', errorInfo: { email: 'ALAN@example.com' }, path: ['createCandidate'] });
    const after = await storedItems(hiring.api);
    expect(after).toHaveLength(before.length);
    expect(after.filter((item) => item.name === 'Impostor')).toEqual([]);
  });

  it('rejects a blank name with a ValidationError and writes nothing', async () => {
    const before = await storedItems(hiring.api);
    const { body } = await hiring.api.graphql(CREATE_CANDIDATE, { input: { companyId, name: '  ', email: 'blank@example.com' } }, hiring.recruiter);
    expect(body.errors?.[0]).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'name' } });
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
  });

  it('rejects an invalid AWSEmail or AWSPhone before any resolver runs', async () => {
    for (const input of [{ name: 'X', email: 'not an email' }, { name: 'X', email: 'x@example.com', phone: 'call me' }]) {
      const { status, body } = await hiring.api.graphql(CREATE_CANDIDATE, { input }, hiring.recruiter);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.errorType).toBe('ValidationError');
    }
  });

  it('AUTH-05 is for recruiters and admins: a user in no group and the job board are refused', async () => {
    const input = { name: 'Nobody', email: 'nobody@example.com' };
    // The SDK's own document: the job board's API key may send no other (trusted documents).
    for (const caller of [hiring.member, hiring.jobBoard]) {
      const { body } = await hiring.api.graphql(print(CreateCandidateDocument), { input }, caller);
      expect(body).toMatchObject({ data: null, errors: [{ errorType: 'Unauthorized', path: ['createCandidate'] }] });
    }
    const items = await storedItems(hiring.api);
    expect(items.filter((item) => item.name === 'Nobody')).toEqual([]);
  });
});

describe('Query.candidate', () => {
  it('returns null for an unknown id', async () => {
    expect(await hiring.ok(CANDIDATE, { id: 'missing' })).toEqual({ candidate: null });
  });

  it('AUTH-04 hides candidates from the job board', async () => {
    const { id } = await hiring.aCandidate();
    const { body } = await hiring.api.graphql(print(CandidateDocument), { id }, hiring.jobBoard);
    expect(body).toMatchObject({ data: { candidate: null }, errors: [{ errorType: 'Unauthorized', path: ['candidate'] }] });
  });
});

describe('Candidate.applications', () => {
  it('pages through a candidate’s applications newest first, each with its job (DDB-06)', async () => {
    const company = await hiring.aCompany();
    const candidate = await hiring.aCandidate();
    const titles = ['first', 'second', 'third'];
    for (const title of titles) {
      const job = await hiring.aJob(company.id, { title });
      await hiring.ok('mutation ($j: ID!, $c: ID!) { applyToJob(jobId: $j, candidateId: $c) { id } }', { j: job.id, c: candidate.id });
    }
    const seen: string[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const { candidate: page }: any = await hiring.ok(CANDIDATE, { id: candidate.id, limit: 2, nextToken });
      seen.push(...page.applications.items.map((application: any) => application.job.title));
      nextToken = page.applications.nextToken;
      pages += 1;
    } while (nextToken && pages < 10);
    expect(seen).toEqual([...titles].reverse());
    expect(pages).toBe(2);
  });
});
