/**
 * Input limits through the real handler, as recruiters and admins: a value out of bounds is a
 * ValidationError naming the field, its limit and its length, and nothing is stored; a value at the
 * limit is accepted. Ids longer than any id never reach DynamoDB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/data/limits';
import type { EventOptions } from '@appsync-lambda/test-support';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';

const CREATE_COMPANY = 'mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id name website } }';
const CREATE_JOB = 'mutation ($input: CreateJobInput!) { createJob(input: $input) { id title description location } }';
const CREATE_CANDIDATE = 'mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { id name email phone } }';

let hiring: HiringApi;
let companyId: string;
beforeAll(async () => {
  hiring = await createHiringApi();
  companyId = (await hiring.aCompany()).id;
});

/** An email of exactly `length` characters that AWSEmail accepts (it sets no length on the local part). */
const emailOf = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;

/**
 * Runs a mutation that must fail validation: one ValidationError on the field's path, errorInfo
 * naming the field, its limit and its length, no data, and not one item more in the table.
 */
async function expectRefused(query: string, variables: Record<string, unknown>, info: Record<string, unknown>, as: EventOptions = hiring.admin) {
  const before = await storedItems(hiring.api);
  const { status, body } = await hiring.api.graphql(query, variables, as);
  expect(status).toBe(200);
  expect(body.data).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]).toMatchObject({ errorType: 'ValidationError', errorInfo: info });
  expect(JSON.stringify(body.errors)).not.toMatch(/DynamoDB|Item size|ValidationException/);
  expect(await storedItems(hiring.api)).toEqual(before);
  return body.errors![0]!;
}

describe('Mutation.createCompany', () => {
  it('refuses a 200 KB name with a ValidationError naming name, its limit and length, and stores nothing', async () => {
    const error = await expectRefused(CREATE_COMPANY, { input: { name: 'N'.repeat(200_000) } }, { field: 'name', maximum: LIMITS.companyName, actual: 200_000 });
    expect(error.message).toBe(`name must be at most ${LIMITS.companyName} characters, got 200000`);
  });

  it('refuses a 300 KB name before parsing: the body is over the request size limit (413 RequestTooLarge), and stores nothing', async () => {
    const before = await storedItems(hiring.api);
    const { status, body } = await hiring.api.graphql(CREATE_COMPANY, { input: { name: 'N'.repeat(300_000) } }, hiring.admin);
    expect(status).toBe(413);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({ errorType: 'RequestTooLarge', errorInfo: { limit: 'requestBytes' } });
    expect(await storedItems(hiring.api)).toEqual(before);
  });

  it('refuses javascript:, data: and ftp: websites (valid AWSURLs), and stores nothing', async () => {
    for (const website of ['javascript:alert(document.cookie)', 'JavaScript://example.com/%0Aalert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.com/file']) {
      await expectRefused(CREATE_COMPANY, { input: { name: 'Script Co', website } }, { field: 'website' });
    }
  });

  it('accepts a name of exactly the limit and an http(s) website of exactly the limit, in any letter case', async () => {
    const name = 'N'.repeat(LIMITS.companyName);
    const website = `HTTPS://example.com/${'p'.repeat(LIMITS.website - 'HTTPS://example.com/'.length)}`;
    expect(website).toHaveLength(LIMITS.website);
    const { createCompany } = await hiring.api.graphql(CREATE_COMPANY, { input: { name: `  ${name}  `, website } }, hiring.admin).then(({ body }) => body.data as any);
    expect(createCompany).toMatchObject({ name, website });
    await expectRefused(CREATE_COMPANY, { input: { name: `${name}N` } }, { field: 'name', maximum: LIMITS.companyName, actual: LIMITS.companyName + 1 });
    await expectRefused(CREATE_COMPANY, { input: { name: 'X', website: `${website}p` } }, { field: 'website', maximum: LIMITS.website, actual: LIMITS.website + 1 });
    const { body } = await hiring.api.graphql(CREATE_COMPANY, { input: { name: 'Plain', website: 'http://example.com' } }, hiring.admin);
    expect(body.errors).toBeUndefined();
  });
});

