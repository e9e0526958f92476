// The application data builders and the stage rules: pure request objects, no I/O.
import { describe, expect, it } from 'vitest';
import { Applications, CREATE_APPLICATION_ITEMS, stagesLeadingTo, TRANSITIONS, type Stage } from '../../src/data/applications';
import { applicationsOfJob, applicationStageSortKey, STAGE_RANK } from '../../src/data/keys';

const STAGES = Object.keys(TRANSITIONS) as Stage[];
const TERMINAL: Stage[] = ['HIRED', 'REJECTED', 'WITHDRAWN'];

describe('TRANSITIONS', () => {
  it('ends the pipeline at HIRED, REJECTED and WITHDRAWN', () => {
    for (const stage of TERMINAL) expect(TRANSITIONS[stage]).toEqual([]);
  });

  it('lets every open stage advance one step, reject or withdraw, and never go back to APPLIED', () => {
    expect(TRANSITIONS.APPLIED).toEqual(['SCREEN', 'REJECTED', 'WITHDRAWN']);
    expect(TRANSITIONS.SCREEN).toEqual(['INTERVIEW', 'REJECTED', 'WITHDRAWN']);
    expect(TRANSITIONS.INTERVIEW).toEqual(['OFFER', 'REJECTED', 'WITHDRAWN']);
    expect(TRANSITIONS.OFFER).toEqual(['HIRED', 'REJECTED', 'WITHDRAWN']);
    expect(stagesLeadingTo('APPLIED')).toEqual([]);
    expect(stagesLeadingTo('REJECTED')).toEqual(['APPLIED', 'SCREEN', 'INTERVIEW', 'OFFER']);
    expect(stagesLeadingTo('HIRED')).toEqual(['OFFER']);
  });
});

describe('applicationStageSortKey', () => {
  it('sorts a job’s applications in pipeline order, then by when they entered their stage', () => {
    const keys = [
      applicationStageSortKey('WITHDRAWN', '2026-01-01T00:00:00.000Z', 'a'),
      applicationStageSortKey('SCREEN', '2026-03-01T00:00:00.000Z', 'b'),
      applicationStageSortKey('APPLIED', '2026-05-01T00:00:00.000Z', 'c'),
      applicationStageSortKey('SCREEN', '2026-02-01T00:00:00.000Z', 'd'),
      applicationStageSortKey('HIRED', '2026-01-01T00:00:00.000Z', 'e'),
    ];
    expect([...keys].sort().map((key) => key.split('#').pop())).toEqual(['c', 'd', 'b', 'e', 'a']);
  });

  it('gives every stage a one-digit rank, so ranks sort as strings', () => {
    expect(Object.keys(STAGE_RANK).sort()).toEqual([...STAGES].sort());
    expect(Object.values(STAGE_RANK).every((rank) => rank >= 1 && rank <= 9)).toBe(true);
    expect(new Set(Object.values(STAGE_RANK)).size).toBe(STAGES.length);
  });

  it('keeps one stage’s prefix from matching another’s', () => {
    const { prefix } = applicationsOfJob('j1', 'SCREEN');
    expect(applicationStageSortKey('SCREEN', 't', 'x').startsWith(prefix)).toBe(true);
    for (const stage of STAGES.filter((other) => other !== 'SCREEN')) expect(applicationStageSortKey(stage, 't', 'x').startsWith(prefix)).toBe(false);
  });
});

