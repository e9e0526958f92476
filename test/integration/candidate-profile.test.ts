// Candidates who sign in: their own profile (me), linking it to a recruiter-registered candidate,
// changing it, applying to jobs and reading their own applications; and everything they may not
// read. Every operation is the SDK's document, sent through the real handler as deployed.
import { print, type DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationDocument,
  ApplicationsByJobDocument,
  ApplyAsMeDocument,
  ApplyToJobDocument,
  CandidateDocument,
  CreateCandidateDocument,
  CreateMyProfileDocument,
  FindCandidateByEmailDocument,
  MeDocument,
  UpdateMyProfileDocument,
  WithdrawApplicationDocument,
} from '@hiring/sdk';
import type { EventOptions } from '@appsync-lambda/test-support';
import { createHiringApi, storedItems, type CandidateUser, type HiringApi } from '../helpers/hiring';

let hiring: HiringApi;
beforeAll(async () => {
  hiring = await createHiringApi();
});

/** Sends an SDK document as `caller`; the whole response body. */
async function send(document: DocumentNode, variables: Record<string, unknown>, caller: EventOptions) {
  const { body } = await hiring.api.graphql(print(document), variables, caller);
  return body;
}

/** Sends an SDK document as `caller` and fails the test on any error. */
async function ok(document: DocumentNode, variables: Record<string, unknown>, caller: EventOptions): Promise<Record<string, any>> {
  const body = await send(document, variables, caller);
  expect(body.errors).toBeUndefined();
  return body.data!;
}

/** A signed-in candidate with a profile. */
async function aLinkedCandidate(name = 'Katherine Johnson'): Promise<CandidateUser & { id: string }> {
  const user = hiring.aCandidateUser();
  const { createMyProfile } = await ok(CreateMyProfileDocument, { input: { name } }, user);
  return { ...user, id: createMyProfile.id };
}

describe('Query.me', () => {
  it('returns null until the signed-in candidate creates their profile', async () => {
    expect(await ok(MeDocument, {}, hiring.aCandidateUser())).toEqual({ me: null });
  });

  it('AUTH-05 is for candidates: recruiters, admins, a user in no group and the job board are refused', async () => {
    for (const caller of [hiring.recruiter, hiring.admin, hiring.member, hiring.jobBoard]) {
      expect(await send(MeDocument, {}, caller)).toMatchObject({ data: { me: null }, errors: [{ errorType: 'Unauthorized', path: ['me'] }] });
    }
  });
});

