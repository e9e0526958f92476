/**
 * Tenancy end to end through the SDK (docs/tenancy.md): every operation on one company's data, as
 * each role — an admin, a recruiter of the company (named by user, or by a verified email), a
 * recruiter of the other company, a recruiter of no company, a signed-in candidate — over HTTP, and
 * the subscriptions over the WebSocket API. The company's own people work on its private side; the
 * others get Unauthorized (AUTH-04 nested fields, EXE-10 `util.unauthorized()`), or the job board's
 * view where the job board may look, and nothing is written for them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AddCompanyRecruiterDocument,
  AddNoteDocument,
  ApplicationDocument,
  ApplicationNotesDocument,
  ApplicationsByJobDocument,
  ApplyToJobDocument,
  CandidateDocument,
  CloseJobDocument,
  CompanyDocument,
  CompanyRecruitersDocument,
  CreateCandidateDocument,
  CreateCompanyDocument,
  CreateJobDocument,
  createSubscriptionClient,
  FindCandidateByEmailDocument,
  GraphQLRequestError,
  JobDocument,
  JobPipelineDocument,
  JobsByCompanyDocument,
  MoveApplicationDocument,
  OnApplicationCreatedDocument,
  OnApplicationMovedDocument,
  PublishJobDocument,
  RemoveCompanyRecruiterDocument,
  UpdateJobDocument,
  WithdrawApplicationDocument,
  type Client,
  type SubscriptionClient,
} from '@hiring/sdk';
import type { EventOptions } from '@appsync-lambda/test-support';
import { createRealtimeApi, type RealtimeApi } from '../helpers/realtime';
import { createHiringSdk, type HiringSdk } from '../helpers/sdk';

type Data = Record<string, any>;
type CompanyKey = 'A' | 'B';
/** Who calls, relative to the company whose data the operation works on. */
type Role = 'admin' | 'ownRecruiter' | 'ownByEmail' | 'otherRecruiter' | 'noCompany' | 'candidate';
const ROLES: Role[] = ['admin', 'ownRecruiter', 'ownByEmail', 'otherRecruiter', 'noCompany', 'candidate'];
/** Who works on a company's private side. */
const STAFF_OF_COMPANY: Role[] = ['admin', 'ownRecruiter', 'ownByEmail'];
const other = (company: CompanyKey): CompanyKey => (company === 'A' ? 'B' : 'A');

/** Waits for a condition (the machine may be busy: generous, never a fixed sleep). */
const until = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 20 });

let rt: RealtimeApi;
let sdk: HiringSdk;
/** Per company: its id, an OPEN job and a DRAFT job, a candidate only it knows, an application (with a note) of that candidate. */
const fixture: Record<CompanyKey, Data> = { A: {}, B: {} };
/** A candidate who applied to both companies' open jobs. */
let both: Data;
/** The credentials of each user. */
const users: Record<string, EventOptions> = {};

/** The SDK client of `role` towards `company`'s data. */
function as(role: Role, company: CompanyKey): Client {
  const user = {
    admin: 'admin',
    ownRecruiter: `recruiterOf${company}`,
    ownByEmail: `emailRecruiterOf${company}`,
    otherRecruiter: `recruiterOf${other(company)}`,
    noCompany: 'recruiterOfNoCompany',
    candidate: 'candidate',
  }[role];
  return sdk.as(users[user]!);
}

const admin = () => sdk.as(users.admin!);
let emails = 0;
const anEmail = (name: string) => `${name}.${(emails += 1)}.${Date.now()}@example.com`;

async function aCompany(name: string): Promise<string> {
  return (await admin().request(CreateCompanyDocument, { input: { name } })).createCompany.id;
}
async function aJob(companyId: string, status: 'DRAFT' | 'OPEN' = 'OPEN', title = 'Engineer'): Promise<Data> {
  return (await admin().request(CreateJobDocument, { input: { companyId, title, status } })).createJob;
}
async function aCandidate(companyId: string): Promise<Data> {
  return (await admin().request(CreateCandidateDocument, { input: { companyId, name: 'Ada Lovelace', email: anEmail('ada') } })).createCandidate;
}
async function anApplication(company: CompanyKey): Promise<Data> {
  const candidate = await aCandidate(fixture[company].id);
  return (await admin().request(ApplyToJobDocument, { jobId: fixture[company].openJob.id, candidateId: candidate.id })).applyToJob;
}

