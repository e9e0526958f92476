/**
 * The peer's resolvers: what a team writes by hand with Apollo Server and the Document Client
 * instead of AppSync-style resolvers. Same operations, same stored items, same rules (auth, input
 * limits, conditions, one transaction per multi-item write); errors carry `extensions.errorType`.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GraphQLError } from 'graphql';
import {
  applicationIndexKeys,
  applicationKey,
  applicationStageSortKey,
  appliedKey,
  candidateKey,
  companyKey,
  emailKey,
  jobIndexKeys,
  jobKey,
} from '../../src/data/keys';
import { allow, type Caller } from './auth';
import { applicationsByCandidate, applicationsByJob, DEFAULT_LIMIT, getItem, jobsByCompany, type Item, type Loaders, type Store } from './data';

export interface PeerContext {
  caller: Caller;
  store: Store;
  loaders: Loaders;
}

const ANYONE = { apiKey: true };
const STAFF = { groups: ['recruiters', 'admins'] };
const ADMINS = { groups: ['admins'] };

const fail = (message: string, errorType: string, errorInfo?: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: errorType, errorType, ...(errorInfo ? { errorInfo } : {}) } });

function maxLength(field: string, value: string | null | undefined, maximum: number): void {
  if (value != null && value.length > maximum) throw fail(`${field} must be at most ${maximum} characters`, 'ValidationError', { field, maximum, actual: value.length });
}
function required(field: string, value: string, maximum: number): string {
  const text = value.trim();
  if (!text) throw fail(`${field} must not be empty`, 'ValidationError', { field });
  maxLength(field, text, maximum);
  return text;
}
function pageSize(limit: number | null | undefined): number {
  if (limit != null && (limit < 1 || limit > 100)) throw fail('limit must be between 1 and 100', 'ValidationError', { limit });
  return limit ?? DEFAULT_LIMIT;
}
const id = (field: string, value: string) => (maxLength(field, value, 128), value);

const TRANSITIONS: Record<string, string[]> = {
  APPLIED: ['SCREEN', 'REJECTED', 'WITHDRAWN'],
  SCREEN: ['INTERVIEW', 'REJECTED', 'WITHDRAWN'],
  INTERVIEW: ['OFFER', 'REJECTED', 'WITHDRAWN'],
  OFFER: ['HIRED', 'REJECTED', 'WITHDRAWN'],
};
const stagesLeadingTo = (to: string) => Object.keys(TRANSITIONS).filter((from) => TRANSITIONS[from]!.includes(to));

type Args = Record<string, any>;

export const resolvers = {
  Query: {
    company: (_: unknown, args: Args, { caller, store }: PeerContext) => (allow(caller, ANYONE), getItem(store, companyKey(id('id', args.id)))),
    job: (_: unknown, args: Args, { caller, store }: PeerContext) => (allow(caller, ANYONE), getItem(store, jobKey(id('id', args.id)))),
    jobsByCompany: (_: unknown, args: Args, { caller, store }: PeerContext) => (
      allow(caller, ANYONE), jobsByCompany(store, id('companyId', args.companyId), pageSize(args.limit), args.nextToken)
    ),
    candidate: (_: unknown, args: Args, { caller, store }: PeerContext) => (allow(caller, STAFF), getItem(store, candidateKey(id('id', args.id)))),
    application: (_: unknown, args: Args, { caller, store }: PeerContext) => (allow(caller, STAFF), getItem(store, applicationKey(id('id', args.id)))),
    applicationsByJob: (_: unknown, args: Args, { caller, store }: PeerContext) => (
      allow(caller, STAFF), applicationsByJob(store, id('jobId', args.jobId), args.stage, pageSize(args.limit), args.nextToken)
    ),
  },

  Company: {
    jobs: (company: Item, args: Args, { store }: PeerContext) => jobsByCompany(store, company.id, pageSize(args.limit), args.nextToken),
  },
  Job: {
    applications: (job: Item, args: Args, { caller, store }: PeerContext) => (
      allow(caller, STAFF), applicationsByJob(store, job.id, args.stage, pageSize(args.limit), args.nextToken)
    ),
  },
  Candidate: {
    applications: (candidate: Item, args: Args, { store }: PeerContext) => applicationsByCandidate(store, candidate.id, pageSize(args.limit), args.nextToken),
  },
  Application: {
    job: (application: Item, _: Args, { loaders }: PeerContext) => loaders.job.load(application.jobId),
    candidate: (application: Item, _: Args, { loaders }: PeerContext) => loaders.candidate.load(application.candidateId),
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
        new PutCommand({ TableName: store.table, Item: { ...companyKey(company.id), __typename: 'Company', ...company }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return company;
    },

    async createJob(_: unknown, { input }: Args, { caller, store }: PeerContext) {
      allow(caller, STAFF);
      const companyId = id('companyId', input.companyId);
      const title = required('title', input.title, 200);
      maxLength('description', input.description, 10000);
      maxLength('location', input.location, 200);
      if (!(await getItem(store, companyKey(companyId), true))) throw fail(`Company ${companyId} does not exist`, 'NotFound', { companyId });
      const now = new Date().toISOString();
      const job = { id: randomUUID(), companyId, title, description: input.description ?? null, location: input.location ?? null, status: input.status ?? 'DRAFT', createdAt: now, updatedAt: now };
      await store.doc.send(
        new PutCommand({
          TableName: store.table,
          Item: { ...jobKey(job.id), ...jobIndexKeys(companyId, now, job.id), __typename: 'Job', ...job },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return job;
    },

    async createCandidate(_: unknown, { input }: Args, { caller, store }: PeerContext) {
      allow(caller, STAFF);
      const name = required('name', input.name, 200);
      const email = input.email.trim();
      maxLength('email', email, 254);
      maxLength('phone', input.phone, 32);
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

    async applyToJob(_: unknown, args: Args, { caller, store }: PeerContext) {
      allow(caller, STAFF);
      const jobId = id('jobId', args.jobId);
      const candidateId = id('candidateId', args.candidateId);
      const [job, candidate] = await Promise.all([getItem(store, jobKey(jobId), true), getItem(store, candidateKey(candidateId), true)]);
      if (!job) throw fail(`Job ${jobId} does not exist`, 'NotFound', { jobId });
      if (job.status !== 'OPEN') throw fail(`Job ${jobId} is not open for applications`, 'JobNotOpen', { jobId, status: job.status });
      if (!candidate) throw fail(`Candidate ${candidateId} does not exist`, 'NotFound', { candidateId });
      const appliedAt = new Date().toISOString();
      const application = {
        id: randomUUID(),
        jobId,
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
            ],
          }),
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          const [, guard, open] = error.CancellationReasons ?? [];
          if (guard?.Code === 'ConditionalCheckFailed') {
            throw fail('The candidate has already applied to this job', 'AlreadyApplied', { jobId, candidateId, applicationId: guard.Item?.applicationId?.S ?? null });
          }
          if (open?.Code === 'ConditionalCheckFailed') throw fail(`Job ${jobId} is not open for applications`, 'JobNotOpen', { jobId });
        }
        throw error;
      }
      return application;
    },

    async moveApplication(_: unknown, args: Args, { caller, store }: PeerContext) {
      allow(caller, STAFF);
      const { stage, expectedVersion } = args;
      const applicationId = id('id', args.id);
      const from = stagesLeadingTo(stage);
      if (from.length === 0) throw fail(`No application can move to ${stage}`, 'InvalidTransition', { to: stage });
      const now = new Date().toISOString();
      try {
        const { Attributes } = await store.doc.send(
          new UpdateCommand({
            TableName: store.table,
            Key: applicationKey(applicationId),
            UpdateExpression: 'SET #stage = :stage, #version = #version + :one, updatedAt = :now, GSI1SK = :sk, history = list_append(history, :change)',
            ConditionExpression: `#version = :expected AND #stage IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
            ExpressionAttributeNames: { '#stage': 'stage', '#version': 'version' },
            ExpressionAttributeValues: {
              ':stage': stage,
              ':one': 1,
              ':now': now,
              ':sk': applicationStageSortKey(stage, now, applicationId),
              ':change': [{ stage, at: now }],
              ':expected': expectedVersion,
              ...Object.fromEntries(from.map((value, i) => [`:from${i}`, value])),
            },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return Attributes;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const current = error.Item;
        if (!current) throw fail(`Application ${applicationId} does not exist`, 'NotFound', { id: applicationId });
        const version = Number(current.version?.N);
        const currentStage = current.stage?.S;
        if (version !== expectedVersion) throw fail(`Application ${applicationId} has changed since version ${expectedVersion}`, 'ConcurrentModification', { currentVersion: version, currentStage });
        throw fail(`An application in ${currentStage} cannot move to ${stage}`, 'InvalidTransition', { from: currentStage, to: stage });
      }
    },
  },
};

