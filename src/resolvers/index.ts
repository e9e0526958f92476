/**
 * The routing table: schema coordinate → resolver, as attached on AppSync. Static imports keep
 * the bundle tree-shakeable; a test checks that file names and routes agree.
 */
import { pipeline, unit, type ResolverDefinition } from '../runtime/resolver';
import * as CompanyJobs from './Company.jobs';
import * as MutationCreateCompany from './Mutation.createCompany';
import * as MutationCreateJob from './Mutation.createJob/index';
import * as QueryCompany from './Query.company';
import * as QueryJob from './Query.job';
import * as QueryJobsByCompany from './Query.jobsByCompany';

export const resolvers: Record<string, ResolverDefinition> = {
  'Query.company': unit(QueryCompany),
  'Query.job': unit(QueryJob),
  'Query.jobsByCompany': unit(QueryJobsByCompany),
  'Company.jobs': unit(CompanyJobs),
  'Mutation.createCompany': unit(MutationCreateCompany),
  'Mutation.createJob': pipeline(MutationCreateJob, MutationCreateJob.functions),
};