describe('Mutation.createCandidate', () => {
  it('refuses a 2,100-character email that AWSEmail accepts with a ValidationError, not a DynamoDB error', async () => {
    const email = emailOf(2100);
    expect(email).toHaveLength(2100);
    await expectRefused(CREATE_CANDIDATE, { input: { name: 'Long Mail', email } }, { field: 'email', maximum: LIMITS.email, actual: 2100 }, hiring.recruiter);
  });

  it('accepts an email of exactly 254 characters and refuses 255; limits name and phone', async () => {
    const email = emailOf(LIMITS.email);
    // An admin registers for no company; a recruiter would have to name one of theirs.
    const { body } = await hiring.api.graphql(CREATE_CANDIDATE, { input: { name: 'C'.repeat(LIMITS.candidateName), email } }, hiring.admin);
    expect(body.errors).toBeUndefined();
    expect((body.data as any).createCandidate).toMatchObject({ email, name: 'C'.repeat(LIMITS.candidateName) });
    await expectRefused(CREATE_CANDIDATE, { input: { name: 'X', email: emailOf(LIMITS.email + 1) } }, { field: 'email', actual: LIMITS.email + 1 }, hiring.recruiter);
    await expectRefused(CREATE_CANDIDATE, { input: { name: 'C'.repeat(LIMITS.candidateName + 1), email: 'c@example.com' } }, { field: 'name' }, hiring.recruiter);
    // The longest spelling AWSPhone admits (15 digits, a separator between each, one group in brackets) is the limit.
    const phone = `+1 (2)${' 3'.repeat(13)}`;
    expect(phone).toHaveLength(LIMITS.phone);
    const withPhone = await hiring.api.graphql(CREATE_CANDIDATE, { input: { name: 'P', email: 'phone@example.com', phone } }, hiring.admin);
    expect(withPhone.body.errors).toBeUndefined();
    expect((withPhone.body.data as any).createCandidate.phone).toBe(phone);
  });
});

describe('Mutation.createJob', () => {
  it('refuses a title, description or location over its limit before reading the company, and stores nothing', async () => {
    const base = { companyId, title: 'Engineer' };
    await expectRefused(CREATE_JOB, { input: { ...base, title: 'T'.repeat(LIMITS.jobTitle + 1) } }, { field: 'title', maximum: LIMITS.jobTitle }, hiring.recruiter);
    await expectRefused(CREATE_JOB, { input: { ...base, description: 'D'.repeat(LIMITS.jobDescription + 1) } }, { field: 'description', maximum: LIMITS.jobDescription }, hiring.recruiter);
    await expectRefused(CREATE_JOB, { input: { ...base, location: 'L'.repeat(LIMITS.jobLocation + 1) } }, { field: 'location', maximum: LIMITS.jobLocation }, hiring.recruiter);
    await expectRefused(CREATE_JOB, { input: { ...base, companyId: 'c'.repeat(3000) } }, { field: 'companyId', maximum: LIMITS.id, actual: 3000 }, hiring.recruiter);
  });

  it('accepts every field at exactly its limit', async () => {
    const input = { companyId, title: 'T'.repeat(LIMITS.jobTitle), description: 'D'.repeat(LIMITS.jobDescription), location: 'L'.repeat(LIMITS.jobLocation) };
    const { body } = await hiring.api.graphql(CREATE_JOB, { input }, hiring.recruiter);
    expect(body.errors).toBeUndefined();
    expect((body.data as any).createJob).toMatchObject({ title: input.title, description: input.description, location: input.location });
  });
});

describe('text that shows nothing, and lengths in characters', () => {
  it('refuses a title or a company name of zero-width and other invisible characters as empty, and stores nothing', async () => {
    for (const blank of ['\u200B', '\u200B\u200C\u200D\u2060', ' \u00AD\uFEFF\u200B ']) {
      const error = await expectRefused(CREATE_JOB, { input: { companyId, title: blank } }, { field: 'title' }, hiring.recruiter);
      expect(error.message).toBe('title must not be empty');
      await expectRefused(CREATE_COMPANY, { input: { name: blank } }, { field: 'name' });
    }
  });

  it('counts characters, not UTF-16 units: 200 emoji are a valid title, 201 are refused with their count', async () => {
    const title = '😀'.repeat(LIMITS.jobTitle);
    expect(title).toHaveLength(2 * LIMITS.jobTitle);
    const { body } = await hiring.api.graphql(CREATE_JOB, { input: { companyId, title } }, hiring.recruiter);
    expect(body.errors).toBeUndefined();
    expect((body.data as any).createJob.title).toBe(title);
    const error = await expectRefused(CREATE_JOB, { input: { companyId, title: `${title}😀` } }, { field: 'title', maximum: LIMITS.jobTitle, actual: LIMITS.jobTitle + 1 }, hiring.recruiter);
    expect(error.message).toBe(`title must be at most ${LIMITS.jobTitle} characters, got ${LIMITS.jobTitle + 1}`);
  });
});

