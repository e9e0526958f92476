/** Jobs: the stored record, its lifecycle and pure request builders. */
import { util } from '@aws-appsync/utils';
import { GSI1, jobCountsKey, jobIndexKeys, jobKey, jobsOfCompany, locationKey, OPEN_JOB_INDEX_ATTRIBUTES, openJobIndexKeys, openJobs, openJobsAt, openJobsOfCompany, STAGE_RANK } from './keys';
import { assertId, LIMITS, optionalText, requiredText, salaryRange, type Salary } from './limits';
import { page } from './pages';

export type JobStatus = 'DRAFT' | 'OPEN' | 'CLOSED';
export type EmploymentType = 'FULL_TIME' | 'PART_TIME' | 'CONTRACT' | 'INTERNSHIP' | 'TEMPORARY';

export interface JobRecord {
  PK: string;
  SK: string;
  GSI1PK: string;
  GSI1SK: string;
  __typename: 'Job';
  id: string;
  companyId: string;
  title: string;
  description?: string | null;
  location?: string | null;
  remote: boolean;
  employmentType?: EmploymentType | null;
  salary?: Salary | null;
  status: JobStatus;
  /** Starts at 1; every change of the job's details or status adds 1 (optimistic concurrency). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A job's counts item (JOB#<id> / #COUNTS): changed with `ADD` in every application's, move's and
 * withdrawal's transaction. Absent until the job's first application; an absent item or counter means 0.
 */
export interface JobCountsRecord {
  PK: string;
  SK: string;
  /** Applications in any stage. */
  applicationCount?: number;
  /** Applications per stage, `stageCount_<STAGE>`. */
  [stageCount: `stageCount_${string}`]: number | undefined;
}

/** The attribute that counts a job's applications in `stage`. */
export const stageCountAttribute = (stage: string) => `stageCount_${stage}` as const;

/** Every stage with its count, in pipeline order, from a job's counts item (null when absent): what a pipeline board's header shows. */
export function stageCounts(counts: JobCountsRecord | null): Array<{ stage: string; count: number }> {
  return Object.keys(STAGE_RANK).map((stage) => ({ stage, count: (counts ? counts[stageCountAttribute(stage)] : undefined) ?? 0 }));
}

/** A job's application count from its counts item (null when absent). */
export function applicationCount(counts: JobCountsRecord | null): number {
  return (counts ? counts.applicationCount : undefined) ?? 0;
}

/** A job to post, as {@link jobInput} returns it. */
export interface JobInput {
  companyId: string;
  title: string;
  description: string | null;
  location: string | null;
  remote: boolean;
  employmentType: EmploymentType | null;
  salary: Salary | null;
  status: JobStatus;
}

/** A job to post, checked against the schema's limits: the title trimmed, the rest as given; status DRAFT unless given. */
export function jobInput(input: {
  companyId: string;
  title: string;
  description?: string | null;
  location?: string | null;
  remote?: boolean | null;
  employmentType?: EmploymentType | null;
  salary?: Salary | null;
  status?: JobStatus | null;
}): JobInput {
  assertId('companyId', input.companyId);
  return {
    companyId: input.companyId,
    title: requiredText('title', input.title, LIMITS.jobTitle),
    description: optionalText('description', input.description, LIMITS.jobDescription),
    location: optionalText('location', input.location, LIMITS.jobLocation),
    remote: input.remote ?? false,
    employmentType: input.employmentType ?? null,
    salary: salaryRange('salary', input.salary),
    status: input.status ?? 'DRAFT',
  };
}

/** The details a job update may change; a key left out is unchanged, null clears it. */
export type JobChanges = Partial<Pick<JobRecord, 'title' | 'description' | 'location' | 'remote' | 'employmentType' | 'salary'>>;

/** An update's input checked against the schema's limits; only the fields given are in the result. */
export function jobChanges(input: {
  title?: string | null;
  description?: string | null;
  location?: string | null;
  remote?: boolean | null;
  employmentType?: EmploymentType | null;
  salary?: Salary | null;
}): JobChanges {
  const changes: JobChanges = {};
  if (input.title !== undefined) {
    if (input.title === null) util.error('title cannot be cleared', 'ValidationError', null, { field: 'title' });
    changes.title = requiredText('title', input.title, LIMITS.jobTitle);
  }
  if (input.description !== undefined) changes.description = optionalText('description', input.description, LIMITS.jobDescription);
  if (input.location !== undefined) changes.location = optionalText('location', input.location, LIMITS.jobLocation);
  if (input.remote !== undefined) {
    if (input.remote === null) util.error('remote cannot be cleared', 'ValidationError', null, { field: 'remote' });
    changes.remote = input.remote;
  }
  if (input.employmentType !== undefined) changes.employmentType = input.employmentType;
  if (input.salary !== undefined) changes.salary = salaryRange('salary', input.salary);
  return changes;
}

/** The status each lifecycle mutation moves a job to, and the one status it moves it from. */
export const JOB_TRANSITIONS = { publish: { from: 'DRAFT', to: 'OPEN' }, close: { from: 'OPEN', to: 'CLOSED' } } as const;

/**
 * What the requireJob → saveJob pipeline reads from the stash: the job (its id checked), the version
 * the change was made against, the fields to change, and the status transition when there is one.
 */
export function jobChangeStash(
  jobId: string,
  expectedVersion: number,
  changes: JobChanges,
  transition?: (typeof JOB_TRANSITIONS)[keyof typeof JOB_TRANSITIONS],
): Record<string, unknown> {
  assertId('id', jobId);
  return { jobId, expectedVersion, changes, ...(transition ? { transition } : {}) };
}

/** The filter of the public job board, as the schema's OpenJobsFilter. */
export interface OpenJobsFilter {
  companyId?: string | null;
  location?: string | null;
  remote?: boolean | null;
  employmentType?: EmploymentType | null;
}

/** The sparse index a board query reads: by company, else by location, else every open job. */
function boardList(filter: OpenJobsFilter) {
  if (filter.companyId) return openJobsOfCompany(filter.companyId);
  if (filter.location) return openJobsAt(filter.location);
  return openJobs();
}

export const Jobs = {
  get(id: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(jobKey(id)) };
  },

