/**
 * Seeds a running API through its own GraphQL mutations, so the stored items are exactly what the
 * API writes (keys, index attributes, timestamps).
 */
import { seedCandidates, seedCompanies, type SeedCandidate, type SeedCompany } from './seed-data.ts';

const CREATE_COMPANY = /* GraphQL */ `
  mutation SeedCompany($input: CreateCompanyInput!) { createCompany(input: $input) { id } }
`;
const ADD_RECRUITER = /* GraphQL */ `
  mutation SeedRecruiter($input: CompanyRecruiterInput!) { addCompanyRecruiter(input: $input) { companyId } }
`;
// 20 companies a page: each one's recruiters are a Query, within the signed-in budget of DynamoDB calls.
const COMPANY_RECRUITERS = /* GraphQL */ `
  query SeedCompanyRecruiters($nextToken: String) {
    companies(limit: 20, nextToken: $nextToken) { items { id name recruiters(limit: 100) { items { email } } } nextToken }
  }
`;
const CREATE_JOB = /* GraphQL */ `
  mutation SeedJob($input: CreateJobInput!) { createJob(input: $input) { id version } }
`;
const CLOSE_JOB = /* GraphQL */ `
  mutation SeedCloseJob($id: ID!, $expectedVersion: Int!) { closeJob(id: $id, expectedVersion: $expectedVersion) { id } }
`;
const CREATE_CANDIDATE = /* GraphQL */ `
  mutation SeedCandidate($input: CreateCandidateInput!) { createCandidate(input: $input) { id } }
`;
const APPLY = /* GraphQL */ `
  mutation SeedApplication($jobId: ID!, $candidateId: ID!) { applyToJob(jobId: $jobId, candidateId: $candidateId) { id version } }
`;
const CREATE_MY_PROFILE = /* GraphQL */ `
  mutation SeedMyProfile($input: CreateMyProfileInput!) { createMyProfile(input: $input) { id email } }
`;
const MOVE = /* GraphQL */ `
  mutation SeedMove($id: ID!, $stage: Stage!, $expectedVersion: Int!) {
    moveApplication(id: $id, stage: $stage, expectedVersion: $expectedVersion) { version }
  }
`;

type GraphQLError = { errorType?: string };

class SeedError extends Error {
  readonly errors: GraphQLError[];

  constructor(message: string, errors: GraphQLError[]) {
    super(message);
    this.errors = errors;
  }
}

async function mutate<T>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLError[] };
  if (!response.ok || body.errors || !body.data) {
    throw new SeedError(`Seeding failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`, body.errors ?? []);
  }
  return body.data;
}

/** Makes whoever signs in with `email` a recruiter of the company (again: no change), as the admin of `headers`. */
export async function addRecruiter(url: string, companyId: string, email: string, headers: Record<string, string>): Promise<void> {
  await mutate(url, ADD_RECRUITER, { input: { companyId, email } }, headers);
}

/** Every company with the emails of its email-named recruiters, read as the admin of `headers`. */
export async function companyRecruiters(url: string, headers: Record<string, string>): Promise<Array<{ id: string; name: string; emails: string[] }>> {
  type Page = { companies: { items: Array<{ id: string; name: string; recruiters: { items: Array<{ email: string | null }> } }>; nextToken: string | null } };
  const companies: Array<{ id: string; name: string; emails: string[] }> = [];
  let nextToken: string | null = null;
  do {
    const page: Page = await mutate<Page>(url, COMPANY_RECRUITERS, { nextToken }, headers);
    for (const { id, name, recruiters } of page.companies.items) companies.push({ id, name, emails: recruiters.items.flatMap(({ email }) => (email ? [email] : [])) });
    nextToken = page.companies.nextToken;
  } while (nextToken);
  return companies;
}

/** Creates a candidate for `companyId`; null when one with the email exists already (a second `npm run seed`). */
async function createCandidate(url: string, candidate: Omit<SeedCandidate, 'applications'>, companyId: string | undefined, headers: Record<string, string>) {
  try {
    const { createCandidate } = await mutate<{ createCandidate: { id: string } }>(url, CREATE_CANDIDATE, { input: { ...candidate, companyId } }, headers);
    return createCandidate.id;
  } catch (error) {
    if (error instanceof SeedError && error.errors[0]?.errorType === 'Conflict') return null;
    throw error;
  }
}

