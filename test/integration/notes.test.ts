// Recruiters' notes on applications: who wrote them and when, newest first, never shown to
// candidates. Every operation is the SDK's document, sent through the real handler as deployed.
import { print, type DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { AddNoteDocument, ApplicationNotesDocument, ApplyAsMeDocument, ApplyToJobDocument, CreateMyProfileDocument } from '@hiring/sdk';
import { LIMITS } from '../../src/data/limits';
import type { EventOptions } from '@appsync-lambda/test-support';
import { createHiringApi, storedItems, type HiringApi } from '../helpers/hiring';

let hiring: HiringApi;
beforeAll(async () => {
  hiring = await createHiringApi();
});

async function send(document: DocumentNode, variables: Record<string, unknown>, caller: EventOptions) {
  const { body } = await hiring.api.graphql(print(document), variables, caller);
  return body;
}

async function ok(document: DocumentNode, variables: Record<string, unknown>, caller: EventOptions = hiring.recruiter): Promise<Record<string, any>> {
  const body = await send(document, variables, caller);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** An application of a recruiter-registered candidate to a new open job. */
async function anApplication(): Promise<{ id: string }> {
  const job = await hiring.aJob((await hiring.aCompany()).id);
  const candidate = await hiring.aCandidate();
  return (await ok(ApplyToJobDocument, { jobId: job.id, candidateId: candidate.id })).applyToJob;
}

describe('Mutation.addNote', () => {
  it('stores the note with its author (the signed-in user) and the time, beside its application', async () => {
    const application = await anApplication();
    const before = Date.now();
    const { addNote } = await ok(AddNoteDocument, { applicationId: application.id, body: '  Strong on systems design.  ' });
    expect(addNote).toMatchObject({
      applicationId: application.id,
      body: 'Strong on systems design.',
      // The recruiter of the test helpers: cognitoIdToken's default claims.
      author: { id: 'a1b2c3d4-0000-4000-8000-000000000001', username: 'rita.recruiter', email: 'rita@example.com' },
    });
    expect(Date.parse(addNote.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    const items = await storedItems(hiring.api);
    expect(items).toContainEqual(expect.objectContaining({ PK: `APPLICATION#${application.id}`, SK: `NOTE#${addNote.createdAt}#${addNote.id}`, body: addNote.body }));
  });

  it('answers NotFound for an application that does not exist, and writes nothing', async () => {
    const before = await storedItems(hiring.api);
    expect(await send(AddNoteDocument, { applicationId: 'missing', body: 'Hello' }, hiring.recruiter)).toMatchObject({
      data: null,
      errors: [{ errorType: 'NotFound', errorInfo: { applicationId: 'missing' }, path: ['addNote'] }],
    });
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
  });

  it('rejects a blank body or one over the limit with a ValidationError, and writes nothing', async () => {
    const application = await anApplication();
    const before = await storedItems(hiring.api);
    expect((await send(AddNoteDocument, { applicationId: application.id, body: ' \n ' }, hiring.recruiter)).errors?.[0]).toMatchObject({
      errorType: 'ValidationError',
      errorInfo: { field: 'body' },
    });
    expect((await send(AddNoteDocument, { applicationId: application.id, body: 'x'.repeat(LIMITS.noteBody + 1) }, hiring.recruiter)).errors?.[0]).toMatchObject({
      errorType: 'ValidationError',
      errorInfo: { field: 'body', maximum: LIMITS.noteBody, actual: LIMITS.noteBody + 1 },
    });
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
    await ok(AddNoteDocument, { applicationId: application.id, body: 'x'.repeat(LIMITS.noteBody) });
  });

  it('AUTH-05 is for recruiters and admins: a candidate (even on their own application), a user in no group and the job board are refused', async () => {
    const user = hiring.aCandidateUser();
    await ok(CreateMyProfileDocument, { input: { name: 'Applicant' } }, user);
    const job = await hiring.aJob((await hiring.aCompany()).id);
    const own = (await ok(ApplyAsMeDocument, { jobId: job.id }, user)).applyAsMe;
    const before = await storedItems(hiring.api);
    for (const caller of [user, hiring.member, hiring.jobBoard]) {
      expect(await send(AddNoteDocument, { applicationId: own.id, body: 'Hire me' }, caller)).toMatchObject({
        data: null,
        errors: [{ errorType: 'Unauthorized', path: ['addNote'] }],
      });
    }
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
    await ok(AddNoteDocument, { applicationId: own.id, body: 'From an admin' }, hiring.admin);
  });
});

describe('Application.notes', () => {
  it('pages through an application’s notes newest first, written by recruiters and admins', async () => {
    const application = await anApplication();
    const bodies = ['first', 'second', 'third', 'fourth', 'fifth'];
    for (const [index, body] of bodies.entries()) {
      await ok(AddNoteDocument, { applicationId: application.id, body }, index % 2 === 0 ? hiring.recruiter : hiring.admin);
    }
    // Another application's notes stay its own.
    await ok(AddNoteDocument, { applicationId: (await anApplication()).id, body: 'elsewhere' });
    const seen: string[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const { application: page }: any = await ok(ApplicationNotesDocument, { id: application.id, limit: 2, nextToken });
      seen.push(...page.notes.items.map((note: any) => note.body));
      expect(page.notes.items.length).toBeGreaterThan(0);
      nextToken = page.notes.nextToken;
      pages += 1;
    } while (nextToken && pages < 10);
    expect(seen).toEqual([...bodies].reverse());
    const { application: all } = await ok(ApplicationNotesDocument, { id: application.id });
    const times = all.notes.items.map((note: any) => note.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.notes.nextToken).toBeNull();
  });

  it('is an empty page for an application with no notes', async () => {
    const application = await anApplication();
    expect(await ok(ApplicationNotesDocument, { id: application.id })).toEqual({ application: { id: application.id, notes: { items: [], nextToken: null } } });
  });

  it('rejects a page size outside 1..100 and a token from another list', async () => {
    const application = await anApplication();
    expect((await send(ApplicationNotesDocument, { id: application.id, limit: 101 }, hiring.recruiter)).errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
    const other = await anApplication();
    for (const body of ['a', 'b']) await ok(AddNoteDocument, { applicationId: other.id, body });
    const { application: page } = await ok(ApplicationNotesDocument, { id: other.id, limit: 1 });
    expect(page.notes.nextToken).toEqual(expect.any(String));
    expect((await send(ApplicationNotesDocument, { id: application.id, nextToken: page.notes.nextToken }, hiring.recruiter)).errors?.[0]).toMatchObject({
      errorType: 'InvalidNextToken',
    });
  });

  it('AUTH-03 never shows notes to candidates, not even on their own applications', async () => {
    const user = hiring.aCandidateUser();
    await ok(CreateMyProfileDocument, { input: { name: 'Applicant' } }, user);
    const job = await hiring.aJob((await hiring.aCompany()).id);
    const own = (await ok(ApplyAsMeDocument, { jobId: job.id }, user)).applyAsMe;
    await ok(AddNoteDocument, { applicationId: own.id, body: 'Secret: salary expectations too high' });
    const { body } = await hiring.api.graphql('query { me { id applications { items { id notes { items { body } } } } } }', {}, user);
    // notes is non-null: its null reaches the nearest nullable parent, me.
    expect(body).toEqual({
      data: { me: null },
      errors: [expect.objectContaining({ errorType: 'Unauthorized', path: ['me', 'applications', 'items', 0, 'notes'] })],
    });
    expect(JSON.stringify(body)).not.toContain('Secret');
    expect(await send(ApplicationNotesDocument, { id: own.id }, user)).toMatchObject({ data: { application: null }, errors: [{ errorType: 'Unauthorized', path: ['application'] }] });
  });

});
