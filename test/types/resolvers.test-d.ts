import type { Context } from '@aws-appsync/utils';
import type { AppSyncBatchResolverHandler } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import type { CompanyRecord } from '../../src/data/companies';
import type { JobRecord } from '../../src/data/jobs';
import type { AppSyncFields, FieldResult, MismatchedRecordFields, RequiredCoordinate, ResolverContext } from '../../src/generated/resolver-types';
import { functions } from '../../src/functions/index';
import * as MutationCreateJob from '../../src/resolvers/Mutation.createJob/index';
import * as QueryCompany from '../../src/resolvers/Query.company';
import * as QueryJob from '../../src/resolvers/Query.job';
import { resolvers } from '../../src/resolvers/index';
import { type ResolverDefinition, functionTable, type FunctionTable, fn, NONE, typedRoutes, type RoutingTable } from '@appsync-lambda/engine';

const { unit, pipeline, lambda } = typedRoutes<AppSyncFields>();
const withFunctions = typedRoutes<AppSyncFields, typeof functions>(functions);
const routes = { ...resolvers };

describe('ResolverContext', () => {
  it('types args, source and the data-source result by coordinate', () => {
    expectTypeOf<ResolverContext<'Query.company'>['args']>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<ResolverContext<'Company.jobs'>['source']>().toEqualTypeOf<CompanyRecord | undefined>();
    expectTypeOf<ResolverContext<'Query.job', JobRecord | null>['result']>().toEqualTypeOf<JobRecord | null>();
    expectTypeOf<FieldResult<'Query.job'>>().toEqualTypeOf<JobRecord | null>();
    expectTypeOf<FieldResult<'Mutation.createCompany'>>().toEqualTypeOf<CompanyRecord>();
    expectTypeOf<FieldResult<'Query.jobsByCompany'>['items']>().toEqualTypeOf<JobRecord[]>();
  });

  it('rejects a misspelled argument', () => {
    const request = (ctx: ResolverContext<'Query.jobsByCompany'>) => {
      // @ts-expect-error companyID is not an argument of Query.jobsByCompany (companyId is)
      return ctx.args.companyID;
    };
    expectTypeOf(request).returns.toBeAny();
  });
});

describe('unit(coordinate, module)', () => {
  it('accepts the module written for the coordinate', () => {
    expectTypeOf(unit('Query.company', QueryCompany)).toExtend<ResolverDefinition>();
  });

  it('rejects a module routed to the wrong coordinate', () => {
    // @ts-expect-error Query.company's module returns a CompanyRecord, Query.job needs a JobRecord
    unit('Query.job', QueryCompany);
    // @ts-expect-error and the other way round
    unit('Query.company', QueryJob);
  });

  it('rejects a coordinate that is not a field of the schema', () => {
    // @ts-expect-error Query.companies does not exist
    unit('Query.companies', QueryCompany);
  });

  it('rejects a module that reads a misspelled argument', () => {
    const misspelled = {
      request: (ctx: Context<{ ID: string }>) => ctx.args.ID,
      response: (ctx: Context<{ ID: string }, object, undefined, undefined, CompanyRecord | null>) => ctx.result,
    };
    // @ts-expect-error the module wants args.ID, Query.company gives args.id
    unit('Query.company', misspelled);
  });

  it('rejects a response of the wrong shape', () => {
    const wrongShape = {
      request: (ctx: ResolverContext<'Query.jobsByCompany'>) => ctx.args.companyId,
      response: (ctx: ResolverContext<'Query.jobsByCompany', JobRecord[]>) => ctx.result,
    };
    // @ts-expect-error a bare list is not a JobConnection ({ items, nextToken })
    unit('Query.jobsByCompany', wrongShape);
    const wrongField = {
      request: () => ({}),
      response: () => ({ id: 'c1', name: 'Acme', createdAt: '2024-01-01T00:00:00Z' }),
    };
    // @ts-expect-error a plain object is not the stored CompanyRecord (PK, SK, __typename)
    unit('Mutation.createCompany', wrongField);
  });

  it('rejects a pipeline whose after-step returns the wrong type', () => {
    const after = { request: () => ({}), response: (): CompanyRecord => ({}) as CompanyRecord };
    // @ts-expect-error Mutation.createJob returns a Job
    pipeline('Mutation.createJob', after, []);
  });
});

describe('pipeline(coordinate, module, names)', () => {
  it('accepts the names of registered functions', () => {
    expectTypeOf(withFunctions.pipeline('Mutation.createJob', MutationCreateJob, ['requireCompany', 'putJob'])).toExtend<ResolverDefinition>();
  });

  it('rejects a function name that is not in the function table', () => {
    // @ts-expect-error requireJobs is not a registered pipeline function (requireJob is)
    withFunctions.pipeline('Mutation.createJob', MutationCreateJob, ['requireCompany', 'requireJobs']);
    // @ts-expect-error with no function table a pipeline can name no function
    pipeline('Mutation.createJob', MutationCreateJob, ['putJob']);
  });

  it('types the function table by the names of its functions', () => {
    const step = { request: () => ({ payload: null }), response: () => null };
    expectTypeOf(functionTable(fn('load', step, NONE), fn('save', step, NONE))).toEqualTypeOf<FunctionTable<'load' | 'save'>>();
    expectTypeOf<keyof typeof functions>().toEqualTypeOf<
      | 'requireCompany'
      | 'requireOpenJob'
      | 'putJob'
      | 'putApplication'
      | 'findEmailOwner'
      | 'loadCandidate'
      | 'requireMyCandidate'
      | 'putMyProfile'
      | 'updateMyCandidate'
      | 'requireJob'
      | 'saveJob'
      | 'requireApplication'
      | 'authorizeWithdrawal'
      | 'changeStage'
      | 'findRecruiterMembership'
      | 'assertRecruiterOfCompany'
      | 'checkRecruiterOfCompany'
      | 'loadMyCompanies'
      | 'loadMyCompaniesByEmail'
      | 'requireMyCompany'
      | 'loadVisibleCandidate'
      | 'loadJob'
      | 'loadApplication'
      | 'loadJobCounts'
      | 'listCompanyJobs'
      | 'listJobApplications'
      | 'listCandidateApplications'
      | 'putNote'
      | 'putCandidate'
      | 'putCompanyRecruiter'
      | 'requireCompanyRecruiter'
      | 'deleteCompanyRecruiter'
    >();
  });
});