export interface SeedCounts {
  companies: number;
  /** Memberships: recruiters of the companies. */
  recruiters: number;
  jobs: number;
  candidates: number;
  applications: number;
  /** Candidates linked to a signed-in user (0 or 1). */
  linked: number;
}

/** A candidate user to link to the seeded candidate with their email, signing in with `headers`. */
export interface SeedCandidateUser {
  email: string;
  headers: Record<string, string>;
}

/**
 * Creates `companies` with their recruiters and jobs, then `candidates` (each registered by the
 * company of their first application) with their applications moved through the
 * pipeline, then closes the CLOSED jobs (posted OPEN so that they have applications), through the
 * API at `url`; returns how many of each were created. `headers` carry the
 * credentials (an admin's `authorization` token: only admins register companies). Candidates whose
 * email is taken are skipped with their applications. With `candidateUser`, the seeded candidate
 * with that user's email is then linked to the user (createMyProfile, as the user).
 */
export async function seed(
  url: string,
  companies: SeedCompany[] = seedCompanies,
  headers: Record<string, string> = {},
  candidates: SeedCandidate[] = seedCandidates,
  candidateUser?: SeedCandidateUser,
): Promise<SeedCounts> {
  const counts: SeedCounts = { companies: 0, recruiters: 0, jobs: 0, candidates: 0, applications: 0, linked: 0 };
  const jobIds = new Map<string, string>();
  const companyOfJob = new Map<string, string>();
  const toClose: Array<{ id: string; version: number }> = [];
  for (const { jobs: companyJobs, recruiters, ...company } of companies) {
    const { createCompany } = await mutate<{ createCompany: { id: string } }>(url, CREATE_COMPANY, { input: company }, headers);
    counts.companies += 1;
    for (const email of recruiters) {
      await addRecruiter(url, createCompany.id, email, headers);
      counts.recruiters += 1;
    }
    for (const job of companyJobs) {
      const input = { ...job, status: job.status === 'CLOSED' ? 'OPEN' : job.status, companyId: createCompany.id };
      const { createJob } = await mutate<{ createJob: { id: string; version: number } }>(url, CREATE_JOB, { input }, headers);
      jobIds.set(job.title, createJob.id);
      companyOfJob.set(job.title, createCompany.id);
      if (job.status === 'CLOSED') toClose.push(createJob);
      counts.jobs += 1;
    }
  }
  for (const { applications, ...candidate } of candidates) {
    const candidateId = await createCandidate(url, candidate, applications[0] && companyOfJob.get(applications[0].job), headers);
    if (!candidateId) continue;
    counts.candidates += 1;
    const signsIn = candidateUser?.email.toLowerCase() === candidate.email.toLowerCase();
    for (const { job, moves } of applications) {
      const jobId = jobIds.get(job);
      if (!jobId) throw new Error(`Seed data: ${candidate.name} applies to "${job}", which is not a seeded job`);
      const { applyToJob } = await mutate<{ applyToJob: { id: string; version: number } }>(url, APPLY, { jobId, candidateId }, headers);
      let version = applyToJob.version;
      for (const stage of moves) {
        const moved = await mutate<{ moveApplication: { version: number } }>(url, MOVE, { id: applyToJob.id, stage, expectedVersion: version }, headers);
        version = moved.moveApplication.version;
      }
      counts.applications += 1;
    }
    if (signsIn) {
      const { name, phone } = candidate;
      await mutate(url, CREATE_MY_PROFILE, { input: { name, phone } }, candidateUser!.headers);
      counts.linked += 1;
    }
  }
  for (const job of toClose) await mutate(url, CLOSE_JOB, { id: job.id, expectedVersion: job.version }, headers);
  return counts;
}

const ME = /* GraphQL */ `
  query SeedMe { me { id applications(limit: 1) { items { id jobId } } } }
`;

/** Ids to try, as the signed-in candidate sees them: their candidate, their latest application and its job; null before linking. */
export async function candidateIds(url: string, headers: Record<string, string>): Promise<{ candidateId: string; applicationId?: string; jobId?: string } | null> {
  const { me } = await mutate<{ me: { id: string; applications: { items: Array<{ id: string; jobId: string }> } } | null }>(url, ME, {}, headers);
  if (!me) return null;
  const latest = me.applications.items[0];
  return { candidateId: me.id, applicationId: latest?.id, jobId: latest?.jobId };
}
