/**
 * The peer's resolvers: what a team writes by hand with Apollo Server and the Document Client
 * instead of AppSync-style resolvers. Same operations, same stored items, same rules (auth, input
 * limits, conditions, one transaction per multi-item write); errors carry `extensions.errorType`.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GraphQLError } from 'graphql';
import { candidateCompanyItem } from '../../src/data/candidates';
import {
  applicationIndexKeys,
  applicationKey,
  applicationStageSortKey,
  appliedKey,
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
  OPEN_JOB_INDEX_ATTRIBUTES,
  openJobIndexKeys,
  recruiterCompanyKey,
  recruiterKey,
  recruitersOfCompany,
  STAGE_RANK,
  userKey,
  userPrincipal,
} from '../../src/data/keys';
import { CURRENCIES } from '../../src/data/limits';
import { codePointLength, isBlank } from '../../src/data/text';
import { allow, isStaff, notAuthorized, signedIn, type Caller, type User } from './auth';
import type { Tenancy } from './tenancy';
import {
  applicationsByCandidate,
  applicationsByJob,
  candidateOfUserSub,
  companies,
  DEFAULT_LIMIT,
  getItem,
  jobsByCompany,
  notesByApplication,
  openJobs,
  queryPartition,
  type Item,
  type Loaders,
  type Store,
} from './data';

export interface PeerContext {
  caller: Caller;
  store: Store;
  loaders: Loaders;
  tenancy: Tenancy;
}

const ANYONE = { apiKey: true };
const STAFF = { groups: ['recruiters', 'admins'] };
const ADMINS = { groups: ['admins'] };
const CANDIDATES = { groups: ['candidates'] };

const fail = (message: string, errorType: string, errorInfo?: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: errorType, errorType, ...(errorInfo ? { errorInfo } : {}) } });

function maxLength(field: string, value: string | null | undefined, maximum: number): void {
  if (value == null || value.length <= maximum) return;
  const length = codePointLength(value);
  if (length > maximum) throw fail(`${field} must be at most ${maximum} characters`, 'ValidationError', { field, maximum, actual: length });
}
function required(field: string, value: string, maximum: number): string {
  const text = value.trim();
  maxLength(field, text, maximum);
  if (isBlank(text)) throw fail(`${field} must not be empty`, 'ValidationError', { field });
  return text;
}
function pageSize(limit: number | null | undefined): number {
  if (limit != null && (limit < 1 || limit > 100)) throw fail('limit must be between 1 and 100', 'ValidationError', { limit });
  return limit ?? DEFAULT_LIMIT;
}
const id = (field: string, value: string) => (maxLength(field, value, 128), value);
const email = (value: string) => {
  const text = value.trim();
  maxLength('email', text, 254);
  return text;
};

/** The token's email when the user pool verified it, else EmailNotVerified. */
function verifiedEmail(user: User): string {
  const address = user.email?.trim() ?? '';
  if (!address || !user.emailVerified) {
    throw fail('Your sign-in email must be verified before you create your profile', 'EmailNotVerified', { email: address || null });
  }
  return address;
}

/** The signed-in candidate's own profile, or ProfileNotFound. */
async function myCandidate(store: Store, user: User): Promise<Item> {
  const candidate = await candidateOfUserSub(store, user.sub);
  if (!candidate) throw fail('You have no candidate profile yet: create it with createMyProfile', 'ProfileNotFound', { mutation: 'createMyProfile' });
  return candidate;
}

/** True when transaction item `index` failed its condition. */
const failed = (error: unknown, index: number) => error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
const reason = (error: unknown, index: number) => (error instanceof TransactionCanceledException ? error.CancellationReasons?.[index] : undefined);

/** SET for each field given (null included: the attribute becomes NULL, as the API stores it). */
function setFields(fields: Record<string, unknown>, names: Record<string, string>, values: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => {
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      return `#${field} = :${field}`;
    });
}

const userGuard = (store: Store, sub: string, candidateId: string) => ({
  Put: {
    TableName: store.table,
    Item: { ...userKey(sub), __typename: 'CandidateUser', candidateId },
    ConditionExpression: 'attribute_not_exists(PK)',
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  },
});

/**
 * An update of a job's application counters (`stageCount_<STAGE>` per stage, `applicationCount` in
 * all) by `changes`, in the job's small counts item (JOB#<id> / #COUNTS), as a transaction item;
 * ADD creates the item and any counter that is absent.
 */