beforeAll(async () => {
  rt = await createRealtimeApi();
  sdk = await createHiringSdk(rt.hiring);
  const signIn = (groups: string[], claims: Record<string, unknown>) => rt.hiring.signedIn(groups, { 'cognito:username': claims.sub, email_verified: false, ...claims });
  users.admin = signIn(['admins'], { sub: 'admin-1' });
  users.recruiterOfNoCompany = signIn(['recruiters'], { sub: 'recruiter-of-no-company' });
  users.candidate = rt.hiring.aCandidateUser();
  for (const company of ['A', 'B'] as const) {
    const id = await aCompany(`Company ${company}`);
    users[`recruiterOf${company}`] = signIn(['recruiters'], { sub: `recruiter-of-${company}` });
    // Named by email in lower case; the token carries it in another case, verified.
    const email = `recruiter.${company.toLowerCase()}@example.com`;
    users[`emailRecruiterOf${company}`] = signIn(['recruiters'], { sub: `email-recruiter-of-${company}`, email: email.toUpperCase(), email_verified: true });
    await admin().request(AddCompanyRecruiterDocument, { input: { companyId: id, userId: `recruiter-of-${company}` } });
    await admin().request(AddCompanyRecruiterDocument, { input: { companyId: id, email } });
    const openJob = await aJob(id, 'OPEN', `Open at ${company}`);
    const draftJob = await aJob(id, 'DRAFT', `Draft at ${company}`);
    const candidate = await aCandidate(id);
    const { applyToJob: application } = await admin().request(ApplyToJobDocument, { jobId: openJob.id, candidateId: candidate.id });
    await admin().request(AddNoteDocument, { applicationId: application.id, body: `Private to ${company}` });
    fixture[company] = { id, openJob, draftJob, candidate, application };
  }
  both = await aCandidate(fixture.A.id);
  for (const company of ['A', 'B'] as const) {
    const { applyToJob } = await admin().request(ApplyToJobDocument, { jobId: fixture[company].openJob.id, candidateId: both.id });
    both[company] = applyToJob.id;
  }
}, 60_000);
afterAll(async () => {
  await sdk?.close();
  await rt?.close();
});

/** The request's outcome: its data, or the GraphQLRequestError it failed with. */
async function outcome(request: Promise<unknown>): Promise<{ data?: Data; error?: GraphQLRequestError }> {
  try {
    return { data: (await request) as Data };
  } catch (error) {
    if (!(error instanceof GraphQLRequestError)) throw error;
    return { error };
  }
}

function expectUnauthorized(result: { data?: Data; error?: GraphQLRequestError }, field: string) {
  expect(result.error, 'Unauthorized expected').toBeInstanceOf(GraphQLRequestError);
  expect(result.error!.errorType).toBe('Unauthorized');
  expect(result.error!.errors[0]!.path?.[0]).toBe(field);
}

interface MatrixCase {
  /** The SDK operation. */
  operation: string;
  /** The roles that may run it on the company's data (default: its staff); the others are refused. */
  allowed?: Role[];
  /** Data to work on (fresh for a write), made by an admin, of the company. */
  prepare?(company: CompanyKey): Promise<Data>;
  run(client: Client, company: CompanyKey, data: Data): Promise<unknown>;
  /** What an allowed role gets. */
  granted(result: Data, company: CompanyKey, data: Data): void | Promise<void>;
  /** What a refused role gets: Unauthorized on the root field with nothing written, unless said otherwise. */
  refused?(result: { data?: Data; error?: GraphQLRequestError }, company: CompanyKey, data: Data): void | Promise<void>;
  /** What must still hold after a refused write (read as an admin). */
  unchanged?(company: CompanyKey, data: Data): Promise<void>;
}

/** Only the OPEN jobs of the company's board view: the job board's, for those who may not see the rest. */
const boardView = (jobs: Array<{ id: string; status: string }>, company: CompanyKey) => {
  expect(jobs.every((job) => job.status === 'OPEN')).toBe(true);
  expect(jobs.map((job) => job.id)).toContain(fixture[company].openJob.id);
  expect(jobs.map((job) => job.id)).not.toContain(fixture[company].draftJob.id);
};
const fullView = (jobs: Array<{ id: string }>, company: CompanyKey) => {
  expect(jobs.map((job) => job.id)).toEqual(expect.arrayContaining([fixture[company].openJob.id, fixture[company].draftJob.id]));
};
const versionOf = async (applicationId: string) => (await admin().request(ApplicationDocument, { id: applicationId })).application!;
const jobOf = async (jobId: string) => (await admin().request(JobDocument, { id: jobId })).job!;

