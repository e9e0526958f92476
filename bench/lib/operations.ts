/**
 * The SDK's operations as the bench, the cost run and the peer's test send them: every document of
 * the generated SDK (@hiring/sdk), printed as the SDK sends it, with who sends it and its
 * variables against the seeded data (seed.ts).
 *
 * A new operation in schema/operations: run `npm run codegen`, then add its entry to `CASES` (the
 * caller and the variables; `repeatable: false` when each call needs fresh data, such as a spare
 * candidate; `user` when each call must be another signed-in candidate), and its resolvers to the
 * peer (bench/peer/resolvers.ts). Callers sign in with the claims of `callerClaims`. The peer's test fails
 * while an SDK operation has no entry here.
 */
import { print, type DocumentNode } from 'graphql';
import * as sdk from '@hiring/sdk';
import type { CandidateUser, Seed } from './seed';

/** The job board (API key), or a signed-in user of the group. */
export type Caller = 'jobBoard' | 'recruiter' | 'admin' | 'candidate';

export interface OperationCase {
  caller: Caller;
  /** The candidate user of the `n`-th call (0-based) when each call needs its own; the seed's `me` otherwise. */
  user?(seed: Seed, n: number): CandidateUser;
  /**
   * Variables of the `n`-th call (0-based). Repeatable operations also get the placeholder `'__N__'`,
   * which the bench replaces with a unique count per call (e.g. in an email that must be unique).
   */
  variables(seed: Seed, n: number | string): Record<string, unknown>;
  /** False when each call consumes seeded data (measured a bounded number of times). */
  repeatable: boolean;
}

