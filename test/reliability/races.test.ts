/**
 * Races: eight Lambda containers (the production bundle, each in its own process) on one DynamoDB
 * Local table, called through the typed SDK as concurrent recruiters would. Each race has one
 * winner and answers every loser with its stable errorType; afterwards the whole table is checked
 * for half-done writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddCompanyRecruiterDocument, ApplyToJobDocument, CreateCandidateDocument, CreateCompanyDocument, CreateJobDocument, MoveApplicationDocument } from '@hiring/sdk';
import { createTestDatabase, type TestDatabase } from '../helpers/dynamodb';
import { cognitoIdToken, createSigningKey } from '@appsync-lambda/test-support';
import { RECRUITER_SUB } from '../helpers/hiring';
import { buildHandlerBundle, containerEnvironment, startHandlerProcess, type HandlerBundle, type HandlerProcess } from './lib/handler-processes';
import { mib } from './lib/outcomes';
import { Recorder } from './lib/recorder';
import { checkTable, scanTable } from './lib/table-state';

const CONTAINERS = 8;
/** Concurrent callers per race: two per container. */
const RACERS = CONTAINERS * 2;
const PIPELINE = ['SCREEN', 'INTERVIEW', 'OFFER', 'HIRED'] as const;

const key = createSigningKey();
const admin = cognitoIdToken(key, { 'cognito:groups': ['admins'] });
const recruiter = cognitoIdToken(key, { 'cognito:groups': ['recruiters'] });
const recorder = new Recorder();
let db: TestDatabase;
let bundle: HandlerBundle;
let containers: HandlerProcess[] = [];
/** The container the i-th racer calls. */
const origin = (i: number) => containers[i % containers.length]!.origin;
const racers = () => Array.from({ length: RACERS }, (_, i) => i);

async function setUp<T>(promise: Promise<{ data?: T; errors: readonly unknown[] }>): Promise<T> {
  const call = await promise;
  expect(call.errors).toEqual([]);
  return call.data!;
}

async function aCandidate(n: number) {
  const { createCandidate } = await setUp(recorder.call(origin(n), recruiter, CreateCandidateDocument, { input: { companyId, name: `Candidate ${n}`, email: `candidate.${n}@example.com` } }));
  return createCandidate.id;
}

let companyId: string;
let jobId: string;

beforeAll(async () => {
  [db, bundle] = await Promise.all([createTestDatabase('hiring-reliability-races'), buildHandlerBundle()]);
  const env = containerEnvironment(db, key);
  containers = await Promise.all(Array.from({ length: CONTAINERS }, () => startHandlerProcess({ bundle, env })));
  const { createCompany } = await setUp(recorder.call(origin(0), admin, CreateCompanyDocument, { input: { name: 'Race Co' } }));
  companyId = createCompany.id;
  // The racers are recruiters of the company (tenancy).
  await setUp(recorder.call(origin(0), admin, AddCompanyRecruiterDocument, { input: { companyId, userId: RECRUITER_SUB } }));
  const { createJob } = await setUp(recorder.call(origin(1), recruiter, CreateJobDocument, { input: { companyId, title: 'Racer', status: 'OPEN' } }));
  jobId = createJob.id;
}, 120_000);

afterAll(async () => {
  await Promise.all(containers.map((container) => container.close()));
  bundle?.remove();
});