const CASES: MatrixCase[] = [
  {
    operation: 'Job (a DRAFT job)',
    allowed: [...STAFF_OF_COMPANY, 'candidate'],
    run: (client, company) => client.request(JobDocument, { id: fixture[company].draftJob.id }),
    granted: (result, company) => expect(result.job).toMatchObject({ id: fixture[company].draftJob.id, status: 'DRAFT' }),
    refused: (result) => expect(result).toEqual({ data: { job: null } }),
  },
  {
    operation: 'JobsByCompany',
    allowed: [...STAFF_OF_COMPANY, 'candidate'],
    run: (client, company) => client.request(JobsByCompanyDocument, { companyId: fixture[company].id, limit: 100 }),
    granted: (result, company) => fullView(result.jobsByCompany.items, company),
    refused: (result, company) => boardView(result.data!.jobsByCompany.items, company),
  },
  {
    operation: 'Company (Company.jobs)',
    allowed: [...STAFF_OF_COMPANY, 'candidate'],
    run: (client, company) => client.request(CompanyDocument, { id: fixture[company].id, jobsLimit: 100 }),
    granted: (result, company) => fullView(result.company.jobs.items, company),
    refused: (result, company) => boardView(result.data!.company.jobs.items, company),
  },
  {
    operation: 'JobPipeline (Job.applicationCount, Job.stageCounts)',
    run: (client, company) => client.request(JobPipelineDocument, { id: fixture[company].openJob.id }),
    granted: (result) => {
      expect(result.job.applicationCount).toBeGreaterThanOrEqual(2);
      expect(result.job.stageCounts.find(({ stage }: { stage: string }) => stage === 'APPLIED').count).toBeGreaterThanOrEqual(2);
    },
    refused: (result) => {
      expectUnauthorized(result, 'job');
      // The counts are non-null: the denied field nulls the job (AUTH-04).
      expect(result.error!.data).toEqual({ job: null });
    },
  },
  {
    operation: 'Application',
    run: (client, company) => client.request(ApplicationDocument, { id: fixture[company].application.id }),
    granted: (result, company) => expect(result.application).toMatchObject({ id: fixture[company].application.id, companyId: fixture[company].id, candidate: { id: fixture[company].candidate.id } }),
    refused: (result) => expectUnauthorized(result, 'application'),
  },
  {
    operation: 'ApplicationsByJob',
    run: (client, company) => client.request(ApplicationsByJobDocument, { jobId: fixture[company].openJob.id }),
    granted: (result, company) => expect(result.applicationsByJob.items.map(({ id }: { id: string }) => id)).toContain(fixture[company].application.id),
    refused: (result) => expectUnauthorized(result, 'applicationsByJob'),
  },
  {
    operation: 'ApplicationNotes (Application.notes)',
    run: (client, company) => client.request(ApplicationNotesDocument, { id: fixture[company].application.id }),
    granted: (result, company) => expect(result.application.notes.items.map(({ body }: { body: string }) => body)).toEqual([`Private to ${company}`]),
    refused: (result) => expectUnauthorized(result, 'application'),
  },
  {
    operation: 'Candidate (one the company registered)',
    run: (client, company) => client.request(CandidateDocument, { id: fixture[company].candidate.id }),
    granted: (result, company) => {
      expect(result.candidate).toMatchObject({ id: fixture[company].candidate.id });
      expect(result.candidate.applications.items.map(({ id }: { id: string }) => id)).toEqual([fixture[company].application.id]);
    },
    refused: (result) => expectUnauthorized(result, 'candidate'),
  },
  {
    operation: 'FindCandidateByEmail (in another letter case)',
    run: (client, company) => client.request(FindCandidateByEmailDocument, { email: fixture[company].candidate.email.toUpperCase() }),
    granted: (result, company) => expect(result.findCandidateByEmail).toMatchObject({ id: fixture[company].candidate.id }),
    // Nothing of the candidate: no id, no name, no phone.
    refused: (result) => {
      expectUnauthorized(result, 'findCandidateByEmail');
      expect(result.error!.data).toEqual({ findCandidateByEmail: null });
    },
  },
  {
    operation: 'CompanyRecruiters (Company.recruiters)',
    allowed: ['admin'],
    run: (client, company) => client.request(CompanyRecruitersDocument, { id: fixture[company].id }),
    granted: (result, company) =>
      expect(result.company.recruiters.items).toEqual([
        expect.objectContaining({ companyId: fixture[company].id, userId: null, email: `recruiter.${company.toLowerCase()}@example.com`, addedBy: 'admin-1' }),
        expect.objectContaining({ companyId: fixture[company].id, userId: `recruiter-of-${company}`, email: null }),
      ]),
    // Company is readable; its recruiters field is for admins only (AUTH-05), non-null: it nulls the company.
    refused: (result) => {
      expect(result.error!.errorType).toBe('Unauthorized');
      expect(result.error!.errors[0]!.path).toEqual(['company', 'recruiters']);
    },
  },
  {
    operation: 'CreateJob',
    prepare: async () => ({ title: `Posted ${anEmail('job')}` }),
    run: (client, company, data) => client.request(CreateJobDocument, { input: { companyId: fixture[company].id, title: data.title, status: 'OPEN' } }),
    granted: (result, company) => expect(result.createJob).toMatchObject({ companyId: fixture[company].id, status: 'OPEN', version: 1 }),
    unchanged: async (company, data) => {
      const { jobsByCompany } = await admin().request(JobsByCompanyDocument, { companyId: fixture[company].id, limit: 100 });
      expect(jobsByCompany.items.map(({ title }) => title)).not.toContain(data.title);
    },
  },
  {
    operation: 'UpdateJob',
    prepare: async (company) => aJob(fixture[company].id, 'DRAFT'),
    run: (client, _company, job) => client.request(UpdateJobDocument, { id: job.id, input: { title: 'Renamed' }, expectedVersion: 1 }),
    granted: (result) => expect(result.updateJob).toMatchObject({ title: 'Renamed', version: 2 }),
    unchanged: async (_company, job) => expect(await jobOf(job.id)).toMatchObject({ title: 'Engineer', version: 1 }),
  },
  {
    operation: 'PublishJob',
    prepare: async (company) => aJob(fixture[company].id, 'DRAFT'),
    run: (client, _company, job) => client.request(PublishJobDocument, { id: job.id, expectedVersion: 1 }),
    granted: (result) => expect(result.publishJob).toMatchObject({ status: 'OPEN', version: 2 }),
    unchanged: async (_company, job) => expect(await jobOf(job.id)).toMatchObject({ status: 'DRAFT', version: 1 }),
  },
  {
    operation: 'CloseJob',
    prepare: async (company) => aJob(fixture[company].id, 'OPEN'),
    run: (client, _company, job) => client.request(CloseJobDocument, { id: job.id, expectedVersion: 1 }),
    granted: (result) => expect(result.closeJob).toMatchObject({ status: 'CLOSED', version: 2 }),
    unchanged: async (_company, job) => expect(await jobOf(job.id)).toMatchObject({ status: 'OPEN', version: 1 }),
  },
  {
    operation: 'CreateCandidate',
    prepare: async () => ({ email: anEmail('grace') }),
    run: (client, company, data) => client.request(CreateCandidateDocument, { input: { companyId: fixture[company].id, name: 'Grace Hopper', email: data.email } }),
    granted: (result, _company, data) => expect(result.createCandidate).toMatchObject({ name: 'Grace Hopper', email: data.email }),
    unchanged: async (_company, data) => expect((await admin().request(FindCandidateByEmailDocument, { email: data.email })).findCandidateByEmail).toBeNull(),
  },
  {
    operation: 'ApplyToJob (a candidate the company knows, to its job)',
    prepare: async (company) => aCandidate(fixture[company].id),
    run: (client, company, candidate) => client.request(ApplyToJobDocument, { jobId: fixture[company].openJob.id, candidateId: candidate.id }),
    granted: (result, company) => expect(result.applyToJob).toMatchObject({ jobId: fixture[company].openJob.id, companyId: fixture[company].id, stage: 'APPLIED' }),
    unchanged: async (_company, candidate) => expect((await admin().request(CandidateDocument, { id: candidate.id })).candidate!.applications.items).toEqual([]),
  },
  {
    operation: 'MoveApplication',
    prepare: anApplication,
    run: (client, _company, application) => client.request(MoveApplicationDocument, { id: application.id, stage: 'SCREEN', expectedVersion: 1 }),
    granted: (result) => expect(result.moveApplication).toMatchObject({ stage: 'SCREEN', version: 2 }),
    unchanged: async (_company, application) => expect(await versionOf(application.id)).toMatchObject({ stage: 'APPLIED', version: 1 }),
  },
  {
    operation: 'WithdrawApplication',
    prepare: anApplication,
    run: (client, _company, application) => client.request(WithdrawApplicationDocument, { id: application.id, expectedVersion: 1 }),
    granted: (result) => expect(result.withdrawApplication).toMatchObject({ stage: 'WITHDRAWN', version: 2 }),
    unchanged: async (_company, application) => expect(await versionOf(application.id)).toMatchObject({ stage: 'APPLIED', version: 1 }),
  },
  {
    operation: 'AddNote',
    prepare: anApplication,
    run: (client, _company, application) => client.request(AddNoteDocument, { applicationId: application.id, body: 'Strong systems interview' }),
    granted: (result, _company, application) => expect(result.addNote).toMatchObject({ applicationId: application.id, body: 'Strong systems interview' }),
    unchanged: async (_company, application) => expect((await admin().request(ApplicationNotesDocument, { id: application.id })).application!.notes.items).toEqual([]),
  },
  {
    operation: 'AddCompanyRecruiter',
    allowed: ['admin'],
    prepare: async () => ({ email: anEmail('new.recruiter') }),
    run: (client, company, data) => client.request(AddCompanyRecruiterDocument, { input: { companyId: fixture[company].id, email: data.email } }),
    granted: (result, company, data) => expect(result.addCompanyRecruiter).toMatchObject({ companyId: fixture[company].id, email: data.email, userId: null }),
    unchanged: async (company, data) => {
      const { company: read } = await admin().request(CompanyRecruitersDocument, { id: fixture[company].id, limit: 100 });
      expect(read!.recruiters.items.map(({ email }) => email)).not.toContain(data.email);
    },
  },
  {
    operation: 'RemoveCompanyRecruiter',
    allowed: ['admin'],
    prepare: async (company) => {
      const email = anEmail('leaving');
      await admin().request(AddCompanyRecruiterDocument, { input: { companyId: fixture[company].id, email } });
      return { email };
    },
    run: (client, company, data) => client.request(RemoveCompanyRecruiterDocument, { input: { companyId: fixture[company].id, email: data.email } }),
    granted: (result, company, data) => expect(result.removeCompanyRecruiter).toMatchObject({ companyId: fixture[company].id, email: data.email }),
    unchanged: async (company, data) => {
      const { company: read } = await admin().request(CompanyRecruitersDocument, { id: fixture[company].id, limit: 100 });
      expect(read!.recruiters.items.map(({ email }) => email)).toContain(data.email);
    },
  },
];

