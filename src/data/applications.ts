/** Applications: the stored record, the stage transition table and pure request builders. */
import { util } from '@aws-appsync/utils';
import { operations, query, transactWrite, update } from '@aws-appsync/utils/dynamodb';
import { applicationIndexKeys, applicationKey, applicationsOfCandidate, applicationsOfJob, applicationStageSortKey, appliedKey, GSI1, GSI2, jobKey, TABLE } from './keys';
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
export const CREATE_APPLICATION_ITEMS = { application: 0, guard: 1, openJob: 2 } as const;

export const Applications = {
  get(id: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(applicationKey(id)) };
  },

  /** A new application in APPLIED, version 1. */
  record(application: { id: string; jobId: string; candidateId: string; appliedAt: string }): ApplicationRecord {
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
   * Writes the application, the guard that allows one per candidate and job, and checks in the same
   * transaction that the job is still OPEN (it may have closed since the pipeline loaded it).
   */
  create(record: ApplicationRecord) {
    const absent = { PK: { attributeExists: false } };
    const { PK: _pk, SK: _sk, ...item } = record;
    return transactWrite({
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
  },

  /**
   * Moves an application to `to` if it is still at `expectedVersion` and its stage may lead to `to`;
   * on a failed condition the data source returns the current item beside the error. `moveToken`,
   * new for each move, is written with it: when the move committed but its response was lost and
   * the retry failed the condition, the current item carries this move's token, so the move is
   * recognised as done rather than reported as someone else's change.
   */
  move(id: string, to: Stage, expectedVersion: number, now: string, moveToken: string) {
    return update({
      key: applicationKey(id),
      update: {
        stage: to,
        version: operations.increment(1),
        updatedAt: now,
        GSI1SK: applicationStageSortKey(to, now, id),
        history: operations.append([{ stage: to, at: now }]),
        moveToken,
      },
      condition: { version: { eq: expectedVersion }, stage: { in: stagesLeadingTo(to) } },
    });
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

  /** A page of a candidate's applications, newest first. */
  byCandidate(candidateId: string, limit?: number | null, nextToken?: string | null) {
    const { GSI2PK, prefix } = applicationsOfCandidate(candidateId);
    return query({
      index: GSI2,
      query: { GSI2PK: { eq: GSI2PK }, GSI2SK: { beginsWith: prefix } },
      scanIndexForward: false,
      ...page(limit, nextToken),
    });
  },
};