describe('races between containers on one table', () => {
  it('moves an application once per version: one winner, every other caller ConcurrentModification with the new version', async () => {
    const applications = await Promise.all(
      [0, 1, 2].map(async (n) => {
        const candidateId = await aCandidate(100 + n);
        const { applyToJob } = await setUp(recorder.call(origin(n), recruiter, ApplyToJobDocument, { jobId, candidateId }));
        return applyToJob.id;
      }),
    );
    const winnersPerRound: number[] = [];
    const losers: Record<string, number> = {};
    await Promise.all(
      applications.map(async (id) => {
        for (const [index, stage] of PIPELINE.entries()) {
          const expectedVersion = index + 1;
          const calls = await Promise.all(racers().map((i) => recorder.call(origin(i), recruiter, MoveApplicationDocument, { id, stage, expectedVersion })));
          const winners = calls.filter((call) => call.kind === 'ok');
          winnersPerRound.push(winners.length);
          expect(winners.map((call) => call.data!.moveApplication)).toEqual([expect.objectContaining({ id, stage, version: expectedVersion + 1 })]);
          for (const call of calls.filter((c) => c.kind !== 'ok')) {
            losers[call.kind] = (losers[call.kind] ?? 0) + 1;
            expect(call.errors[0]).toMatchObject({ errorType: 'ConcurrentModification', errorInfo: { currentVersion: expectedVersion + 1, currentStage: stage } });
          }
        }
      }),
    );
    console.log(`moveApplication: ${applications.length} applications × ${PIPELINE.length} versions × ${RACERS} racers; winners per version ${JSON.stringify(winnersPerRound)}; losers ${JSON.stringify(losers)}`);
  }, 120_000);

  it('lets one of several different moves from the same version win: the others see the stage it moved to', async () => {
    const candidateId = await aCandidate(150);
    const { applyToJob } = await setUp(recorder.call(origin(0), recruiter, ApplyToJobDocument, { jobId, candidateId }));
    const targets = ['SCREEN', 'REJECTED', 'WITHDRAWN'] as const;
    const calls = await Promise.all(racers().map((i) => recorder.call(origin(i), recruiter, MoveApplicationDocument, { id: applyToJob.id, stage: targets[i % 3]!, expectedVersion: 1 })));
    const winners = calls.filter((call) => call.kind === 'ok').map((call) => call.data!.moveApplication);
    expect(winners).toEqual([expect.objectContaining({ id: applyToJob.id, version: 2 })]);
    const won = winners[0]!.stage;
    for (const call of calls.filter((c) => c.kind !== 'ok')) {
      expect(call.errors[0]).toMatchObject({ errorType: 'ConcurrentModification', errorInfo: { currentVersion: 2, currentStage: won } });
    }
    console.log(`moveApplication to ${targets.join('/')} from version 1 × ${RACERS} racers: ${won} won`);
  }, 120_000);

  it('applies a candidate to a job once: one application, every other caller AlreadyApplied naming it', async () => {
    const candidates = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => aCandidate(200 + n)));
    const losers: Record<string, number> = {};
    await Promise.all(
      candidates.map(async (candidateId) => {
        const calls = await Promise.all(racers().map((i) => recorder.call(origin(i), recruiter, ApplyToJobDocument, { jobId, candidateId })));
        const winners = calls.filter((call) => call.kind === 'ok');
        expect(winners).toHaveLength(1);
        const applicationId = winners[0]!.data!.applyToJob.id;
        for (const call of calls.filter((c) => c.kind !== 'ok')) {
          losers[call.kind] = (losers[call.kind] ?? 0) + 1;
          // TransactionConflict: DynamoDB cancelled a transaction racing another; retryable, nothing written.
          if (call.kind === 'TransactionConflict') continue;
          expect(call.errors[0]).toMatchObject({ errorType: 'AlreadyApplied', errorInfo: { jobId, candidateId, applicationId } });
        }
      }),
    );
    console.log(`applyToJob: ${candidates.length} pairs × ${RACERS} racers; losers ${JSON.stringify(losers)}`);
  }, 120_000);

  it('registers an email once, in any letter case: one candidate, every other caller Conflict', async () => {
    const emails = [0, 1, 2, 3, 4, 5].map((n) => `race.${n}@example.com`);
    const losers: Record<string, number> = {};
    await Promise.all(
      emails.map(async (email) => {
        const calls = await Promise.all(
          racers().map((i) => recorder.call(origin(i), recruiter, CreateCandidateDocument, { input: { companyId, name: `Racer ${i}`, email: i % 2 ? email.toUpperCase() : email } })),
        );
        expect(calls.filter((call) => call.kind === 'ok')).toHaveLength(1);
        for (const call of calls.filter((c) => c.kind !== 'ok')) {
          losers[call.kind] = (losers[call.kind] ?? 0) + 1;
          if (call.kind === 'TransactionConflict') continue;
          expect(call.errors[0]?.errorType).toBe('Conflict');
        }
      }),
    );
    console.log(`createCandidate: ${emails.length} emails × ${RACERS} racers; losers ${JSON.stringify(losers)}`);
  }, 120_000);

  it('leaves no hang, no crash, no leak and no half-done write', async () => {
    const { counts, partialWrites } = checkTable(await scanTable(db.doc, db.tableName));
    const stats = await Promise.all(containers.map((container) => container.stats()));
    console.log(
      [
        recorder.report(`races (${CONTAINERS} containers)`),
        `  peak RSS per container: ${stats.map((s) => mib(s.maxRssBytes)).join(', ')}`,
        `  table: ${JSON.stringify(counts)}; partial writes: ${partialWrites.length}`,
        ...partialWrites.slice(0, 10).map((line) => `    ${line}`),
      ].join('\n'),
    );
    expect(containers.map((container) => container.exit())).toEqual(containers.map(() => undefined));
    expect(recorder.hangs).toBe(0);
    expect(recorder.findings.toString()).toBe('');
    expect(partialWrites).toEqual([]);
    expect(counts).toMatchObject({ APPLICATION: 10, APPLIED: 10, CANDIDATE: 16, EMAIL: 16, JOB: 1, JOB_COUNTS: 1, COMPANY: 1 });
  }, 60_000);
});