describe('the tenancy matrix: every operation on a company’s data, as every role', () => {
  for (const testCase of CASES) {
    describe(testCase.operation, () => {
      for (const company of ['A', 'B'] as const) {
        for (const role of ROLES) {
          const allowed = (testCase.allowed ?? STAFF_OF_COMPANY).includes(role);
          it(`${allowed ? 'lets' : 'refuses'} ${role} on company ${company}'s data`, async () => {
            const data = testCase.prepare ? await testCase.prepare(company) : {};
            const result = await outcome(testCase.run(as(role, company), company, data));
            if (allowed) {
              expect(result.error).toBeUndefined();
              await testCase.granted(result.data!, company, data);
              return;
            }
            if (testCase.refused) await testCase.refused(result, company, data);
            else {
              expect(result.error?.errorType, 'Unauthorized expected').toBe('Unauthorized');
              expect(result.error!.data).toBeNull();
            }
            await testCase.unchanged?.(company, data);
          });
        }
      }
    });
  }
});

describe('nested fields and lists across companies', () => {
  it('AUTH-04 Candidate.applications: a candidate who applied to both companies shows each recruiter only their company’s application', async () => {
    const read = async (client: Client) => (await client.request(CandidateDocument, { id: both.id })).candidate!.applications.items.map(({ id, companyId }) => ({ id, companyId }));
    expect(await read(as('ownRecruiter', 'A'))).toEqual([{ id: both.A, companyId: fixture.A.id }]);
    expect(await read(as('ownRecruiter', 'B'))).toEqual([{ id: both.B, companyId: fixture.B.id }]);
    expect(await read(as('ownByEmail', 'B'))).toEqual([{ id: both.B, companyId: fixture.B.id }]);
    expect((await read(admin())).map(({ id }) => id).sort()).toEqual([both.A, both.B].sort());
  });

  it('lets a recruiter reach an application’s job, candidate and notes through their own job’s list', async () => {
    const { job } = await as('ownRecruiter', 'A').request(JobPipelineDocument, { id: fixture.A.openJob.id });
    expect(job!.applicationCount).toBeGreaterThanOrEqual(2);
    const { applicationsByJob } = await as('ownRecruiter', 'A').request(ApplicationsByJobDocument, { jobId: fixture.A.openJob.id });
    expect(applicationsByJob.items.map(({ candidate }) => candidate?.id)).toEqual(expect.arrayContaining([fixture.A.candidate.id, both.id]));
  });

  it('shows a recruiter of no company nothing private of any company: no candidate, application, count or list', async () => {
    const client = as('noCompany', 'A');
    for (const company of ['A', 'B'] as const) {
      expect((await outcome(client.request(CandidateDocument, { id: fixture[company].candidate.id }))).error?.errorType).toBe('Unauthorized');
      expect((await outcome(client.request(ApplicationsByJobDocument, { jobId: fixture[company].openJob.id }))).error?.errorType).toBe('Unauthorized');
      boardView((await client.request(JobsByCompanyDocument, { companyId: fixture[company].id, limit: 100 })).jobsByCompany.items, company);
    }
    expect((await outcome(client.request(CandidateDocument, { id: both.id }))).error?.errorType).toBe('Unauthorized');
  });
});