describe('Mutation.createMyProfile', () => {
  it('creates a candidate linked to the user, with the token’s email; me returns it from then on', async () => {
    const user = hiring.aCandidateUser();
    const { createMyProfile } = await ok(CreateMyProfileDocument, { input: { name: ' Mary Jackson ', phone: '+1 555 0101' } }, user);
    expect(createMyProfile).toMatchObject({ name: 'Mary Jackson', email: user.email, phone: '+1 555 0101' });
    const items = await storedItems(hiring.api);
    expect(items).toContainEqual(expect.objectContaining({ PK: `CANDIDATE#${createMyProfile.id}`, userId: user.sub, GSI1PK: `USER#${user.sub}` }));
    expect(items).toContainEqual(expect.objectContaining({ PK: `EMAIL#${user.email.toLowerCase()}`, candidateId: createMyProfile.id }));
    expect(items).toContainEqual(expect.objectContaining({ PK: `USER#${user.sub}`, candidateId: createMyProfile.id }));
    const { me } = await ok(MeDocument, {}, user);
    expect(me).toEqual({ ...createMyProfile, applications: { items: [], nextToken: null } });
  });

  it('links the candidate a recruiter registered with the same email (another letter case) instead of a duplicate', async () => {
    const user = hiring.aCandidateUser();
    const registered = await hiring.aCandidate({ name: 'D. Vaughan', email: user.email.toUpperCase(), phone: '+1 555 0102' });
    const company = await hiring.aCompany();
    const job = await hiring.aJob(company.id, { title: 'Mathematician' });
    await ok(ApplyToJobDocument, { jobId: job.id, candidateId: registered.id }, hiring.recruiter);
    const before = await storedItems(hiring.api);

    const { createMyProfile } = await ok(CreateMyProfileDocument, { input: { name: 'Dorothy Vaughan' } }, user);
    // The recruiter's record, its email as registered, the phone kept since none was given.
    expect(createMyProfile).toMatchObject({ id: registered.id, name: 'Dorothy Vaughan', email: registered.email, phone: '+1 555 0102' });
    const after = await storedItems(hiring.api);
    // One more item, the user's guard: no second candidate, no second email guard.
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual(expect.objectContaining({ PK: `USER#${user.sub}`, candidateId: registered.id }));
    const { me } = await ok(MeDocument, {}, user);
    expect(me.id).toBe(registered.id);
    expect(me.applications.items.map((application: any) => application.job.title)).toEqual(['Mathematician']);
    const { candidate } = await ok(CandidateDocument, { id: registered.id }, hiring.recruiter);
    expect(candidate.name).toBe('Dorothy Vaughan');
  });

  it('answers EmailNotVerified when the token’s email is not verified or missing, and writes nothing', async () => {
    const before = await storedItems(hiring.api);
    const unverified = hiring.aCandidateUser({ email_verified: false });
    expect(await send(CreateMyProfileDocument, { input: { name: 'Eve' } }, unverified)).toMatchObject({
      data: null,
      errors: [{ errorType: 'EmailNotVerified', errorInfo: { email: unverified.email }, path: ['createMyProfile'] }],
    });
    const noEmail = hiring.aCandidateUser({ email: undefined, email_verified: undefined });
    expect((await send(CreateMyProfileDocument, { input: { name: 'Eve' } }, noEmail)).errors?.[0]).toMatchObject({ errorType: 'EmailNotVerified', errorInfo: { email: null } });
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
  });

  it('refuses to link an unverified email to the candidate a recruiter registered with it', async () => {
    const user = hiring.aCandidateUser({ email_verified: false });
    const registered = await hiring.aCandidate({ email: user.email });
    expect((await send(CreateMyProfileDocument, { input: { name: 'Mallory' } }, user)).errors?.[0]).toMatchObject({ errorType: 'EmailNotVerified' });
    const items = await storedItems(hiring.api);
    expect(items.find((item) => item.PK === `CANDIDATE#${registered.id}`)?.userId).toBeUndefined();
  });

  it('answers AlreadyLinked, naming the profile, when the user has one', async () => {
    const user = await aLinkedCandidate();
    expect(await send(CreateMyProfileDocument, { input: { name: 'Again' } }, user)).toMatchObject({
      data: null,
      errors: [{ errorType: 'AlreadyLinked', errorInfo: { candidateId: user.id } }],
    });
    // Also after the profile moved to another email: the user's guard holds.
    await ok(UpdateMyProfileDocument, { input: { email: `moved.${user.sub}@example.com` } }, user);
    expect((await send(CreateMyProfileDocument, { input: { name: 'Again' } }, user)).errors?.[0]).toMatchObject({
      errorType: 'AlreadyLinked',
      errorInfo: { candidateId: user.id },
    });
  });

  it('answers Conflict when the email’s candidate belongs to another user', async () => {
    const first = await aLinkedCandidate();
    const second = hiring.aCandidateUser({ email: first.email.toUpperCase() });
    expect(await send(CreateMyProfileDocument, { input: { name: 'Second' } }, second)).toMatchObject({
      data: null,
      errors: [{ errorType: 'Conflict', errorInfo: { email: first.email.toUpperCase() } }],
    });
    expect(await ok(MeDocument, {}, second)).toEqual({ me: null });
  });

  it('links a user to one candidate only, however many requests race: the others fail and write nothing', async () => {
    const user = hiring.aCandidateUser();
    const results = await Promise.all([1, 2, 3].map((n) => send(CreateMyProfileDocument, { input: { name: `Racer ${n}` } }, user)));
    const created = results.filter((body) => !body.errors);
    expect(created).toHaveLength(1);
    for (const body of results.filter((result) => result.errors)) {
      expect(['AlreadyLinked', 'Conflict', 'TransactionConflict']).toContain(body.errors![0]!.errorType);
    }
    const items = await storedItems(hiring.api);
    expect(items.filter((item) => item.userId === user.sub)).toEqual([expect.objectContaining({ id: created[0]!.data!.createMyProfile.id })]);
    expect(items.filter((item) => item.PK === `USER#${user.sub}`)).toHaveLength(1);
    expect(items.filter((item) => item.PK === `EMAIL#${user.email.toLowerCase()}`)).toHaveLength(1);
  });

  it('rejects a blank name with a ValidationError before any write', async () => {
    const before = await storedItems(hiring.api);
    expect((await send(CreateMyProfileDocument, { input: { name: ' ' } }, hiring.aCandidateUser())).errors?.[0]).toMatchObject({
      errorType: 'ValidationError',
      errorInfo: { field: 'name' },
    });
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
  });

  it('AUTH-05 is for candidates: a recruiter is refused', async () => {
    expect(await send(CreateMyProfileDocument, { input: { name: 'Rita' } }, hiring.recruiter)).toMatchObject({
      data: null,
      errors: [{ errorType: 'Unauthorized', path: ['createMyProfile'] }],
    });
  });
});

