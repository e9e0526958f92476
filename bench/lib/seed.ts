/**
 * The data the bench, the cost run and the peer's test share: one company with a page of jobs, one
 * open job with a page of applications across the stages, candidates with applications to several
 * jobs, and spare candidates and applications for the mutations that need fresh ones. Written
 * straight to the table in the API's layout (src/data/keys.ts), so both implementations read it.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApplicationRecord } from '../../src/data/applications';
import type { CandidateRecord } from '../../src/data/candidates';
import { appliedKey, applicationIndexKeys, applicationKey, candidateKey, companyKey, emailKey, jobIndexKeys, jobKey } from '../../src/data/keys';

export interface Seed {
  companyId: string;
  /** OPEN, with `applicationsPerJob` applications. */
  jobId: string;
  jobIds: string[];
  candidateId: string;
  applicationId: string;
  /** Candidates with no application to jobId: one per ApplyToJob call. */
  spareCandidateIds: string[];
  /** Applications in APPLIED at version 1: one per MoveApplication call. */
  spareApplicationIds: string[];
}

export interface SeedSize {
  jobs: number;
  applicationsPerJob: number;
  spares: number;
}

export const DEFAULT_SEED_SIZE: SeedSize = { jobs: 20, applicationsPerJob: 20, spares: 50 };

const STAGES = ['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER', 'REJECTED'] as const;

/** A timestamp `i` seconds after a fixed start, so every run sorts alike. */
const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();

export async function seedHiringData(doc: DynamoDBDocumentClient, table: string, companyId: string = randomUUID(), size: SeedSize = DEFAULT_SEED_SIZE): Promise<Seed> {
  const items: object[] = [];
  items.push({ ...companyKey(companyId), __typename: 'Company', id: companyId, name: 'Bench Co', website: 'https://bench.example.com', createdAt: at(0) });
  const jobIds = Array.from({ length: size.jobs }, () => randomUUID());
  jobIds.forEach((id, i) => {
    const createdAt = at(10 + i);
    items.push({
      ...jobKey(id),
      ...jobIndexKeys(companyId, createdAt, id),
      __typename: 'Job',
      id,
      companyId,
      title: `Engineer ${i}`,
      description: 'Build and run the hiring pipeline. '.repeat(8),
      location: 'Remote',
      status: i === 0 ? 'OPEN' : i % 3 === 0 ? 'CLOSED' : 'OPEN',
      createdAt,
      updatedAt: createdAt,
    });
  });
  const candidate = (i: number) => {
    const id = randomUUID();
    const record: CandidateRecord = { ...candidateKey(id), __typename: 'Candidate', id, name: `Candidate ${i}`, email: `candidate.${i}.${companyId}@example.com`, phone: '+14155550100', createdAt: at(100 + i) };
    items.push(record, { ...emailKey(record.email), __typename: 'CandidateEmail', candidateId: record.id, email: record.email });
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
      candidateId,
      stage,
      version: stage === 'APPLIED' ? 1 : 2,
      appliedAt,
      updatedAt: movedAt,
      history: stage === 'APPLIED' ? [{ stage, at: appliedAt }] : [{ stage: 'APPLIED', at: appliedAt }, { stage, at: movedAt }],
    };
    items.push(record, { ...appliedKey(jobId, candidateId), __typename: 'ApplicationGuard', applicationId: id });
    return id;
  };
  const jobId = jobIds[0]!;
  const candidateIds = Array.from({ length: size.applicationsPerJob }, (_, i) => candidate(i));
  const applicationIds = candidateIds.map((id, i) => application(jobId, id, i, STAGES[i % STAGES.length]!));
  // The first candidate applied to a page of other jobs too (Candidate.applications with nested jobs).
  jobIds.slice(1, 10).forEach((other, i) => application(other, candidateIds[0]!, 100 + i, 'APPLIED'));
  const spareApplicationIds = Array.from({ length: size.spares }, (_, i) => application(jobIds[1]!, candidate(1000 + i), 500 + i, 'APPLIED'));
  const spareCandidateIds = Array.from({ length: size.spares }, (_, i) => candidate(2000 + i));
  for (let start = 0; start < items.length; start += 25) {
    let request: Record<string, any> | undefined = { [table]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) request = (await doc.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
  }
  return { companyId, jobId, jobIds, candidateId: candidateIds[0]!, applicationId: applicationIds[0]!, spareCandidateIds, spareApplicationIds };
}