describe('page tokens', () => {
  it('a token of company A’s full job list does not list A’s jobs to a recruiter of B: their list is the board’s (InvalidNextToken)', async () => {
    await aJob(fixture.A.id, 'DRAFT');
    const first = await as('ownRecruiter', 'A').request(JobsByCompanyDocument, { companyId: fixture.A.id, limit: 1 });
    expect(first.jobsByCompany.nextToken).toEqual(expect.any(String));
    const reused = await outcome(as('otherRecruiter', 'A').request(JobsByCompanyDocument, { companyId: fixture.A.id, limit: 1, nextToken: first.jobsByCompany.nextToken }));
    expect(reused.error?.errorType).toBe('InvalidNextToken');
  });

  it('a token of A’s applications gives a recruiter of B nothing: Unauthorized before the list is read', async () => {
    const first = await as('ownRecruiter', 'A').request(ApplicationsByJobDocument, { jobId: fixture.A.openJob.id, limit: 1 });
    expect(first.applicationsByJob.nextToken).toEqual(expect.any(String));
    const reused = await outcome(as('otherRecruiter', 'A').request(ApplicationsByJobDocument, { jobId: fixture.A.openJob.id, limit: 1, nextToken: first.applicationsByJob.nextToken }));
    expect(reused.error?.errorType).toBe('Unauthorized');
  });

  it('an admin’s token of a candidate’s applications still shows each recruiter only their company’s', async () => {
    const first = await admin().request(CandidateDocument, { id: both.id, applicationsLimit: 1 });
    const { items, nextToken } = first.candidate!.applications;
    expect(nextToken).toEqual(expect.any(String));
    // The first page holds one company's application; the token points at the other's.
    const firstCompany: CompanyKey = items[0]!.companyId === fixture.A.id ? 'A' : 'B';
    const rest = other(firstCompany);
    const pageAs = async (company: CompanyKey) =>
      (await as('ownRecruiter', company).request(CandidateDocument, { id: both.id, applicationsLimit: 1, applicationsNextToken: nextToken })).candidate!.applications;
    expect(await pageAs(firstCompany)).toEqual({ items: [], nextToken: null });
    expect((await pageAs(rest)).items.map(({ id }) => id)).toEqual([both[rest]]);
  });
});

