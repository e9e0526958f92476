/**
 * The data the bench, the cost run and the peer's test share: one company with a page of jobs in
 * every status (OPEN ones on the job board's sparse indexes, with remote, employment type and salary
 * varied), one open job with a page of applications across the stages (the first with a page of
 * recruiters' notes), candidates with applications to several jobs (the first linked to a signed-in
 * candidate user, `me`), every job's application counts per stage as the API keeps them, and spare
 * candidates, applications, candidate users and jobs (a second company's) for the mutations that
 * need fresh ones. The recruiters' calls sign in as a recruiter of both companies, which know every
 * candidate (tenancy). Written straight to the table in the API's layout (src/data/keys.ts), so both
 * implementations read it.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApplicationRecord } from '../../src/data/applications';
import type { CandidateRecord } from '../../src/data/candidates';
import type { EmploymentType, JobCountsRecord, JobRecord, JobStatus } from '../../src/data/jobs';
import { candidateCompanyItem } from '../../src/data/candidates';
import {
  appliedKey,
  applicationIndexKeys,
  applicationKey,
  candidateCompanyKey,
  candidateKey,
  candidateUserKeys,
  companyIndexKeys,
  companyKey,
  emailKey,
  emailPrincipal,
  jobCountsKey,
  jobIndexKeys,
  jobKey,
  noteKey,
  openJobIndexKeys,
  recruiterCompanyKey,
  recruiterKey,
  userKey,
  userPrincipal,
} from '../../src/data/keys';
import type { NoteRecord } from '../../src/data/notes';

/** A candidate's user-pool identity: the token's `sub` and verified email. */
export interface CandidateUser {
  sub: string;
  email: string;
}

export interface Seed {
  companyId: string;
  /** The Cognito sub of the recruiter the recruiters' calls sign in as: a recruiter of both companies. */
  recruiterSub: string;
  /** Emails made recruiters of companyId: one per RemoveCompanyRecruiter call. */
  spareRecruiterEmails: string[];
  /** OPEN, with `applicationsPerJob` applications. */
  jobId: string;
  jobIds: string[];
  /** Has applications to 10 jobs; signs in as `me`. */
  candidateId: string;
  candidateEmail: string;
  /** The user linked to candidateId (Me, UpdateMyProfile). */
  me: CandidateUser;
  /** Has `notesPerApplication` notes. */
  applicationId: string;
  /** Candidates with no application to jobId: one per ApplyToJob call. */
  spareCandidateIds: string[];
  /** Applications in APPLIED at version 1: one per MoveApplication call. */
  spareApplicationIds: string[];
  /** Users whose email a recruiter registered, not yet linked: one per CreateMyProfile call. */
  claimingUsers: CandidateUser[];
  /** Users linked to a candidate with no application to jobId: one per ApplyAsMe call. */
  applyingUsers: CandidateUser[];
  /** Holds the spare jobs below. */
  spareCompanyId: string;
  /** OPEN jobs at version 1: one per UpdateJob call. */
  spareJobIds: string[];
  /** DRAFT jobs at version 1: one per PublishJob call. */
  draftJobIds: string[];
  /** OPEN jobs at version 1: one per CloseJob call. */
  openJobIds: string[];
  /** Users linked to a candidate with an application in APPLIED at version 1: one per WithdrawApplication call. */
  withdrawals: Array<{ user: CandidateUser; applicationId: string }>;
}

export interface SeedSize {
  jobs: number;
  applicationsPerJob: number;
  spares: number;
}

export const DEFAULT_SEED_SIZE: SeedSize = { jobs: 20, applicationsPerJob: 20, spares: 50 };
/** Notes on the first application (ApplicationNotes reads a page of 20). */
const NOTES = 20;

const STAGES = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'REJECTED'] as const;
const LOCATIONS = ['Remote', 'Lyon, France', 'Berlin, Germany'];
const EMPLOYMENT_TYPES: EmploymentType[] = ['FULL_TIME', 'CONTRACT', 'PART_TIME'];

/** A timestamp `i` seconds after a fixed start, so every run sorts alike. */
const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();