  /** The job's counts item; null when the job has had no application yet. */
  counts(id: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(jobCountsKey(id)) };
  },

  create(job: Pick<JobRecord, 'id' | 'createdAt' | 'updatedAt'> & JobInput) {
    return {
      operation: 'PutItem' as const,
      key: util.dynamodb.toMapValues(jobKey(job.id)),
      attributeValues: util.dynamodb.toMapValues({
        ...job,
        ...jobIndexKeys(job.companyId, job.createdAt, job.id),
        ...(job.status === 'OPEN' ? openJobIndexKeys(job) : {}),
        __typename: 'Job',
        version: 1,
      }),
      condition: { expression: 'attribute_not_exists(PK)' },
    };
  },

  /**
   * Writes `changes` (and `status`, when given) to a job read at `job.version`, if it is still at that
   * version: the board index keys follow the new status and location. Application counts live in
   * their own item, so applications arriving meanwhile neither conflict with the change nor are lost. On a
   * failed condition the data source returns the job as it is now.
   */
  save(job: JobRecord, changes: JobChanges, status: JobStatus, now: string) {
    const next = { ...job, ...changes, status };
    const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
    const values: Record<string, unknown> = { ':one': 1, ':now': now };
    const sets = ['#version = #version + :one', '#updatedAt = :now'];
    const removes: string[] = [];
    const assign = (attribute: string, value: unknown) => {
      const name = `#${attribute}`;
      names[name] = attribute;
      if (value === null || value === undefined) removes.push(name);
      else {
        values[`:${attribute}`] = value;
        sets.push(`${name} = :${attribute}`);
      }
    };
    for (const attribute of Object.keys(changes)) assign(attribute, (changes as Record<string, unknown>)[attribute]);
    if (status !== job.status) assign('status', status);
    const boardKeys: Record<string, string> = status === 'OPEN' ? openJobIndexKeys(next) : {};
    for (const attribute of OPEN_JOB_INDEX_ATTRIBUTES) assign(attribute, boardKeys[attribute]);
    return {
      operation: 'UpdateItem' as const,
      key: util.dynamodb.toMapValues(jobKey(job.id)),
      update: {
        expression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        expressionNames: names,
        expressionValues: util.dynamodb.toMapValues(values),
      },
      condition: { expression: '#version = :expected', expressionNames: { '#version': 'version' }, expressionValues: util.dynamodb.toMapValues({ ':expected': job.version }) },
    };
  },

  /** A page of a company's jobs, newest first: every status, or only OPEN ones (the job board's view). */
  byCompany(companyId: string, limit?: number | null, nextToken?: string | null, openOnly = false) {
    if (openOnly) return Jobs.board({ companyId }, limit, nextToken);
    const { GSI1PK, prefix } = jobsOfCompany(companyId);
    return {
      operation: 'Query' as const,
      index: GSI1,
      query: {
        expression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        expressionValues: util.dynamodb.toMapValues({ ':pk': GSI1PK, ':prefix': prefix }),
      },
      scanIndexForward: false,
      ...page(limit, nextToken),
    };
  },

  /**
   * A page of the job board: OPEN jobs, newest first. companyId, else location, picks the sparse
   * index partition the Query reads; the other filter fields are a FilterExpression on that partition.
   */
  board(filter: OpenJobsFilter, limit?: number | null, nextToken?: string | null) {
    const { index, partition } = boardList(filter);
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (filter.companyId && filter.location) {
      conditions.push('#locationKey = :location');
      names['#locationKey'] = 'GSI5PK';
      values[':location'] = `OPEN#LOCATION#${locationKey(filter.location)}`;
    }
    if (filter.remote !== undefined && filter.remote !== null) {
      conditions.push('#remote = :remote');
      names['#remote'] = 'remote';
      values[':remote'] = filter.remote;
    }
    if (filter.employmentType) {
      conditions.push('#employmentType = :employmentType');
      names['#employmentType'] = 'employmentType';
      values[':employmentType'] = filter.employmentType;
    }
    return {
      operation: 'Query' as const,
      index,
      query: { expression: '#pk = :pk', expressionNames: { '#pk': partition.name }, expressionValues: util.dynamodb.toMapValues({ ':pk': partition.value }) },
      ...(conditions.length
        ? { filter: { expression: conditions.join(' AND '), expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) } }
        : {}),
      scanIndexForward: false,
      ...page(limit, nextToken),
    };
  },
};