describe('memberships', () => {
  it('registers candidates for a company: a recruiter must name one (ValidationError), an admin may not, and then no recruiter reads the candidate', async () => {
    const missing = await outcome(as('ownRecruiter', 'A').request(CreateCandidateDocument, { input: { name: 'Nobody’s', email: anEmail('nobody') } }));
    expect(missing.error).toMatchObject({ errorType: 'ValidationError', errors: [expect.objectContaining({ errorInfo: { field: 'input.companyId' } })] });
    const { createCandidate } = await admin().request(CreateCandidateDocument, { input: { name: 'Unattached', email: anEmail('unattached') } });
    expect((await outcome(as('ownRecruiter', 'A').request(CandidateDocument, { id: createCandidate.id }))).error?.errorType).toBe('Unauthorized');
    // Applying makes the job's company know the candidate.
    await admin().request(ApplyToJobDocument, { jobId: fixture.A.openJob.id, candidateId: createCandidate.id });
    expect((await as('ownRecruiter', 'A').request(CandidateDocument, { id: createCandidate.id })).candidate).toMatchObject({ id: createCandidate.id });
  });

  it('refuses a recruiter of A the candidates only B knows, even to A’s own job', async () => {
    const onlyB = await aCandidate(fixture.B.id);
    const applied = await outcome(as('ownRecruiter', 'A').request(ApplyToJobDocument, { jobId: fixture.A.openJob.id, candidateId: onlyB.id }));
    expect(applied.error?.errorType).toBe('Unauthorized');
    expect((await admin().request(CandidateDocument, { id: onlyB.id })).candidate!.applications.items).toEqual([]);
  });

  it('adds a recruiter once (again: the membership as it is), lets them in at once, and shuts them out when removed', async () => {
    const user = rt.hiring.signedIn(['recruiters'], { sub: 'joining-recruiter' });
    const client = sdk.as(user);
    const read = () => outcome(client.request(ApplicationDocument, { id: fixture.A.application.id }));
    expect((await read()).error?.errorType).toBe('Unauthorized');
    const input = { companyId: fixture.A.id, userId: 'joining-recruiter' };
    const { addCompanyRecruiter: added } = await admin().request(AddCompanyRecruiterDocument, { input });
    expect(added).toMatchObject({ companyId: fixture.A.id, userId: 'joining-recruiter', email: null, addedBy: 'admin-1' });
    expect((await admin().request(AddCompanyRecruiterDocument, { input })).addCompanyRecruiter).toEqual(added);
    expect((await read()).data?.application).toMatchObject({ id: fixture.A.application.id });
    expect((await admin().request(RemoveCompanyRecruiterDocument, { input })).removeCompanyRecruiter).toEqual(added);
    expect((await read()).error?.errorType).toBe('Unauthorized');
    expect((await outcome(admin().request(RemoveCompanyRecruiterDocument, { input }))).error?.errorType).toBe('NotFound');
  });

  it('names a recruiter by exactly one of userId and email (ValidationError), of a company that exists (NotFound)', async () => {
    const bothNames = await outcome(admin().request(AddCompanyRecruiterDocument, { input: { companyId: fixture.A.id, userId: 'u', email: 'u@example.com' } }));
    expect(bothNames.error?.errorType).toBe('ValidationError');
    const neither = await outcome(admin().request(AddCompanyRecruiterDocument, { input: { companyId: fixture.A.id } }));
    expect(neither.error?.errorType).toBe('ValidationError');
    const nowhere = await outcome(admin().request(AddCompanyRecruiterDocument, { input: { companyId: 'no-such-company', userId: 'u' } }));
    expect(nowhere.error?.errorType).toBe('NotFound');
  });

  it('matches an email-named membership only with a verified email', async () => {
    const unverified = rt.hiring.signedIn(['recruiters'], { sub: 'unverified', email: 'recruiter.a@example.com', email_verified: false });
    expect((await outcome(sdk.as(unverified).request(ApplicationDocument, { id: fixture.A.application.id }))).error?.errorType).toBe('Unauthorized');
  });
});