function countOnJob(store: Store, jobId: string, changes: Record<string, number>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const adds = Object.entries(changes).map(([attribute, by], i) => {
    names[`#count${i}`] = attribute;
    values[`:count${i}`] = by;
    return `#count${i} :count${i}`;
  });
  return {
    Update: {
      TableName: store.table,
      Key: jobCountsKey(jobId),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * A new application in APPLIED: the item, its guard (one per candidate and job), a check that the job
 * is still OPEN, its count, and the job's company knowing the candidate, in one transaction.
 */
async function writeApplication(store: Store, job: Item, candidateId: string): Promise<Item> {
  const appliedAt = new Date().toISOString();
  const jobId = job.id as string;
  const application = {
    id: randomUUID(),
    jobId,
    companyId: job.companyId as string,
    candidateId,
    stage: 'APPLIED',
    version: 1,
    appliedAt,
    updatedAt: appliedAt,
    history: [{ stage: 'APPLIED', at: appliedAt }],
  };
  try {
    await store.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: store.table,
              Item: { ...applicationKey(application.id), ...applicationIndexKeys(application, appliedAt), __typename: 'Application', ...application },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: store.table,
              Item: { ...appliedKey(jobId, candidateId), __typename: 'ApplicationGuard', applicationId: application.id },
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            ConditionCheck: {
              TableName: store.table,
              Key: jobKey(jobId),
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'OPEN' },
            },
          },
          countOnJob(store, jobId, { applicationCount: 1, stageCount_APPLIED: 1 }),
          { Put: { TableName: store.table, Item: { ...candidateCompanyKey(candidateId, job.companyId), ...candidateCompanyItem(candidateId, job.companyId) } } },
        ],
      }),
    );
  } catch (error) {
    if (failed(error, 1)) {
      throw fail('The candidate has already applied to this job', 'AlreadyApplied', { jobId, candidateId, applicationId: reason(error, 1)?.Item?.applicationId?.S ?? null });
    }
    if (failed(error, 2)) throw fail(`Job ${jobId} is not open for applications`, 'JobNotOpen', { jobId });
    throw error;
  }
  return application;
}

/** NotFound unless the company exists (a consistent read). */
async function requireCompany(store: Store, companyId: string): Promise<void> {
  if (!(await getItem(store, companyKey(companyId), true))) throw fail(`Company ${companyId} does not exist`, 'NotFound', { companyId });
}

/** The job to apply to: NotFound, or JobNotOpen unless OPEN. */
function requireOpen(job: Item | null, jobId: string): asserts job is Item {
  if (!job) throw fail(`Job ${jobId} does not exist`, 'NotFound', { jobId });
  if (job.status !== 'OPEN') throw fail(`Job ${jobId} is not open for applications`, 'JobNotOpen', { jobId, status: job.status });
}

/** Fields of Application for recruiters and admins only: a candidate reading their own applications gets Unauthorized. */
const staffOnly =
  (field: string) =>
  (application: Item, _: Args, { caller }: PeerContext) => (allow(caller, STAFF), application[field]);

const TRANSITIONS: Record<string, string[]> = {
  APPLIED: ['SCREEN', 'REJECTED', 'WITHDRAWN'],
  SCREEN: ['INTERVIEW', 'REJECTED', 'WITHDRAWN'],
  INTERVIEW: ['OFFER', 'REJECTED', 'WITHDRAWN'],
  OFFER: ['HIRED', 'REJECTED', 'WITHDRAWN'],
  HIRED: [],
  REJECTED: [],
  WITHDRAWN: [],
};
const stagesLeadingTo = (to: string) => Object.keys(TRANSITIONS).filter((from) => TRANSITIONS[from]!.includes(to));

const applicationChanged = (current: Item, expectedVersion: number) =>
  fail(`Application ${current.id} has changed since version ${expectedVersion}`, 'ConcurrentModification', { currentVersion: current.version, currentStage: current.stage });

/** The application, read consistently, or NotFound. */
async function requireApplication(store: Store, applicationId: string): Promise<Item> {
  const application = await getItem(store, applicationKey(applicationId), true);
  if (!application) throw fail(`Application ${applicationId} does not exist`, 'NotFound', { id: applicationId });
  return application;
}

/**
 * Moves an application read at `current` to `stage`, and between its job's stage counts, in one
 * transaction that holds while the application is still at that version and stage. Its `moveToken`
 * lets a resend after a lost response recognise its own committed move.
 */