export const CASES: Record<string, OperationCase> = {
  Company: { caller: 'jobBoard', repeatable: true, variables: (seed) => ({ id: seed.companyId }) },
  Job: { caller: 'jobBoard', repeatable: true, variables: (seed) => ({ id: seed.jobId }) },
  JobsByCompany: { caller: 'jobBoard', repeatable: true, variables: (seed) => ({ companyId: seed.companyId }) },
  Candidate: { caller: 'recruiter', repeatable: true, variables: (seed) => ({ id: seed.candidateId }) },
  Application: { caller: 'recruiter', repeatable: true, variables: (seed) => ({ id: seed.applicationId }) },
  ApplicationsByJob: { caller: 'recruiter', repeatable: true, variables: (seed) => ({ jobId: seed.jobId }) },
  CreateCompany: { caller: 'admin', repeatable: true, variables: (_, n) => ({ input: { name: `Company ${n}`, website: 'https://example.com' } }) },
  AddCompanyRecruiter: { caller: 'admin', repeatable: true, variables: (seed, n) => ({ input: { companyId: seed.spareCompanyId, email: `new.recruiter.${n}@example.com` } }) },
  RemoveCompanyRecruiter: { caller: 'admin', repeatable: false, variables: (seed, n) => ({ input: { companyId: seed.companyId, email: seed.spareRecruiterEmails[Number(n)] } }) },
  CompanyRecruiters: { caller: 'admin', repeatable: true, variables: (seed) => ({ id: seed.companyId }) },
  CreateJob: {
    caller: 'recruiter',
    repeatable: true,
    variables: (seed, n) => ({ input: { companyId: seed.companyId, title: `Job ${n}`, description: 'A job.', location: 'Remote', status: 'OPEN' } }),
  },
  CreateCandidate: {
    caller: 'recruiter',
    repeatable: true,
    variables: (seed, n) => ({ input: { companyId: seed.companyId, name: `Person ${n}`, email: `person.${n}.${seed.companyId}.${Math.random().toString(36).slice(2)}@example.com` } }),
  },
  ApplyToJob: { caller: 'recruiter', repeatable: false, variables: (seed, n) => ({ jobId: seed.jobId, candidateId: seed.spareCandidateIds[Number(n)] }) },
  MoveApplication: { caller: 'recruiter', repeatable: false, variables: (seed, n) => ({ id: seed.spareApplicationIds[Number(n)], stage: 'SCREEN', expectedVersion: 1 }) },
  FindCandidateByEmail: { caller: 'recruiter', repeatable: true, variables: (seed) => ({ email: seed.candidateEmail.toUpperCase() }) },
  AddNote: { caller: 'recruiter', repeatable: true, variables: (seed, n) => ({ applicationId: seed.applicationId, body: `Note ${n}: moved on to the panel interview.` }) },
  ApplicationNotes: { caller: 'recruiter', repeatable: true, variables: (seed) => ({ id: seed.applicationId }) },
  Me: { caller: 'candidate', repeatable: true, variables: () => ({}) },
  // Links the candidate a recruiter registered with the user's email (the email guard, the candidate, then the link).
  CreateMyProfile: { caller: 'candidate', repeatable: false, user: (seed, n) => seed.claimingUsers[n]!, variables: (_, n) => ({ input: { name: `Claimed ${n}` } }) },
  UpdateMyProfile: { caller: 'candidate', repeatable: true, variables: (_, n) => ({ input: { name: `Me ${n}`, phone: '+14155550199' } }) },
  ApplyAsMe: { caller: 'candidate', repeatable: false, user: (seed, n) => seed.applyingUsers[n]!, variables: (seed) => ({ jobId: seed.jobId }) },
  // Every detail changed, the location too (the job moves between the board's location partitions).
  UpdateJob: {
    caller: 'recruiter',
    repeatable: false,
    variables: (seed, n) => ({
      id: seed.spareJobIds[Number(n)],
      input: { title: `Senior Engineer ${n}`, description: 'Lead the hiring pipeline team.', location: 'Lisbon, Portugal', remote: true, employmentType: 'CONTRACT', salary: { min: 70000, max: 90000, currency: 'EUR' } },
      expectedVersion: 1,
    }),
  },
  PublishJob: { caller: 'recruiter', repeatable: false, variables: (seed, n) => ({ id: seed.draftJobIds[Number(n)], expectedVersion: 1 }) },
  CloseJob: { caller: 'recruiter', repeatable: false, variables: (seed, n) => ({ id: seed.openJobIds[Number(n)], expectedVersion: 1 }) },
  JobPipeline: { caller: 'recruiter', repeatable: true, variables: (seed) => ({ id: seed.jobId }) },
  // The job board's first page: every open job, newest first.
  OpenJobs: { caller: 'jobBoard', repeatable: true, variables: () => ({}) },
  Companies: { caller: 'jobBoard', repeatable: true, variables: () => ({}) },
  // A recruiter: the SDK's document selects candidateId, which a candidate may not read (their own withdrawal is in the peer's test).
  WithdrawApplication: { caller: 'recruiter', repeatable: false, variables: (seed, n) => ({ id: seed.withdrawals[Number(n)]!.applicationId, expectedVersion: 1 }) },
};

/**
 * The claims of the `n`-th call's user-pool token (its groups; a candidate's sub and verified
 * email), or null for the job board's API key.
 */
export function callerClaims(operationCase: OperationCase, seed: Seed, n: number | string): Record<string, unknown> | null {
  switch (operationCase.caller) {
    case 'jobBoard':
      return null;
    case 'admin':
      return { 'cognito:groups': ['admins'] };
    case 'recruiter':
      // A recruiter of the seed's companies (tenancy).
      return { 'cognito:groups': ['recruiters'], sub: seed.recruiterSub };
    case 'candidate': {
      const user = operationCase.user && typeof n === 'number' ? operationCase.user(seed, n) : seed.me;
      return { 'cognito:groups': ['candidates'], sub: user.sub, email: user.email, email_verified: true };
    }
  }
}

export interface SdkOperation {
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  document: string;
  /** Undefined while the operation has no entry in CASES. */
  case?: OperationCase;
}

/** Every query and mutation of the generated SDK, in the SDK's order. */
export function sdkOperations(): SdkOperation[] {
  return Object.entries(sdk)
    .filter(([name]) => name.endsWith('Document'))
    .map(([, document]) => document as DocumentNode)
    .map((document) => {
      const definition = document.definitions.find((node) => node.kind === 'OperationDefinition')!;
      const name = definition.name!.value;
      return { name, kind: definition.operation, document: print(document), case: CASES[name] };
    })
    // Subscriptions go over the WebSocket API (bench/realtime.ts measures them), not the HTTP handler.
    .filter((operation) => operation.kind !== 'subscription');
}