describe('subscriptions', () => {
  const clients: SubscriptionClient[] = [];
  afterAll(() => Promise.all(clients.map((client) => client.close())));
  const tokenOf = (role: Role, company: CompanyKey) =>
    ({ admin: 'admin', ownRecruiter: `recruiterOf${company}`, ownByEmail: `emailRecruiterOf${company}`, otherRecruiter: `recruiterOf${other(company)}`, noCompany: 'recruiterOfNoCompany', candidate: 'candidate' })[role];
  const live = (user: string) => {
    const client = createSubscriptionClient({ url: rt.gateway.url, getToken: () => users[user]!.headers?.authorization, retryAttempts: 0 });
    clients.push(client);
    return client;
  };
  const stored = (key: string) => rt.realtime.store.subscriptions(key);

  /** Collects a subscription's events until `stop` is called; `ended` settles with its error, if any. */
  function collect<T>(subscription: AsyncIterable<T> & { unsubscribe(): void }) {
    const events: T[] = [];
    const ended = (async () => {
      try {
        for await (const event of subscription) events.push(event);
        return null;
      } catch (error) {
        return error as GraphQLRequestError;
      }
    })();
    return { events, ended, stop: () => subscription.unsubscribe() };
  }

  for (const [field, document] of [
    ['onApplicationMoved', OnApplicationMovedDocument],
    ['onApplicationCreated', OnApplicationCreatedDocument],
  ] as const) {
    describe(`Subscription.${field}(jobId)`, () => {
      for (const company of ['A', 'B'] as const) {
        for (const role of ROLES) {
          const allowed = STAFF_OF_COMPANY.includes(role);
          it(`${allowed ? 'delivers to' : 'refuses'} ${role} subscribing to a job of company ${company}`, async () => {
            const jobId = fixture[company].openJob.id;
            const key = `${field}#jobId=${jobId}`;
            const before = (await stored(key)).length;
            const subscription = collect(live(tokenOf(role, company)).subscribe(document as typeof OnApplicationMovedDocument, { jobId }));
            if (!allowed) {
              expect(await subscription.ended).toMatchObject({ name: 'GraphQLRequestError', errorType: 'Unauthorized' });
              expect(await stored(key)).toHaveLength(before);
              return;
            }
            await until(async () => expect(await stored(key)).toHaveLength(before + 1));
            const application = await anApplication(company);
            if (field === 'onApplicationMoved') await admin().request(MoveApplicationDocument, { id: application.id, stage: 'SCREEN', expectedVersion: 1 });
            await until(() => expect(subscription.events.map((event) => Object.values(event as Data)[0].id)).toContain(application.id));
            subscription.stop();
            await until(async () => expect(await stored(key)).toHaveLength(before));
          });
        }
      }
    });
  }

  it('without jobId: delivers each recruiter their companies’ moves and applications only, an admin every company’s; refuses a recruiter of no company', async () => {
    const moved = (user: string) => collect(live(user).subscribe(OnApplicationMovedDocument, {}));
    const created = (user: string) => collect(live(user).subscribe(OnApplicationCreatedDocument, {}));
    const ofA = { moved: moved('recruiterOfA'), created: created('recruiterOfA') };
    const ofB = { moved: moved('emailRecruiterOfB'), created: created('emailRecruiterOfB') };
    const all = { moved: moved('admin'), created: created('admin') };
    const nobody = { moved: moved('recruiterOfNoCompany'), created: created('recruiterOfNoCompany') };
    expect(await nobody.moved.ended).toMatchObject({ errorType: 'Unauthorized' });
    expect(await nobody.created.ended).toMatchObject({ errorType: 'Unauthorized' });
    await until(async () => {
      expect(await stored('onApplicationMoved#')).toHaveLength(3);
      expect(await stored('onApplicationCreated#')).toHaveLength(3);
    });
    // A's first, delivered before its request answers (the fan-out is synchronous here); then B's.
    const inA = await anApplication('A');
    await admin().request(MoveApplicationDocument, { id: inA.id, stage: 'SCREEN', expectedVersion: 1 });
    const inB = await anApplication('B');
    await admin().request(MoveApplicationDocument, { id: inB.id, stage: 'REJECTED', expectedVersion: 1 });
    const ids = (events: Data[]) => events.map((event) => Object.values(event)[0].id);
    await until(() => {
      expect(ids(ofB.moved.events)).toContain(inB.id);
      expect(ids(ofB.created.events)).toContain(inB.id);
      expect(ids(all.moved.events)).toEqual(expect.arrayContaining([inA.id, inB.id]));
      expect(ids(all.created.events)).toEqual(expect.arrayContaining([inA.id, inB.id]));
    });
    expect(ids(ofB.moved.events)).toEqual([inB.id]);
    expect(ids(ofB.created.events)).toEqual([inB.id]);
    expect(ids(ofA.moved.events)).toEqual([inA.id]);
    expect(ids(ofA.created.events)).toEqual([inA.id]);
  });
});