async function changeStage(store: Store, current: Item, stage: string, expectedVersion: number): Promise<Item> {
  if (current.version !== expectedVersion) throw applicationChanged(current, expectedVersion);
  if (!TRANSITIONS[current.stage]!.includes(stage)) throw fail(`An application in ${current.stage} cannot move to ${stage}`, 'InvalidTransition', { from: current.stage, to: stage });
  const now = new Date().toISOString();
  const moveToken = randomUUID();
  const moved = {
    ...current,
    stage,
    version: current.version + 1,
    updatedAt: now,
    GSI1SK: applicationStageSortKey(stage, now, current.id),
    history: [...current.history, { stage, at: now }],
    moveToken,
  };
  try {
    await store.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: store.table,
              Key: applicationKey(current.id),
              UpdateExpression: 'SET #stage = :stage, #version = #version + :one, updatedAt = :now, GSI1SK = :sk, history = list_append(history, :change), moveToken = :token',
              ConditionExpression: '#version = :expected AND #stage = :from',
              ExpressionAttributeNames: { '#stage': 'stage', '#version': 'version' },
              ExpressionAttributeValues: {
                ':stage': stage,
                ':one': 1,
                ':now': now,
                ':sk': moved.GSI1SK,
                ':change': [{ stage, at: now }],
                ':token': moveToken,
                ':expected': current.version,
                ':from': current.stage,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          countOnJob(store, current.jobId, { [`stageCount_${current.stage}`]: -1, [`stageCount_${stage}`]: 1 }),
        ],
      }),
    );
  } catch (error) {
    if (failed(error, 0)) {
      const latestItem = reason(error, 0)?.Item;
      if (!latestItem) throw fail(`Application ${current.id} does not exist`, 'NotFound', { id: current.id });
      const latest = unmarshall(latestItem);
      if (latest.moveToken === moveToken && latest.version === expectedVersion + 1) return latest;
      throw applicationChanged(latest, expectedVersion);
    }
    throw error;
  }
  return moved;
}

/** A salary range checked as the API checks it, or null. */
function salaryRange(field: string, value: { min: number; max: number; currency: string } | null | undefined) {
  if (value == null) return null;
  for (const bound of ['min', 'max'] as const) {
    const amount = value[bound];
    if (amount < 0 || amount > SALARY_MAX) {
      throw fail(`${field}.${bound} must be between 0 and ${SALARY_MAX}`, 'ValidationError', { field: `${field}.${bound}`, minimum: 0, maximum: SALARY_MAX, actual: amount });
    }
  }
  if (value.min > value.max) throw fail(`${field}.min must not be above ${field}.max`, 'ValidationError', { field: `${field}.min`, maximum: value.max, actual: value.min });
  maxLength(`${field}.currency`, value.currency, 3);
  if (!CURRENCIES.includes(value.currency)) throw fail(`${field}.currency must be an ISO 4217 code`, 'ValidationError', { field: `${field}.currency`, actual: value.currency });
  return { min: value.min, max: value.max, currency: value.currency };
}
const SALARY_MAX = 1_000_000_000;

/** An optional text as given, or null; ValidationError past `maximum`. */
const optional = (field: string, value: string | null | undefined, maximum: number) => (maxLength(field, value, maximum), value ?? null);

/** An update's input checked: only the fields given, null clearing the optional ones. */
function jobChanges(input: Args): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined) {
    if (input.title === null) throw fail('title cannot be cleared', 'ValidationError', { field: 'title' });
    changes.title = required('title', input.title, 200);
  }
  if (input.description !== undefined) changes.description = optional('description', input.description, 10000);
  if (input.location !== undefined) changes.location = optional('location', input.location, 200);
  if (input.remote !== undefined) {
    if (input.remote === null) throw fail('remote cannot be cleared', 'ValidationError', { field: 'remote' });
    changes.remote = input.remote;
  }
  if (input.employmentType !== undefined) changes.employmentType = input.employmentType;
  if (input.salary !== undefined) changes.salary = salaryRange('salary', input.salary);
  return changes;
}

const jobChanged = (job: Item, expectedVersion: number) =>
  fail(`Job ${job.id} has changed since version ${expectedVersion}`, 'ConcurrentModification', { currentVersion: job.version, currentStatus: job.status });

/**
 * Writes `changes` (and a status `transition`) to a job if it is still at `expectedVersion`: one
 * consistent read for the checks, then an UpdateItem conditional on the version. The board's
 * index keys follow the status and location; application counts are left alone.
 */
