/** Applications: the stored record, the stage transition table and pure request builders. */
import { util } from '@aws-appsync/utils';
import { operations, query, transactWrite } from '@aws-appsync/utils/dynamodb';
import { candidateCompanyItem } from './candidates';
import { applicationIndexKeys, applicationKey, applicationsOfCandidate, applicationsOfJob, applicationStageSortKey, appliedKey, candidateCompanyKey, GSI1, GSI2, jobCountsKey, jobKey, TABLE } from './keys';
import { stageCountAttribute } from './jobs';
import { page } from './pages';

export type Stage = 'APPLIED' | 'SCREEN' | 'INTERVIEW' | 'OFFER' | 'HIRED' | 'REJECTED' | 'WITHDRAWN';

/** One entry of an application's history: the stage it entered, and when. */
export interface StageChange {
  stage: Stage;
  at: string;
}

export interface ApplicationRecord {
  PK: string;
  SK: string;
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  __typename: 'Application';
  id: string;
  jobId: string;
  /** The job's company (a job never changes company): what tenancy checks and subscription filters read. */
  companyId: string;
  candidateId: string;
  stage: Stage;
  /** Starts at 1; every move adds 1 (optimistic concurrency). */
  version: number;
  appliedAt: string;
  updatedAt: string;
  history: StageChange[];
  /** The token of the move that wrote this version (see {@link Applications.move}); absent before the first move. */
  moveToken?: string;
}

/**
 * The stages an application may move to from each stage. An application leaves the pipeline as
 * HIRED, REJECTED or WITHDRAWN, and nothing moves it back.
 */
export const TRANSITIONS: Readonly<Record<Stage, readonly Stage[]>> = {
  APPLIED: ['SCREEN', 'REJECTED', 'WITHDRAWN'],
  SCREEN: ['INTERVIEW', 'REJECTED', 'WITHDRAWN'],
  INTERVIEW: ['OFFER', 'REJECTED', 'WITHDRAWN'],
  OFFER: ['HIRED', 'REJECTED', 'WITHDRAWN'],
  HIRED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** The stages from which an application may move to `to`. */
export function stagesLeadingTo(to: Stage): Stage[] {
  return (Object.keys(TRANSITIONS) as Stage[]).filter((from) => TRANSITIONS[from].includes(to));
}

/** Positions of the items in {@link Applications.create}'s transaction, to read its cancellation reasons. */
export const CREATE_APPLICATION_ITEMS = { application: 0, guard: 1, openJob: 2, counts: 3, knownCandidate: 4 } as const;
/** Positions of the items in {@link Applications.move}'s transaction. */
export const MOVE_APPLICATION_ITEMS = { application: 0, counts: 1 } as const;

/**
 * A transaction item that changes a job's application counters, in its counts item (JOB#<id> /
 * #COUNTS, see keys.ts), by `changes` (stage → +1/-1; the total under `applicationCount`). ADD
 * creates the item and any counter that is absent, so a job needs no counts item until its first
 * application, and no counter per stage until an application enters it. The item is small, so the
 * write is billed at one unit (two in a transaction) whatever the size of the job's description.
 */
function countOnJob(jobId: string, changes: Record<string, number>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const adds = Object.keys(changes).map((attribute, i) => {
    names[`#count${i}`] = attribute;
    values[`:count${i}`] = changes[attribute];
    return `#count${i} :count${i}`;
  });
  return {
    table: TABLE,
    operation: 'UpdateItem' as const,
    key: util.dynamodb.toMapValues(jobCountsKey(jobId)),
    update: { expression: `ADD ${adds.join(', ')}`, expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) },
  };
}