describe('Applications.move', () => {
  const current = Applications.record({ id: 'a1', jobId: 'j1', companyId: 'co1', candidateId: 'c1', appliedAt: '2026-01-01T00:00:00.000Z' });

  it('MOD-04 increments the version, appends to the history, writes the move token and re-keys GSI1 under a version and stage condition', () => {
    const request = Applications.move({ ...current, version: 3 }, 'SCREEN', '2026-01-02T03:04:05.000Z', 'move-1') as any;
    expect(request.operation).toBe('TransactWriteItems');
    const [application] = request.transactItems;
    expect(application).toMatchObject({ operation: 'UpdateItem', key: { PK: { S: 'APPLICATION#a1' }, SK: { S: '#META' } } });
    const values = JSON.stringify(application.update.expressionValues);
    expect(application.update.expression).toMatch(/^SET /);
    expect(application.update.expression).toContain('list_append(');
    expect(values).toContain(applicationStageSortKey('SCREEN', '2026-01-02T03:04:05.000Z', 'a1'));
    expect(values).toContain('"move-1"');
    expect(Object.values(application.condition.expressionValues)).toEqual(expect.arrayContaining([{ N: 3 }, { S: 'APPLIED' }]));
  });

  it('moves the application between its job’s stage counters, in the job’s counts item, in the same transaction', () => {
    const request = Applications.move(current, 'REJECTED', '2026-01-02T03:04:05.000Z', 'move-1') as any;
    const job = request.transactItems[1];
    expect(job).toMatchObject({ operation: 'UpdateItem', key: { PK: { S: 'JOB#j1' }, SK: { S: '#COUNTS' } } });
    expect(job.condition).toBeUndefined();
    expect(job.update.expression).toMatch(/^ADD /);
    expect(Object.values(job.update.expressionNames)).toEqual(['stageCount_APPLIED', 'stageCount_REJECTED']);
    expect(Object.values(job.update.expressionValues)).toEqual([{ N: -1 }, { N: 1 }]);
  });

  it('returns the application as the move wrote it', () => {
    const moved = Applications.moved(current, 'SCREEN', '2026-01-02T03:04:05.000Z', 'move-1');
    expect(moved).toMatchObject({ stage: 'SCREEN', version: 2, updatedAt: '2026-01-02T03:04:05.000Z', moveToken: 'move-1' });
    expect(moved.history).toEqual([...current.history, { stage: 'SCREEN', at: '2026-01-02T03:04:05.000Z' }]);
  });
});

describe('Applications.create', () => {
  const record = Applications.record({ id: 'a1', jobId: 'j1', companyId: 'co1', candidateId: 'c1', appliedAt: '2026-01-01T00:00:00.000Z' });

  it('checks that the job is OPEN without writing it, and counts the application in the job’s counts item', () => {
    const request = Applications.create(record) as any;
    expect(request.transactItems.map((item: { operation: string }) => item.operation)).toEqual(['PutItem', 'PutItem', 'ConditionCheck', 'UpdateItem', 'PutItem']);
    const openJob = request.transactItems[CREATE_APPLICATION_ITEMS.openJob];
    expect(openJob).toMatchObject({ key: { PK: { S: 'JOB#j1' }, SK: { S: '#META' } } });
    expect(Object.values(openJob.condition.expressionValues)).toEqual([{ S: 'OPEN' }]);
    const counts = request.transactItems[CREATE_APPLICATION_ITEMS.counts];
    expect(counts).toMatchObject({ key: { PK: { S: 'JOB#j1' }, SK: { S: '#COUNTS' } } });
    expect(counts.condition).toBeUndefined();
    expect(counts.update.expression).toMatch(/^ADD /);
    expect(Object.values(counts.update.expressionNames)).toEqual(['applicationCount', 'stageCount_APPLIED']);
    expect(Object.values(counts.update.expressionValues)).toEqual([{ N: 1 }, { N: 1 }]);
  });

  it('stores the job’s company on the application, and writes that the company knows the candidate (tenancy)', () => {
    expect(record.companyId).toBe('co1');
    const request = Applications.create(record) as any;
    const known = request.transactItems[CREATE_APPLICATION_ITEMS.knownCandidate];
    expect(known).toMatchObject({ operation: 'PutItem', key: { PK: { S: 'CANDIDATE#c1' }, SK: { S: 'COMPANY#co1' } } });
    expect(known.attributeValues).toMatchObject({ companyId: { S: 'co1' }, candidateId: { S: 'c1' } });
  });
});