async function saveJob(
  { store, tenancy }: PeerContext,
  jobId: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
  transition?: { from: string; to: string },
): Promise<Item> {
  const job = await getItem(store, jobKey(jobId), true);
  if (!job) throw fail(`Job ${jobId} does not exist`, 'NotFound', { jobId });
  await tenancy.assertMember(job.companyId);
  if (job.version !== expectedVersion) throw jobChanged(job, expectedVersion);
  if (transition && job.status !== transition.from) throw fail(`A ${job.status} job cannot become ${transition.to}`, 'InvalidTransition', { from: job.status, to: transition.to });
  if (!transition && job.status === 'CLOSED') throw fail(`Job ${job.id} is closed and cannot change`, 'JobClosed', { jobId: job.id, status: job.status });
  const status = transition ? transition.to : job.status;
  const location = (changes.location !== undefined ? changes.location : job.location) as string | null;
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':one': 1, ':now': new Date().toISOString(), ':expected': expectedVersion };
  const sets = ['#version = #version + :one', '#updatedAt = :now'];
  const removes: string[] = [];
  const boardKeys: Record<string, string> = status === 'OPEN' ? openJobIndexKeys({ id: job.id, companyId: job.companyId, createdAt: job.createdAt, location }) : {};
  const assignments: Record<string, unknown> = { ...changes, ...(status !== job.status ? { status } : {}), ...Object.fromEntries(OPEN_JOB_INDEX_ATTRIBUTES.map((name) => [name, boardKeys[name]])) };
  for (const [attribute, value] of Object.entries(assignments)) {
    names[`#${attribute}`] = attribute;
    if (value == null) removes.push(`#${attribute}`);
    else {
      values[`:${attribute}`] = value;
      sets.push(`#${attribute} = :${attribute}`);
    }
  }
  try {
    const { Attributes } = await store.doc.send(
      new UpdateCommand({
        TableName: store.table,
        Key: jobKey(jobId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return Attributes!;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (!error.Item) throw fail(`Job ${jobId} does not exist`, 'NotFound', { jobId });
    throw jobChanged(unmarshall(error.Item), expectedVersion);
  }
}

const isApiKey = (caller: Caller) => caller.mode === 'API_KEY';

/** A page of a company's jobs: every status for its recruiters and admins, OPEN ones for the job board and other companies' recruiters. */
async function companyJobs({ caller, store, tenancy }: PeerContext, companyId: string, args: Args) {
  const limit = pageSize(args.limit);
  const boardView = isApiKey(caller) || !(await tenancy.isMember(companyId));
  return boardView ? openJobs(store, { companyId }, limit, args.nextToken) : jobsByCompany(store, companyId, limit, args.nextToken);
}

/** The recruiter an admin names: exactly one of userId and email. */
function recruiterNamed(input: Args) {
  const companyId = id('companyId', input.companyId);
  const byUser = input.userId != null;
  if (byUser === (input.email != null)) throw fail('Name the recruiter by userId or by email: one of the two', 'ValidationError', { field: 'input.userId' });
  if (byUser) return { companyId, principal: userPrincipal(id('userId', input.userId)), userId: input.userId as string, email: null };
  const address = email(input.email);
  return { companyId, principal: emailPrincipal(address), userId: null, email: address };
}

type Args = Record<string, any>;

export const resolvers = {
  Query: {
    company: (_: unknown, args: Args, { caller, store }: PeerContext) => (allow(caller, ANYONE), getItem(store, companyKey(id('id', args.id)))),
    async job(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, ANYONE);
      const job = await getItem(store, jobKey(id('id', args.id)));
      // The job board, and recruiters of other companies, see only OPEN jobs.
      return job && job.status !== 'OPEN' && (isApiKey(caller) || !(await tenancy.isMember(job.companyId))) ? null : job;
    },
    jobsByCompany(_: unknown, args: Args, context: PeerContext) {
      allow(context.caller, ANYONE);
      return companyJobs(context, id('companyId', args.companyId), args);
    },
    openJobs(_: unknown, args: Args, { caller, store }: PeerContext) {
      allow(caller, ANYONE);
      const filter = args.filter ?? {};
      id('filter.companyId', filter.companyId);
      maxLength('filter.location', filter.location, 200);
      return openJobs(store, filter, pageSize(args.limit), args.nextToken);
    },
    companies: (_: unknown, args: Args, { caller, store }: PeerContext) => (allow(caller, ANYONE), companies(store, pageSize(args.limit), args.nextToken)),
    async candidate(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const candidate = await getItem(store, candidateKey(id('id', args.id)), true);
      if (candidate) await tenancy.assertKnows(candidate.id);
      return candidate;
    },
    async application(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const application = await getItem(store, applicationKey(id('id', args.id)));
      if (application) await tenancy.assertMember(application.companyId);
      return application;
    },
    async applicationsByJob(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const jobId = id('jobId', args.jobId);
      const limit = pageSize(args.limit);
      const job = await getItem(store, jobKey(jobId));
      if (job) await tenancy.assertMember(job.companyId);
      return applicationsByJob(store, jobId, args.stage, limit, args.nextToken);
    },
    async findCandidateByEmail(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const owner = await getItem(store, emailKey(email(args.email)), true);
      const candidate = owner ? await getItem(store, candidateKey(owner.candidateId), true) : null;
      if (candidate) await tenancy.assertKnows(candidate.id);
      return candidate;
    },
    me: (_: unknown, __: Args, { caller, store }: PeerContext) => (allow(caller, CANDIDATES), candidateOfUserSub(store, signedIn(caller).sub)),
  },

  Company: {
    jobs: (company: Item, args: Args, context: PeerContext) => companyJobs(context, company.id, args),
    recruiters(company: Item, args: Args, { caller, store }: PeerContext) {
      allow(caller, ADMINS);
      const { PK, prefix } = recruitersOfCompany(company.id);
      return queryPartition(store, PK, prefix, pageSize(args.limit), args.nextToken);
    },
  },
  Job: {
    async applicationCount(job: Item, _: Args, { caller, loaders, tenancy }: PeerContext) {
      allow(caller, STAFF);
      await tenancy.assertMember(job.companyId);
      return (await loaders.counts.load(job.id))?.applicationCount ?? 0;
    },
    async stageCounts(job: Item, _: Args, { caller, loaders, tenancy }: PeerContext) {
      allow(caller, STAFF);
      await tenancy.assertMember(job.companyId);
      const counts = await loaders.counts.load(job.id);
      return Object.keys(STAGE_RANK).map((stage) => ({ stage, count: counts?.[`stageCount_${stage}`] ?? 0 }));
    },
    async applications(job: Item, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const limit = pageSize(args.limit);
      await tenancy.assertMember(job.companyId);
      return applicationsByJob(store, job.id, args.stage, limit, args.nextToken);
    },
  },
  Candidate: {
    async applications(candidate: Item, args: Args, { caller, store, tenancy }: PeerContext) {
      // A candidate reads only their own; a recruiter those to their companies' jobs.
      if (!isStaff(caller) && (!candidate.userId || candidate.userId !== signedIn(caller).sub)) throw notAuthorized();
      const limit = pageSize(args.limit);
      const mine = await tenancy.companies();
      if (mine && mine.size === 0) return { items: [], nextToken: null };
      return applicationsByCandidate(store, candidate.id, limit, args.nextToken, mine ? [...mine] : undefined);
    },
  },
  Application: {
    candidateId: staffOnly('candidateId'),
    history: staffOnly('history'),
    notes: (application: Item, args: Args, { caller, store }: PeerContext) => (
      allow(caller, STAFF), notesByApplication(store, application.id, pageSize(args.limit), args.nextToken)
    ),
    job: (application: Item, _: Args, { loaders }: PeerContext) => loaders.job.load(application.jobId),
    candidate: (application: Item, _: Args, { caller, loaders }: PeerContext) => (allow(caller, STAFF), loaders.candidate.load(application.candidateId)),
  },

  Mutation: {
    async createCompany(_: unknown, { input }: Args, { caller, store }: PeerContext) {
      allow(caller, ADMINS);
      const name = required('name', input.name, 200);
      const website = input.website ?? null;
      maxLength('website', website, 2048);
      if (website && !/^https?:\/\//i.test(website)) throw fail('website must be an http or https URL', 'ValidationError', { field: 'website' });
      const company = { id: randomUUID(), name, website, createdAt: new Date().toISOString() };
      await store.doc.send(
        new PutCommand({ TableName: store.table, Item: { ...companyKey(company.id), ...companyIndexKeys(name, company.id), __typename: 'Company', ...company }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return company;
    },

    async createJob(_: unknown, { input }: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const companyId = id('companyId', input.companyId);
      const title = required('title', input.title, 200);
      maxLength('description', input.description, 10000);
      maxLength('location', input.location, 200);
      const salary = salaryRange('salary', input.salary);
      await requireCompany(store, companyId);
      await tenancy.assertMember(companyId);
      const now = new Date().toISOString();
      const job = {
        id: randomUUID(),
        companyId,
        title,
        description: input.description ?? null,
        location: input.location ?? null,
        remote: input.remote ?? false,
        employmentType: input.employmentType ?? null,
        salary,
        status: input.status ?? 'DRAFT',
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await store.doc.send(
        new PutCommand({
          TableName: store.table,
          Item: { ...jobKey(job.id), ...jobIndexKeys(companyId, now, job.id), ...(job.status === 'OPEN' ? openJobIndexKeys(job) : {}), __typename: 'Job', ...job },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return job;
    },

    async createCandidate(_: unknown, { input }: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const companyId: string | null = input.companyId ?? null;
      maxLength('input.companyId', companyId, 128);
      const name = required('name', input.name, 200);
      const email = input.email.trim();
      maxLength('email', email, 254);
      maxLength('phone', input.phone, 32);
      if (!companyId && (await tenancy.companies())) {
        throw fail('A recruiter registers a candidate for one of their companies: give input.companyId', 'ValidationError', { field: 'input.companyId' });
      }
      if (companyId) {
        await requireCompany(store, companyId);
        await tenancy.assertMember(companyId);
      }
      const candidate = { id: randomUUID(), name, email, phone: input.phone ?? null, createdAt: new Date().toISOString() };
      try {
        await store.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: store.table, Item: { ...candidateKey(candidate.id), __typename: 'Candidate', ...candidate }, ConditionExpression: 'attribute_not_exists(PK)' } },
              {
                Put: {
                  TableName: store.table,
                  Item: { ...emailKey(email), __typename: 'CandidateEmail', candidateId: candidate.id, email },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              ...(companyId ? [{ Put: { TableName: store.table, Item: { ...candidateCompanyKey(candidate.id, companyId), ...candidateCompanyItem(candidate.id, companyId) } } }] : []),
            ],
          }),
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException && error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') {
          throw fail('A candidate with this email already exists', 'Conflict', { email });
        }
        throw error;
      }
      return candidate;
    },

    async applyToJob(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const jobId = id('jobId', args.jobId);
      const candidateId = id('candidateId', args.candidateId);
      const [job, candidate] = await Promise.all([getItem(store, jobKey(jobId), true), getItem(store, candidateKey(candidateId), true)]);
      requireOpen(job, jobId);
      await tenancy.assertMember(job.companyId);
      if (!candidate) throw fail(`Candidate ${candidateId} does not exist`, 'NotFound', { candidateId });
      await tenancy.assertKnows(candidateId);
      return writeApplication(store, job, candidateId);
    },

    async moveApplication(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const { stage, expectedVersion } = args;
      const applicationId = id('id', args.id);
      if (stagesLeadingTo(stage).length === 0) throw fail(`No application can move to ${stage}`, 'InvalidTransition', { to: stage });
      const application = await requireApplication(store, applicationId);
      await tenancy.assertMember(application.companyId);
      return changeStage(store, application, stage, expectedVersion);
    },

    async withdrawApplication(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, { groups: ['recruiters', 'admins', 'candidates'] });
      const applicationId = id('id', args.id);
      const application = await requireApplication(store, applicationId);
      await tenancy.assertMember(application.companyId);
      if (!isStaff(caller)) {
        // A candidate withdraws only their own application.
        const owner = await getItem(store, candidateKey(application.candidateId), true);
        if (!owner?.userId || owner.userId !== signedIn(caller).sub) throw fail('Only the candidate who applied may withdraw this application', 'Unauthorized', { id: applicationId });
      }
      return changeStage(store, application, 'WITHDRAWN', args.expectedVersion);
    },

    updateJob(_: unknown, args: Args, context: PeerContext) {
      allow(context.caller, STAFF);
      const jobId = id('id', args.id);
      return saveJob(context, jobId, args.expectedVersion, jobChanges(args.input));
    },
    publishJob: (_: unknown, args: Args, context: PeerContext) => (allow(context.caller, STAFF), saveJob(context, id('id', args.id), args.expectedVersion, {}, { from: 'DRAFT', to: 'OPEN' })),
    closeJob: (_: unknown, args: Args, context: PeerContext) => (allow(context.caller, STAFF), saveJob(context, id('id', args.id), args.expectedVersion, {}, { from: 'OPEN', to: 'CLOSED' })),

    async addNote(_: unknown, args: Args, { caller, store, tenancy }: PeerContext) {
      allow(caller, STAFF);
      const applicationId = id('applicationId', args.applicationId);
      const body = required('body', args.body, 5000);
      const user = signedIn(caller);
      // A missing application fails the transaction's check below (NotFound).
      const application = await getItem(store, applicationKey(applicationId));
      if (application) await tenancy.assertMember(application.companyId);
      const note = { id: randomUUID(), applicationId, body, author: { id: user.sub, username: user.username, email: user.email }, createdAt: new Date().toISOString() };
      try {
        await store.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: store.table, Item: { ...noteKey(applicationId, note.createdAt, note.id), __typename: 'Note', ...note }, ConditionExpression: 'attribute_not_exists(PK)' } },
              { ConditionCheck: { TableName: store.table, Key: applicationKey(applicationId), ConditionExpression: 'attribute_exists(PK)' } },
            ],
          }),
        );
      } catch (error) {
        if (failed(error, 1)) throw fail(`Application ${applicationId} does not exist`, 'NotFound', { applicationId });
        throw error;
      }
      return note;
    },

    async createMyProfile(_: unknown, { input }: Args, { caller, store }: PeerContext) {
      allow(caller, CANDIDATES);
      const name = required('name', input.name, 200);
      maxLength('phone', input.phone, 32);
      const phone: string | null = input.phone ?? null;
      const user = signedIn(caller);
      const address = email(verifiedEmail(user));
      const owner = await getItem(store, emailKey(address), true);
      const existing = owner ? await getItem(store, candidateKey(owner.candidateId), true) : null;
      let transaction: TransactWriteCommandInput;
      let candidate: Item;
      if (!existing) {
        // A new candidate linked to the user: the candidate, its email guard and the user's guard.
        candidate = { id: randomUUID(), name, email: address, phone, createdAt: new Date().toISOString(), userId: user.sub };
        transaction = {
          TransactItems: [
            {
              Put: {
                TableName: store.table,
                Item: { ...candidateKey(candidate.id), ...candidateUserKeys(user.sub, candidate.id), __typename: 'Candidate', ...candidate },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: store.table, Item: { ...emailKey(address), __typename: 'CandidateEmail', candidateId: candidate.id, email: address }, ConditionExpression: 'attribute_not_exists(PK)' } },
            userGuard(store, user.sub, candidate.id),
          ],
        };
      } else {
        if (existing.userId === user.sub) throw fail('You have a profile already', 'AlreadyLinked', { candidateId: existing.id });
        if (existing.userId) throw fail('A candidate with this email belongs to another user', 'Conflict', { email: address });
        // The candidate a recruiter registered with this email, still unlinked and still holding it; a phone left out keeps theirs.
        const changes = phone === null ? { name } : { name, phone };
        candidate = { ...existing, ...changes, userId: user.sub };
        const names: Record<string, string> = {};
        const values: Record<string, unknown> = { ':email': existing.email };
        const sets = setFields({ ...changes, userId: user.sub, ...candidateUserKeys(user.sub, existing.id) }, names, values);
        transaction = {
          TransactItems: [
            {
              Update: {
                TableName: store.table,
                Key: candidateKey(existing.id),
                UpdateExpression: `SET ${sets.join(', ')}`,
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#userId) AND email = :email',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            userGuard(store, user.sub, existing.id),
          ],
        };
      }
      // Positions in the transaction: the candidate first; the user's guard last.
      const userItem = existing ? 1 : 2;
      try {
        await store.doc.send(new TransactWriteCommand(transaction));
      } catch (error) {
        if (failed(error, userItem)) throw fail('You have a profile already', 'AlreadyLinked', { candidateId: reason(error, userItem)?.Item?.candidateId?.S ?? null });
        // Linking: the candidate was linked or changed its email meanwhile; creating: the email was registered meanwhile.
        if (failed(error, existing ? 0 : 1)) throw fail('A candidate with this email changed meanwhile; try again', 'Conflict', { email: address, retryable: true });
        throw error;
      }
      return candidate;
    },

    async updateMyProfile(_: unknown, { input }: Args, { caller, store }: PeerContext) {
      allow(caller, CANDIDATES);
      const changes: Record<string, string | null> = {};
      if (input.name != null) changes.name = required('name', input.name, 200);
      if (input.email != null) changes.email = email(input.email);
      if (input.phone !== undefined) {
        maxLength('phone', input.phone, 32);
        changes.phone = input.phone ?? null;
      }
      const user = signedIn(caller);
      const candidate = await myCandidate(store, user);
      const { email: newEmail, ...rest } = changes;
      if (newEmail != null && newEmail !== candidate.email) {
        // The profile and its email guards in one transaction: the old guard goes, the new one must be free.
        const names: Record<string, string> = {};
        const values: Record<string, unknown> = { ':sub': user.sub, ':old': candidate.email };
        const sets = setFields({ ...rest, email: newEmail }, names, values);
        const sameGuard = candidate.email.toLowerCase() === newEmail.toLowerCase();
        const mine = { ConditionExpression: 'candidateId = :id', ExpressionAttributeValues: { ':id': candidate.id } };
        try {
          await store.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: store.table,
                    Key: candidateKey(candidate.id),
                    UpdateExpression: `SET ${sets.join(', ')}`,
                    ConditionExpression: 'userId = :sub AND #email = :old',
                    ExpressionAttributeNames: names,
                    ExpressionAttributeValues: values,
                  },
                },
                ...(sameGuard
                  ? [{ Update: { TableName: store.table, Key: emailKey(newEmail), UpdateExpression: 'SET email = :email', ...mine, ExpressionAttributeValues: { ':id': candidate.id, ':email': newEmail } } }]
                  : [
                      { Delete: { TableName: store.table, Key: emailKey(candidate.email), ...mine } },
                      {
                        Put: {
                          TableName: store.table,
                          Item: { ...emailKey(newEmail), __typename: 'CandidateEmail', candidateId: candidate.id, email: newEmail },
                          ConditionExpression: 'attribute_not_exists(PK)',
                        },
                      },
                    ]),
              ],
            }),
          );
        } catch (error) {
          if (failed(error, 2)) throw fail('A candidate with this email already exists', 'Conflict', { email: newEmail });
          if (failed(error, 0) || failed(error, 1)) throw fail('Your profile changed meanwhile; read it again and retry', 'ConcurrentModification', { candidateId: candidate.id });
          throw error;
        }
        return { ...candidate, ...rest, email: newEmail };
      }
      if (Object.keys(rest).length === 0) return candidate;
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':sub': user.sub };
      const sets = setFields(rest, names, values);
      try {
        const { Attributes } = await store.doc.send(
          new UpdateCommand({
            TableName: store.table,
            Key: candidateKey(candidate.id),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'userId = :sub',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw fail('Your profile changed meanwhile; read it again and retry', 'ConcurrentModification', { candidateId: candidate.id });
        throw error;
      }
    },

    async applyAsMe(_: unknown, args: Args, { caller, store }: PeerContext) {
      allow(caller, CANDIDATES);
      const jobId = id('jobId', args.jobId);
      const user = signedIn(caller);
      const [candidate, job] = await Promise.all([candidateOfUserSub(store, user.sub), getItem(store, jobKey(jobId), true)]);
      if (!candidate) throw fail('You have no candidate profile yet: create it with createMyProfile', 'ProfileNotFound', { mutation: 'createMyProfile' });
      requireOpen(job, jobId);
      return writeApplication(store, job, candidate.id);
    },

    async addCompanyRecruiter(_: unknown, { input }: Args, { caller, store }: PeerContext) {
      allow(caller, ADMINS);
      const named = recruiterNamed(input);
      await requireCompany(store, named.companyId);
      const membership = { ...named, addedAt: new Date().toISOString(), addedBy: signedIn(caller).sub };
      try {
        await store.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: store.table,
                  Item: { ...recruiterKey(named.companyId, named.principal), __typename: 'CompanyRecruiter', ...membership },
                  ConditionExpression: 'attribute_not_exists(PK)',
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              },
              { Put: { TableName: store.table, Item: { ...recruiterCompanyKey(named.principal, named.companyId), __typename: 'RecruiterCompany', companyId: named.companyId, principal: named.principal } } },
            ],
          }),
        );
      } catch (error) {
        // Added already: the membership as it is.
        const existing = failed(error, 0) ? reason(error, 0)?.Item : undefined;
        if (existing) return unmarshall(existing);
        throw error;
      }
      return membership;
    },

    async removeCompanyRecruiter(_: unknown, { input }: Args, { caller, store }: PeerContext) {
      allow(caller, ADMINS);
      const named = recruiterNamed(input);
      const missing = () => fail('This user or email is no recruiter of the company', 'NotFound', { companyId: named.companyId, userId: named.userId, email: named.email });
      const membership = await getItem(store, recruiterKey(named.companyId, named.principal), true);
      if (!membership) throw missing();
      try {
        await store.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Delete: { TableName: store.table, Key: recruiterKey(named.companyId, named.principal), ConditionExpression: 'attribute_exists(PK)' } },
              { Delete: { TableName: store.table, Key: recruiterCompanyKey(named.principal, named.companyId) } },
            ],
          }),
        );
      } catch (error) {
        if (failed(error, 0)) throw fail('This user or email is no recruiter of the company', 'NotFound', { companyId: named.companyId });
        throw error;
      }
      return membership;
    },
  },
};
