/**
 * The routing table: schema coordinate → resolver, as attached on AppSync. Static imports keep
 * the bundle tree-shakeable. `satisfies RoutingTable` makes `tsc` reject a coordinate missing from
 * the schema, a required coordinate left unrouted, and a module whose types do not fit its
 * coordinate; a test checks that file names and routes agree.
 */
import type { AppSyncFields, RequiredCoordinate } from '../generated/resolver-types';
import { typedRoutes, type RoutingTable } from '../runtime/typed-routes';
import * as CompanyJobs from './Company.jobs';
import * as MutationCreateCompany from './Mutation.createCompany';
import * as MutationCreateJob from './Mutation.createJob/index';
import * as QueryCompany from './Query.company';
import * as QueryJob from './Query.job';
import * as QueryJobsByCompany from './Query.jobsByCompany';

const { unit, pipeline } = typedRoutes<AppSyncFields>();

export const resolvers = {
  'Query.company': unit('Query.company', QueryCompany),
  'Query.job': unit('Query.job', QueryJob),
  'Query.jobsByCompany': unit('Query.jobsByCompany', QueryJobsByCompany),
  'Company.jobs': unit('Company.jobs', CompanyJobs),
  'Mutation.createCompany': unit('Mutation.createCompany', MutationCreateCompany),
  'Mutation.createJob': pipeline('Mutation.createJob', MutationCreateJob, MutationCreateJob.functions),
} satisfies RoutingTable<AppSyncFields, RequiredCoordinate>;