describe('Mutation.updateMyProfile', () => {
  it('changes only the fields given; null removes the phone; admins see the change', async () => {
    const user = hiring.aCandidateUser();
    const { createMyProfile } = await ok(CreateMyProfileDocument, { input: { name: 'Annie Easley', phone: '+1 555 0103' } }, user);
    const { updateMyProfile } = await ok(UpdateMyProfileDocument, { input: { name: ' Annie J. Easley ' } }, user);
    expect(updateMyProfile).toEqual({ ...createMyProfile, name: 'Annie J. Easley' });
    const { updateMyProfile: withoutPhone } = await ok(UpdateMyProfileDocument, { input: { phone: null } }, user);
    expect(withoutPhone).toEqual({ ...createMyProfile, name: 'Annie J. Easley', phone: null });
    // No company knows a candidate who signed up alone (tenancy): admins read every candidate.
    const { candidate } = await ok(CandidateDocument, { id: createMyProfile.id }, hiring.admin);
    expect(candidate).toMatchObject({ name: 'Annie J. Easley', phone: null, email: user.email });
  });

  it('moves the email guard with a new email: the old one is free again, the new one taken (DDB-41)', async () => {
    const user = await aLinkedCandidate();
    const newEmail = `new.${user.sub}@example.com`;
    const { updateMyProfile } = await ok(UpdateMyProfileDocument, { input: { email: newEmail } }, user);
    expect(updateMyProfile).toMatchObject({ id: user.id, email: newEmail });
    const items = await storedItems(hiring.api);
    expect(items.filter((item) => item.PK === `EMAIL#${user.email.toLowerCase()}`)).toEqual([]);
    expect(items).toContainEqual(expect.objectContaining({ PK: `EMAIL#${newEmail}`, candidateId: user.id }));
    expect(await ok(FindCandidateByEmailDocument, { email: newEmail.toUpperCase() }, hiring.admin)).toMatchObject({ findCandidateByEmail: { id: user.id } });
    // The old email is free: a recruiter may register it.
    const { id: companyId } = await hiring.aCompany();
    await ok(CreateCandidateDocument, { input: { companyId, name: 'Someone Else', email: user.email } }, hiring.recruiter);
    expect((await send(CreateCandidateDocument, { input: { companyId, name: 'Dup', email: newEmail } }, hiring.recruiter)).errors?.[0]).toMatchObject({ errorType: 'Conflict' });
  });

  it('changes the letter case of the email in place, keeping its guard', async () => {
    const user = await aLinkedCandidate();
    const upper = user.email.toUpperCase();
    expect(await ok(UpdateMyProfileDocument, { input: { email: upper } }, user)).toMatchObject({ updateMyProfile: { email: upper } });
    const guards = (await storedItems(hiring.api)).filter((item) => item.candidateId === user.id && item.PK.startsWith('EMAIL#'));
    expect(guards).toEqual([expect.objectContaining({ PK: `EMAIL#${user.email.toLowerCase()}`, email: upper })]);
  });

  it('answers Conflict for an email another candidate has in any letter case, and writes nothing', async () => {
    const user = await aLinkedCandidate('Christine Darden');
    const other = await hiring.aCandidate();
    const before = await storedItems(hiring.api);
    expect(await send(UpdateMyProfileDocument, { input: { name: 'Changed', email: other.email.toUpperCase() } }, user)).toMatchObject({
      data: null,
      errors: [{ errorType: 'Conflict', errorInfo: { email: other.email.toUpperCase() }, path: ['updateMyProfile'] }],
    });
    expect(await storedItems(hiring.api)).toEqual(before);
    expect((await ok(MeDocument, {}, user)).me).toMatchObject({ name: 'Christine Darden', email: user.email });
  });

  it('gives a contested email to one candidate only when two change to it at once', async () => {
    const [first, second] = [await aLinkedCandidate(), await aLinkedCandidate()];
    const contested = `contested.${first.sub}@example.com`;
    const results = await Promise.all([first, second].map((user) => send(UpdateMyProfileDocument, { input: { email: contested } }, user)));
    expect(results.filter((body) => !body.errors)).toHaveLength(1);
    const items = await storedItems(hiring.api);
    const holders = items.filter((item) => item.PK.startsWith('CANDIDATE#') && item.email === contested);
    expect(holders).toHaveLength(1);
    // The loser keeps its email and its guard; the winner's old guard is gone.
    const loser = holders[0]!.id === first.id ? second : first;
    const winner = loser === first ? second : first;
    expect(items).toContainEqual(expect.objectContaining({ PK: `EMAIL#${loser.email.toLowerCase()}`, candidateId: loser.id }));
    expect(items.filter((item) => item.PK === `EMAIL#${winner.email.toLowerCase()}`)).toEqual([]);
    expect(items.filter((item) => item.PK === `EMAIL#${contested}`)).toEqual([expect.objectContaining({ candidateId: winner.id })]);
  });

  it('answers ProfileNotFound before createMyProfile', async () => {
    expect(await send(UpdateMyProfileDocument, { input: { name: 'Nobody' } }, hiring.aCandidateUser())).toMatchObject({
      data: null,
      errors: [{ errorType: 'ProfileNotFound', errorInfo: { mutation: 'createMyProfile' } }],
    });
  });

  it('AUTH-05 is for candidates: a recruiter is refused', async () => {
    expect((await send(UpdateMyProfileDocument, { input: { name: 'Rita' } }, hiring.recruiter)).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
  });
});

describe('Mutation.applyAsMe', () => {
  it('applies the signed-in candidate to an OPEN job; they list it with its stage and job, recruiters see it too', async () => {
    const user = await aLinkedCandidate();
    const company = await hiring.aCompany();
    const job = await hiring.aJob(company.id, { title: 'Flight engineer' });
    const { applyAsMe } = await ok(ApplyAsMeDocument, { jobId: job.id }, user);
    expect(applyAsMe).toMatchObject({ jobId: job.id, stage: 'APPLIED', job: { id: job.id, title: 'Flight engineer', status: 'OPEN' } });
    const { me } = await ok(MeDocument, {}, user);
    expect(me.applications).toEqual({ items: [applyAsMe], nextToken: null });
    const { applicationsByJob } = await ok(ApplicationsByJobDocument, { jobId: job.id }, hiring.recruiter);
    expect(applicationsByJob.items).toEqual([expect.objectContaining({ id: applyAsMe.id, candidateId: user.id, version: 1 })]);
  });

  it('withdraws with the SDK documents alone: the version ApplyAsMe and Me return is the one WithdrawApplication expects', async () => {
    const user = await aLinkedCandidate();
    const company = await hiring.aCompany();
    const job = await hiring.aJob(company.id);
    const { applyAsMe } = await ok(ApplyAsMeDocument, { jobId: job.id }, user);
    expect(applyAsMe.version).toBe(1);
    const listed = (await ok(MeDocument, {}, user)).me.applications.items[0];
    const { withdrawApplication } = await ok(WithdrawApplicationDocument, { id: listed.id, expectedVersion: listed.version }, user);
    expect(withdrawApplication).toMatchObject({ id: applyAsMe.id, stage: 'WITHDRAWN', version: 2 });
    expect((await ok(MeDocument, {}, user)).me.applications.items[0]).toMatchObject({ id: applyAsMe.id, stage: 'WITHDRAWN', version: 2 });
  });

  it('lists the candidate’s own applications newest first, page by page', async () => {
    const user = await aLinkedCandidate();
    const company = await hiring.aCompany();
    for (const title of ['one', 'two', 'three']) await ok(ApplyAsMeDocument, { jobId: (await hiring.aJob(company.id, { title })).id }, user);
    const first = (await ok(MeDocument, { applicationsLimit: 2 }, user)).me.applications;
    expect(first.items.map((application: any) => application.job.title)).toEqual(['three', 'two']);
    const second = (await ok(MeDocument, { applicationsLimit: 2, applicationsNextToken: first.nextToken }, user)).me.applications;
    expect(second).toEqual({ items: [expect.objectContaining({ stage: 'APPLIED', job: expect.objectContaining({ title: 'one' }) })], nextToken: null });
  });

  it('answers JobNotOpen for a DRAFT or CLOSED job, NotFound for none, AlreadyApplied the second time', async () => {
    const user = await aLinkedCandidate();
    const company = await hiring.aCompany();
    for (const status of ['DRAFT', 'CLOSED'] as const) {
      const job = await hiring.aJob(company.id, { status });
      expect(await send(ApplyAsMeDocument, { jobId: job.id }, user)).toMatchObject({
        data: null,
        errors: [{ errorType: 'JobNotOpen', errorInfo: { jobId: job.id, status }, path: ['applyAsMe'] }],
      });
    }
    expect((await send(ApplyAsMeDocument, { jobId: 'missing' }, user)).errors?.[0]).toMatchObject({ errorType: 'NotFound', errorInfo: { jobId: 'missing' } });
    const open = await hiring.aJob(company.id);
    const { applyAsMe } = await ok(ApplyAsMeDocument, { jobId: open.id }, user);
    expect((await send(ApplyAsMeDocument, { jobId: open.id }, user)).errors?.[0]).toMatchObject({
      errorType: 'AlreadyApplied',
      errorInfo: { jobId: open.id, candidateId: user.id, applicationId: applyAsMe.id },
    });
    expect((await ok(MeDocument, {}, user)).me.applications.items).toHaveLength(1);
  });

  it('answers ProfileNotFound before createMyProfile, and writes nothing', async () => {
    const job = await hiring.aJob((await hiring.aCompany()).id);
    const before = await storedItems(hiring.api);
    expect((await send(ApplyAsMeDocument, { jobId: job.id }, hiring.aCandidateUser())).errors?.[0]).toMatchObject({ errorType: 'ProfileNotFound' });
    expect(await storedItems(hiring.api)).toHaveLength(before.length);
  });

  it('AUTH-05 is for candidates; applyToJob stays for recruiters: a candidate cannot apply another candidate', async () => {
    const user = await aLinkedCandidate();
    const other = await hiring.aCandidate();
    const job = await hiring.aJob((await hiring.aCompany()).id);
    expect((await send(ApplyAsMeDocument, { jobId: job.id }, hiring.recruiter)).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
    for (const candidateId of [other.id, user.id]) {
      expect(await send(ApplyToJobDocument, { jobId: job.id, candidateId }, user)).toMatchObject({
        data: null,
        errors: [{ errorType: 'Unauthorized', path: ['applyToJob'] }],
      });
    }
  });
});

describe('what a candidate may not read', () => {
  it('AUTH-05 refuses candidate(id), application(id) and applicationsByJob, their own included', async () => {
    const user = await aLinkedCandidate();
    const other = await hiring.aCandidate();
    const job = await hiring.aJob((await hiring.aCompany()).id);
    const { applyToJob } = await ok(ApplyToJobDocument, { jobId: job.id, candidateId: other.id }, hiring.recruiter);
    const { applyAsMe } = await ok(ApplyAsMeDocument, { jobId: job.id }, user);
    for (const id of [other.id, user.id]) {
      expect(await send(CandidateDocument, { id }, user)).toMatchObject({ data: { candidate: null }, errors: [{ errorType: 'Unauthorized', path: ['candidate'] }] });
    }
    for (const id of [applyToJob.id, applyAsMe.id]) {
      expect(await send(ApplicationDocument, { id }, user)).toMatchObject({ data: { application: null }, errors: [{ errorType: 'Unauthorized', path: ['application'] }] });
    }
    expect(await send(ApplicationsByJobDocument, { jobId: job.id }, user)).toMatchObject({ data: null, errors: [{ errorType: 'Unauthorized', path: ['applicationsByJob'] }] });
    expect((await send(FindCandidateByEmailDocument, { email: other.email }, user)).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
  });

  it('AUTH-03 hides the recruiters’ fields of the candidate’s own applications: history, candidateId, candidate (version stays: withdrawApplication needs it)', async () => {
    const user = await aLinkedCandidate();
    const job = await hiring.aJob((await hiring.aCompany()).id);
    await ok(ApplyAsMeDocument, { jobId: job.id }, user);
    const own = await hiring.api.graphql('query { me { applications { items { version } } } }', {}, user);
    expect(own.body).toEqual({ data: { me: { applications: { items: [{ version: 1 }] } } } });
    for (const field of ['history { stage }', 'candidateId', 'candidate { id }']) {
      const { body } = await hiring.api.graphql(`query { me { id applications { items { id ${field} } } } }`, {}, user);
      const name = field.split(' ')[0];
      expect(body.errors, field).toEqual([expect.objectContaining({ errorType: 'Unauthorized', path: ['me', 'applications', 'items', 0, name] })]);
    }
    // Nullable, the applicant is null beside the error; the rest of the application is there.
    const { body } = await hiring.api.graphql('query { me { applications { items { id stage candidate { id email } } } } }', {}, user);
    expect(body.data).toEqual({ me: { applications: { items: [{ id: expect.any(String), stage: 'APPLIED', candidate: null }] } } });
  });

  it('AUTH-03 keeps the job’s applications from candidates', async () => {
    const user = await aLinkedCandidate();
    const job = await hiring.aJob((await hiring.aCompany()).id);
    await ok(ApplyAsMeDocument, { jobId: job.id }, user);
    const { body } = await hiring.api.graphql('query ($id: ID!) { job(id: $id) { title applications { items { id } } } }', { id: job.id }, user);
    expect(body).toMatchObject({ data: { job: null }, errors: [{ errorType: 'Unauthorized', path: ['job', 'applications'] }] });
  });
});

describe('Query.findCandidateByEmail', () => {
  it('finds the candidate in any letter case; null for an email nobody has', async () => {
    const registered = await hiring.aCandidate({ email: `Find.Me.${Date.now()}@Example.com` });
    for (const email of [registered.email, registered.email.toLowerCase(), registered.email.toUpperCase()]) {
      expect(await ok(FindCandidateByEmailDocument, { email }, hiring.recruiter)).toMatchObject({ findCandidateByEmail: { id: registered.id, email: registered.email } });
    }
    expect(await ok(FindCandidateByEmailDocument, { email: 'nobody.here@example.com' }, hiring.admin)).toEqual({ findCandidateByEmail: null });
  });

  it('AUTH-05 is for recruiters and admins: candidates, a user in no group and the job board are refused', async () => {
    const registered = await hiring.aCandidate();
    for (const caller of [hiring.aCandidateUser(), hiring.member, hiring.jobBoard]) {
      expect(await send(FindCandidateByEmailDocument, { email: registered.email }, caller)).toMatchObject({
        data: { findCandidateByEmail: null },
        errors: [{ errorType: 'Unauthorized', path: ['findCandidateByEmail'] }],
      });
    }
  });
});