export async function seedHiringData(doc: DynamoDBDocumentClient, table: string, companyId: string = randomUUID(), size: SeedSize = DEFAULT_SEED_SIZE): Promise<Seed> {
  const items: object[] = [];
  items.push({ ...companyKey(companyId), ...companyIndexKeys('Bench Co', companyId), __typename: 'Company', id: companyId, name: 'Bench Co', website: 'https://bench.example.com', createdAt: at(0) });
  const spareCompanyId = randomUUID();
  items.push({ ...companyKey(spareCompanyId), ...companyIndexKeys('Spare Co', spareCompanyId), __typename: 'Company', id: spareCompanyId, name: 'Spare Co', website: null, createdAt: at(1) });
  const recruiterSub = randomUUID();
  /** A recruiter of `company`, named by user or by email, with its inverse item (as addCompanyRecruiter writes them). */
  const recruiter = (company: string, principal: { userId: string } | { email: string }) => {
    const name = 'userId' in principal ? userPrincipal(principal.userId) : emailPrincipal(principal.email);
    const named = 'userId' in principal ? { userId: principal.userId, email: null } : { userId: null, email: principal.email };
    items.push({ ...recruiterKey(company, name), __typename: 'CompanyRecruiter', companyId: company, principal: name, ...named, addedAt: at(2), addedBy: 'bench-admin' });
    items.push({ ...recruiterCompanyKey(name, company), __typename: 'RecruiterCompany', companyId: company, principal: name });
  };
  recruiter(companyId, { userId: recruiterSub });
  recruiter(spareCompanyId, { userId: recruiterSub });
  const spareRecruiterEmails = Array.from({ length: size.spares }, (_, i) => `recruiter.${i}.${companyId}@example.com`);
  for (const email of spareRecruiterEmails) recruiter(companyId, { email });
  const jobCounts = new Map<string, JobCountsRecord>();
  /** A job as the API stores it: its version counts the changes its status implies (created DRAFT, published, closed). */
  const job = (owner: string, i: number, status: JobStatus, version = status === 'DRAFT' ? 1 : status === 'OPEN' ? 2 : 3) => {
    const id = randomUUID();
    const createdAt = at(10 + i);
    const record: JobRecord = {
      ...jobKey(id),
      ...jobIndexKeys(owner, createdAt, id),
      __typename: 'Job',
      id,
      companyId: owner,
      title: `Engineer ${i}`,
      description: 'Build and run the hiring pipeline. '.repeat(8),
      location: LOCATIONS[i % LOCATIONS.length],
      remote: i % 2 === 0,
      employmentType: EMPLOYMENT_TYPES[i % EMPLOYMENT_TYPES.length],
      salary: i % 4 === 0 ? null : { min: 40000 + 1000 * i, max: 60000 + 1000 * i, currency: 'EUR' },
      status,
      version,
      createdAt,
      updatedAt: createdAt,
    };
    const item = status === 'OPEN' ? { ...record, ...openJobIndexKeys(record) } : record;
    items.push(item);
    return id;
  };
  const jobIds = Array.from({ length: size.jobs }, (_, i) => job(companyId, i, i === 0 || i === 1 ? 'OPEN' : i % 3 === 0 ? 'CLOSED' : i % 4 === 2 ? 'DRAFT' : 'OPEN'));
  const users: CandidateUser[] = [];
  /** A candidate a recruiter registered; with `sub`, linked to that user (as createMyProfile links one). */
  const candidate = (i: number, sub?: string) => {
    const id = randomUUID();
    const email = `candidate.${i}.${companyId}@example.com`;
    const linked = sub ? { userId: sub, ...candidateUserKeys(sub, id) } : {};
    const record: CandidateRecord = { ...candidateKey(id), __typename: 'Candidate', id, name: `Candidate ${i}`, email, phone: '+14155550100', createdAt: at(100 + i), ...linked };
    items.push(record, { ...emailKey(record.email), __typename: 'CandidateEmail', candidateId: record.id, email: record.email });
    // Registered by the bench's company, which knows it.
    items.push({ ...candidateCompanyKey(id, companyId), ...candidateCompanyItem(id, companyId) });
    if (sub) items.push({ ...userKey(sub), __typename: 'CandidateUser', candidateId: id });
    users.push({ sub: sub ?? randomUUID(), email });
    return record.id;
  };
  const application = (jobId: string, candidateId: string, i: number, stage: (typeof STAGES)[number]) => {
    const id = randomUUID();
    const appliedAt = at(1000 + i);
    const movedAt = stage === 'APPLIED' ? appliedAt : at(2000 + i);
    const record: ApplicationRecord = {
      ...applicationKey(id),
      ...applicationIndexKeys({ id, jobId, candidateId, stage, appliedAt }, movedAt),
      __typename: 'Application',
      id,
      jobId,
      companyId,
      candidateId,
      stage,
      version: stage === 'APPLIED' ? 1 : 2,
      appliedAt,
      updatedAt: movedAt,
      history: stage === 'APPLIED' ? [{ stage, at: appliedAt }] : [{ stage: 'APPLIED', at: appliedAt }, { stage, at: movedAt }],
    };
    items.push(record, { ...appliedKey(jobId, candidateId), __typename: 'ApplicationGuard', applicationId: id });
    // Counted in the job's counts item, as the API's transactions count it (made with the first application).
    let counted = jobCounts.get(jobId);
    if (!counted) {
      counted = { ...jobCountsKey(jobId), applicationCount: 0 };
      jobCounts.set(jobId, counted);
      items.push(counted);
    }
    counted.applicationCount = (counted.applicationCount ?? 0) + 1;
    counted[`stageCount_${stage}`] = (counted[`stageCount_${stage}`] ?? 0) + 1;
    return id;
  };
  const jobId = jobIds[0]!;
  const candidateIds = Array.from({ length: size.applicationsPerJob }, (_, i) => candidate(i, i === 0 ? randomUUID() : undefined));
  const me = users[0]!;
  const applicationIds = candidateIds.map((id, i) => application(jobId, id, i, STAGES[i % STAGES.length]!));
  // The first candidate applied to a page of other jobs too (Candidate.applications with nested jobs).
  jobIds.slice(1, 10).forEach((other, i) => application(other, candidateIds[0]!, 100 + i, 'APPLIED'));
  const spareApplicationIds = Array.from({ length: size.spares }, (_, i) => application(jobIds[1]!, candidate(1000 + i), 500 + i, 'APPLIED'));
  const spareCandidateIds = Array.from({ length: size.spares }, (_, i) => candidate(2000 + i));
  const claimingUsers = Array.from({ length: size.spares }, (_, i) => (candidate(3000 + i), users.at(-1)!));
  const applyingUsers = Array.from({ length: size.spares }, (_, i) => (candidate(4000 + i, randomUUID()), users.at(-1)!));
  const withdrawals = Array.from({ length: size.spares }, (_, i) => {
    const id = candidate(5000 + i, randomUUID());
    return { user: users.at(-1)!, applicationId: application(jobIds[1]!, id, 5000 + i, 'APPLIED') };
  });
  const spareJobIds = Array.from({ length: size.spares }, (_, i) => job(spareCompanyId, -1000 + i, 'OPEN', 1));
  const draftJobIds = Array.from({ length: size.spares }, (_, i) => job(spareCompanyId, -2000 + i, 'DRAFT', 1));
  const openJobIds = Array.from({ length: size.spares }, (_, i) => job(spareCompanyId, -3000 + i, 'OPEN', 1));
  const author = { id: randomUUID(), username: 'rita.recruiter', email: 'rita@example.com' };
  for (let i = 0; i < NOTES; i++) {
    const note: NoteRecord = {
      ...noteKey(applicationIds[0]!, at(3000 + i), `note-${i}`),
      __typename: 'Note',
      id: `note-${i}`,
      applicationId: applicationIds[0]!,
      body: `Note ${i}: `.concat('Strong on the systems interview. '.repeat(4)),
      author,
      createdAt: at(3000 + i),
    };
    items.push(note);
  }
  for (let start = 0; start < items.length; start += 25) {
    let request: Record<string, any> | undefined = { [table]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) request = (await doc.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
  }
  return {
    companyId,
    recruiterSub,
    spareRecruiterEmails,
    jobId,
    jobIds,
    candidateId: candidateIds[0]!,
    candidateEmail: me.email,
    me,
    applicationId: applicationIds[0]!,
    spareCandidateIds,
    spareApplicationIds,
    claimingUsers,
    applyingUsers,
    spareCompanyId,
    spareJobIds,
    draftJobIds,
    openJobIds,
    withdrawals,
  };
}