describe('Mutation.updateJob', () => {
  it('refuses a title, description, location or salary out of bounds before any read, and stores nothing', async () => {
    const { createJob } = await hiring.api.graphql(CREATE_JOB, { input: { companyId, title: 'Engineer' } }, hiring.recruiter).then(({ body }) => body.data as any);
    const UPDATE = 'mutation ($id: ID!, $input: UpdateJobInput!) { updateJob(id: $id, input: $input, expectedVersion: 1) { id } }';
    const update = (input: Record<string, unknown>) => ({ id: createJob.id, input });
    await expectRefused(UPDATE, update({ title: 'T'.repeat(LIMITS.jobTitle + 1) }), { field: 'title', maximum: LIMITS.jobTitle }, hiring.recruiter);
    await expectRefused(UPDATE, update({ description: 'D'.repeat(LIMITS.jobDescription + 1) }), { field: 'description', maximum: LIMITS.jobDescription }, hiring.recruiter);
    await expectRefused(UPDATE, update({ location: 'L'.repeat(LIMITS.jobLocation + 1) }), { field: 'location', maximum: LIMITS.jobLocation }, hiring.recruiter);
    await expectRefused(UPDATE, update({ salary: { min: 0, max: LIMITS.salary + 1, currency: 'EUR' } }), { field: 'salary.max', maximum: LIMITS.salary }, hiring.recruiter);
    await expectRefused(UPDATE, update({ salary: { min: 1, max: 2, currency: 'E'.repeat(300) } }), { field: 'salary.currency', maximum: LIMITS.currency, actual: 300 }, hiring.recruiter);
  });
});

describe('id arguments', () => {
  const longId = 'x'.repeat(2100);
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['query ($id: ID!) { company(id: $id) { id } }', { id: longId }, 'id'],
    ['query ($id: ID!) { job(id: $id) { id } }', { id: longId }, 'id'],
    ['query ($id: ID!) { candidate(id: $id) { id } }', { id: longId }, 'id'],
    ['query ($id: ID!) { application(id: $id) { id } }', { id: longId }, 'id'],
    ['query ($id: ID!) { jobsByCompany(companyId: $id) { items { id } } }', { id: longId }, 'companyId'],
    ['query ($id: ID!) { applicationsByJob(jobId: $id) { items { id } } }', { id: longId }, 'jobId'],
    ['mutation ($id: ID!) { applyToJob(jobId: $id, candidateId: "c") { id } }', { id: longId }, 'jobId'],
    ['mutation ($id: ID!) { applyToJob(jobId: "j", candidateId: $id) { id } }', { id: longId }, 'candidateId'],
    ['mutation ($id: ID!) { moveApplication(id: $id, stage: SCREEN, expectedVersion: 1) { id } }', { id: longId }, 'id'],
    ['mutation ($id: ID!) { withdrawApplication(id: $id, expectedVersion: 1) { id } }', { id: longId }, 'id'],
    ['mutation ($id: ID!) { updateJob(id: $id, input: { title: "T" }, expectedVersion: 1) { id } }', { id: longId }, 'id'],
    ['mutation ($id: ID!) { publishJob(id: $id, expectedVersion: 1) { id } }', { id: longId }, 'id'],
    ['mutation ($id: ID!) { closeJob(id: $id, expectedVersion: 1) { id } }', { id: longId }, 'id'],
    ['query ($id: ID!) { openJobs(filter: { companyId: $id }) { items { id } } }', { id: longId }, 'filter.companyId'],
  ];

  it('an id longer than 128 characters is a ValidationError naming the argument, never a DynamoDB error', async () => {
    for (const [query, variables, field] of cases) {
      const { status, body } = await hiring.api.graphql(query, variables, hiring.recruiter);
      expect(status, query).toBe(200);
      expect(body.errors?.[0], query).toMatchObject({ errorType: 'ValidationError', errorInfo: { field, maximum: LIMITS.id, actual: 2100 } });
      expect(JSON.stringify(body), query).not.toMatch(/DynamoDB|ValidationException/);
    }
  });

  it('an id of exactly 128 characters is looked up (null: no such company)', async () => {
    const { body } = await hiring.api.graphql('query ($id: ID!) { company(id: $id) { id } }', { id: 'x'.repeat(LIMITS.id) }, hiring.admin);
    expect(body).toEqual({ data: { company: null } });
  });
});
