/**
 * The SDK's operations as the bench, the cost run and the peer's test send them: every document of
 * the generated SDK (@hiring/sdk), printed as the SDK sends it, with who sends it and its
 * variables against the seeded data (seed.ts).
 *
 * A new operation in schema/operations: run `npm run codegen`, then add its entry to `CASES` (the
 * caller and the variables; `repeatable: false` when each call needs fresh data, such as a spare
 * candidate), and its resolvers to the peer (bench/peer/resolvers.ts). The peer's test fails
 * while an SDK operation has no entry here.
 */
import { print, type DocumentNode } from 'graphql';
import * as sdk from '@hiring/sdk';
import type { Seed } from './seed';

export type Caller = 'jobBoard' | 'recruiter' | 'admin';

export interface OperationCase {
  caller: Caller;
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
  CreateJob: {
    caller: 'recruiter',
    repeatable: true,
    variables: (seed, n) => ({ input: { companyId: seed.companyId, title: `Job ${n}`, description: 'A job.', location: 'Remote', status: 'OPEN' } }),
  },
  CreateCandidate: {
    caller: 'recruiter',
    repeatable: true,
    variables: (seed, n) => ({ input: { name: `Person ${n}`, email: `person.${n}.${seed.companyId}.${Math.random().toString(36).slice(2)}@example.com` } }),
  },
  ApplyToJob: { caller: 'recruiter', repeatable: false, variables: (seed, n) => ({ jobId: seed.jobId, candidateId: seed.spareCandidateIds[Number(n)] }) },
  MoveApplication: { caller: 'recruiter', repeatable: false, variables: (seed, n) => ({ id: seed.spareApplicationIds[Number(n)], stage: 'SCREEN', expectedVersion: 1 }) },
};

export interface SdkOperation {
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  document: string;
  /** Undefined while the operation has no entry in CASES. */
  case?: OperationCase;
}

/** Every operation of the generated SDK, in the SDK's order. */
export function sdkOperations(): SdkOperation[] {
  return Object.entries(sdk)
    .filter(([name]) => name.endsWith('Document'))
    .map(([, document]) => document as DocumentNode)
    .map((document) => {
      const definition = document.definitions.find((node) => node.kind === 'OperationDefinition')!;
      const name = definition.name!.value;
      return { name, kind: definition.operation, document: print(document), case: CASES[name] };
    });
}
