/**
 * The routing table: schema coordinate → resolver, as attached on AppSync. Static imports keep
 * the bundle tree-shakeable. A pipeline names its functions, registered once in src/functions/index.ts
 * (as AppSync keeps function configurations beside resolvers). `satisfies RoutingTable` makes `tsc` reject a coordinate missing from
 * the schema, a required coordinate left unrouted, and a module whose types do not fit its
 * coordinate; a test checks that file names and routes agree.
 */
import { functions } from '../functions/index';
import type { AppSyncFields, RequiredCoordinate } from '../generated/resolver-types';
import { NONE } from '../runtime/resolver';
import { typedRoutes, type RoutingTable } from '../runtime/typed-routes';
import * as ApplicationCandidate from './Application.candidate';
import * as ApplicationJob from './Application.job';
import * as CandidateApplications from './Candidate.applications';
import * as CompanyJobs from './Company.jobs';
import * as JobApplications from './Job.applications';
import * as MutationApplyToJob from './Mutation.applyToJob/index';
import * as MutationCreateCandidate from './Mutation.createCandidate';
import * as MutationCreateCompany from './Mutation.createCompany';
import * as MutationCreateJob from './Mutation.createJob/index';
import * as MutationMoveApplication from './Mutation.moveApplication';
import * as QueryApplication from './Query.application';
import * as QueryApplicationsByJob from './Query.applicationsByJob';
import * as QueryCandidate from './Query.candidate';
import * as QueryCompany from './Query.company';
import * as QueryJob from './Query.job';
import * as QueryJobsByCompany from './Query.jobsByCompany';
import * as SubscriptionOnApplicationCreated from './Subscription.onApplicationCreated';
import * as SubscriptionOnApplicationMoved from './Subscription.onApplicationMoved';
import * as SubscriptionOnJobPublished from './Subscription.onJobPublished';

const { unit, pipeline } = typedRoutes<AppSyncFields, typeof functions>(functions);

export const resolvers = {
  'Query.company': unit('Query.company', QueryCompany),
  'Query.job': unit('Query.job', QueryJob),
  'Query.jobsByCompany': unit('Query.jobsByCompany', QueryJobsByCompany),
  'Company.jobs': unit('Company.jobs', CompanyJobs),
  'Mutation.createCompany': unit('Mutation.createCompany', MutationCreateCompany),
  'Mutation.createJob': pipeline('Mutation.createJob', MutationCreateJob, ['requireCompany', 'putJob']),
  'Query.candidate': unit('Query.candidate', QueryCandidate),
  'Query.application': unit('Query.application', QueryApplication),
  'Query.applicationsByJob': unit('Query.applicationsByJob', QueryApplicationsByJob),
  'Job.applications': unit('Job.applications', JobApplications),
  'Candidate.applications': unit('Candidate.applications', CandidateApplications),
  'Application.job': unit('Application.job', ApplicationJob),
  'Application.candidate': unit('Application.candidate', ApplicationCandidate),
  'Mutation.createCandidate': unit('Mutation.createCandidate', MutationCreateCandidate),
  'Mutation.applyToJob': pipeline('Mutation.applyToJob', MutationApplyToJob, ['requireOpenJob', 'requireCandidate', 'putApplication']),
  'Mutation.moveApplication': unit('Mutation.moveApplication', MutationMoveApplication),
  // Run when a client subscribes (src/realtime/subscribe.ts), never over HTTP.
  'Subscription.onApplicationMoved': unit('Subscription.onApplicationMoved', SubscriptionOnApplicationMoved, NONE),
  'Subscription.onApplicationCreated': unit('Subscription.onApplicationCreated', SubscriptionOnApplicationCreated, NONE),
  'Subscription.onJobPublished': unit('Subscription.onJobPublished', SubscriptionOnJobPublished, NONE),
} satisfies RoutingTable<AppSyncFields, RequiredCoordinate>;