describe('lambda(coordinate, module)', () => {
  it('checks the Direct Lambda handler against the coordinate', () => {
    const job = { __typename: 'Job' } as JobRecord;
    expectTypeOf(lambda('Query.job', { handler: async (event) => (event.arguments.id ? job : null) })).toExtend<ResolverDefinition>();
    // @ts-expect-error Query.job has no argument jobId
    lambda('Query.job', { handler: async (event) => (event.arguments.jobId ? job : null) });
    // @ts-expect-error Query.job resolves to a Job, not a number
    lambda('Query.job', { handler: async () => 42 });
  });

  it('checks a batched handler (maxBatchSize, EXE-16): arrays of events in, arrays of results out', () => {
    const job = { __typename: 'Job' } as JobRecord;
    const batched: AppSyncBatchResolverHandler<{ id: string }, JobRecord | null, null | undefined> = async (events) => events.map(() => job);
    expectTypeOf(lambda('Query.job', { handler: batched }, { maxBatchSize: 100 })).toExtend<ResolverDefinition>();
    const withErrors = { handler: async (events: { arguments: { id: string } }[]) => events.map((event) => (event.arguments.id ? job : { errorMessage: 'gone', errorType: 'NotFound', data: null })) };
    expectTypeOf(lambda('Query.job', withErrors, { maxBatchSize: 2 })).toExtend<ResolverDefinition>();
    // @ts-expect-error with maxBatchSize the handler gets an array of events, not one event
    lambda('Query.job', { handler: async (event) => (event.arguments.id ? job : null) }, { maxBatchSize: 10 });
    // @ts-expect-error with maxBatchSize the handler returns an array of results, not one Job
    lambda('Query.job', { handler: async () => job }, { maxBatchSize: 10 });
    // @ts-expect-error each result must be a Job (or a per-item error), not a number
    lambda('Query.job', { handler: async (events) => events.map(() => 42) }, { maxBatchSize: 10 });
    // @ts-expect-error a batched handler without maxBatchSize would get one event, not an array
    lambda('Query.job', { handler: batched });
  });
});

describe('RoutingTable', () => {
  type Table = RoutingTable<AppSyncFields, RequiredCoordinate>;

  it('requires root fields and fields with arguments, and only those', () => {
    expectTypeOf<RequiredCoordinate>().toEqualTypeOf<
      | 'Query.company'
      | 'Query.job'
      | 'Query.jobsByCompany'
      | 'Query.openJobs'
      | 'Query.companies'
      | 'Query.candidate'
      | 'Query.application'
      | 'Query.applicationsByJob'
      | 'Query.findCandidateByEmail'
      | 'Query.me'
      | 'Company.jobs'
      | 'Company.recruiters'
      | 'Job.applications'
      | 'Candidate.applications'
      // Fields the mapper record lacks: the job's counters live in its counts item.
      | 'Job.applicationCount'
      | 'Job.stageCounts'
      // Fields the mapper record lacks: the application holds only the ids.
      | 'Application.job'
      | 'Application.candidate'
      | 'Application.notes'
      | 'Mutation.createCompany'
      | 'Mutation.addCompanyRecruiter'
      | 'Mutation.removeCompanyRecruiter'
      | 'Mutation.createJob'
      | 'Mutation.createCandidate'
      | 'Mutation.applyToJob'
      | 'Mutation.moveApplication'
      | 'Mutation.addNote'
      | 'Mutation.createMyProfile'
      | 'Mutation.updateMyProfile'
      | 'Mutation.applyAsMe'
      | 'Mutation.updateJob'
      | 'Mutation.publishJob'
      | 'Mutation.closeJob'
      | 'Mutation.withdrawApplication'
      | 'Subscription.onApplicationMoved'
      | 'Subscription.onApplicationCreated'
      | 'Subscription.onJobPublished'
    >();
  });

  it('finds no mapper record field whose type does not fit the schema', () => {
    expectTypeOf<MismatchedRecordFields>().toBeNever();
  });

  it('accepts the real routing table', () => {
    expectTypeOf(resolvers).toExtend<Table>();
  });

  it('rejects a table missing a required coordinate', () => {
    const { 'Query.job': _job, ...withoutJob } = routes;
    // @ts-expect-error Query.job has no resolver
    withoutJob satisfies Table;
  });

  it('rejects a route to a field that does not exist', () => {
    // @ts-expect-error Query.jobs is not a field of the schema
    ({ ...routes, 'Query.jobs': unit('Query.job', QueryJob) }) satisfies Table;
  });

  it('rejects a route whose key and coordinate disagree', () => {
    // @ts-expect-error the definition was built for Query.company
    ({ ...routes, 'Query.job': unit('Query.company', QueryCompany) }) satisfies Table;
  });
});