export const Applications = {
  get(id: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(applicationKey(id)) };
  },

  /** A new application in APPLIED, version 1. */
  record(application: { id: string; jobId: string; companyId: string; candidateId: string; appliedAt: string }): ApplicationRecord {
    return {
      ...application,
      ...applicationKey(application.id),
      ...applicationIndexKeys({ ...application, stage: 'APPLIED' }, application.appliedAt),
      __typename: 'Application',
      stage: 'APPLIED',
      version: 1,
      updatedAt: application.appliedAt,
      history: [{ stage: 'APPLIED', at: application.appliedAt }],
    };
  },

  /**
   * Writes the application and the guard that allows one per candidate and job, and counts it in the
   * job's counts item, in one transaction that holds only while the job is still OPEN (it may have
   * closed since the pipeline loaded it): a condition check on the job item, which writes nothing.
   * The job's company then knows the candidate (keys.ts): an item in the candidate's partition.
   */
  create(record: ApplicationRecord) {
    const absent = { PK: { attributeExists: false } };
    const { PK: _pk, SK: _sk, ...item } = record;
    const writes = transactWrite({
      items: [
        { putItem: { table: TABLE, key: applicationKey(record.id), item, condition: absent } },
        {
          putItem: {
            table: TABLE,
            key: appliedKey(record.jobId, record.candidateId),
            item: { __typename: 'ApplicationGuard', applicationId: record.id },
            condition: absent,
          },
        },
        { conditionCheck: { table: TABLE, key: jobKey(record.jobId), condition: { status: { eq: 'OPEN' } } } },
      ],
    });
    const counted = countOnJob(record.jobId, { applicationCount: 1, [stageCountAttribute('APPLIED')]: 1 });
    const known = transactWrite({
      items: [{ putItem: { table: TABLE, key: candidateCompanyKey(record.candidateId, record.companyId), item: candidateCompanyItem(record.candidateId, record.companyId) } }],
    });
    return { ...writes, transactItems: [...writes.transactItems, counted, ...known.transactItems] };
  },

  /** The application after {@link Applications.move} wrote it. */
  moved(current: ApplicationRecord, to: Stage, now: string, moveToken: string): ApplicationRecord {
    return {
      ...current,
      stage: to,
      version: current.version + 1,
      updatedAt: now,
      GSI1SK: applicationStageSortKey(to, now, current.id),
      history: [...current.history, { stage: to, at: now }],
      moveToken,
    };
  },

  /**
   * Moves an application, read at `current`, to `to`, and moves it between its job's stage counts (in
   * the job's counts item), in one transaction that holds only while the application is still at that
   * version (and so in that stage). The counts item has no condition: ADD on an absent one still adds
   * up once counters kept on the job item are added to it (scripts/migrate-job-counts.ts). On a failed condition the cancellation reason carries the application as it is now.
   * `moveToken`, new for each move, is written with it: when the move committed but its response was
   * lost and a resend failed the condition, the current item carries this move's token, so the move
   * is recognised as done rather than reported as someone else's change.
   */
  move(current: ApplicationRecord, to: Stage, now: string, moveToken: string) {
    const writes = transactWrite({
      items: [
        {
          updateItem: {
            table: TABLE,
            key: applicationKey(current.id),
            update: {
              stage: to,
              version: operations.increment(1),
              updatedAt: now,
              GSI1SK: applicationStageSortKey(to, now, current.id),
              history: operations.append([{ stage: to, at: now }]),
              moveToken,
            },
            condition: { version: { eq: current.version }, stage: { eq: current.stage } },
          },
        },
      ],
    });
    const counted = countOnJob(current.jobId, { [stageCountAttribute(current.stage)]: -1, [stageCountAttribute(to)]: 1 });
    return { ...writes, transactItems: [...writes.transactItems, counted] };
  },

  /** A page of a job's applications, in one stage or all, longest in their stage first. */
  byJob(jobId: string, stage?: Stage | null, limit?: number | null, nextToken?: string | null) {
    const { GSI1PK, prefix } = applicationsOfJob(jobId, stage);
    return query({
      index: GSI1,
      query: { GSI1PK: { eq: GSI1PK }, GSI1SK: { beginsWith: prefix } },
      scanIndexForward: true,
      ...page(limit, nextToken),
    });
  },

  /**
   * A page of a candidate's applications, newest first; with `companyIds`, only those to these
   * companies' jobs (a filter: the page may hold fewer items, never others).
   */
  byCandidate(candidateId: string, limit?: number | null, nextToken?: string | null, companyIds?: string[] | null) {
    const { GSI2PK, prefix } = applicationsOfCandidate(candidateId);
    return query({
      index: GSI2,
      query: { GSI2PK: { eq: GSI2PK }, GSI2SK: { beginsWith: prefix } },
      ...(companyIds ? { filter: { companyId: { in: companyIds } } } : {}),
      scanIndexForward: false,
      ...page(limit, nextToken),
    });
  },
};
