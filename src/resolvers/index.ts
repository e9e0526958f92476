/**
 * The routing table: schema coordinate → resolver, as attached on AppSync. Static imports keep
 * the bundle tree-shakeable. A pipeline names its functions, registered once in src/functions/index.ts
 * (as AppSync keeps function configurations beside resolvers). `satisfies RoutingTable` makes `tsc` reject a coordinate missing from
 * the schema, a required coordinate left unrouted, and a module whose types do not fit its
 * coordinate; a test checks that file names and routes agree.
 */
import { functions } from '../functions/index';
import type { AppSyncFields, RequiredCoordinate } from '../generated/resolver-types';
import { NONE, typedRoutes, type RoutingTable } from '@appsync-lambda/engine';
import * as ApplicationCandidate from './Application.candidate';
import * as ApplicationJob from './Application.job';
import * as ApplicationNotes from './Application.notes';
import * as CandidateApplications from './Candidate.applications';
import * as CompanyJobs from './Company.jobs';
import * as JobApplicationCount from './Job.applicationCount';
import * as JobApplications from './Job.applications';
import * as MutationAddNote from './Mutation.addNote';
import * as MutationApplyAsMe from './Mutation.applyAsMe/index';
import * as JobStageCounts from './Job.stageCounts';
import * as MutationApplyToJob from './Mutation.applyToJob/index';
import * as MutationCreateCandidate from './Mutation.createCandidate';
import * as MutationCreateCompany from './Mutation.createCompany';
import * as MutationCreateJob from './Mutation.createJob/index';
import * as MutationCloseJob from './Mutation.closeJob/index';
import * as MutationCreateMyProfile from './Mutation.createMyProfile/index';
import * as MutationMoveApplication from './Mutation.moveApplication/index';
import * as MutationPublishJob from './Mutation.publishJob/index';
import * as MutationUpdateJob from './Mutation.updateJob/index';
import * as MutationUpdateMyProfile from './Mutation.updateMyProfile/index';
import * as MutationWithdrawApplication from './Mutation.withdrawApplication/index';
import * as QueryApplication from './Query.application';
import * as QueryApplicationsByJob from './Query.applicationsByJob';
import * as QueryCandidate from './Query.candidate';
import * as QueryCompanies from './Query.companies';
import * as QueryCompany from './Query.company';
import * as QueryFindCandidateByEmail from './Query.findCandidateByEmail/index';
import * as QueryJob from './Query.job';
import * as QueryJobsByCompany from './Query.jobsByCompany';
import * as QueryMe from './Query.me';
import * as QueryOpenJobs from './Query.openJobs';
import * as SubscriptionOnApplicationCreated from './Subscription.onApplicationCreated';
import * as SubscriptionOnApplicationMoved from './Subscription.onApplicationMoved';
import * as SubscriptionOnJobPublished from './Subscription.onJobPublished';

const { unit, pipeline } = typedRoutes<AppSyncFields, typeof functions>(functions);

export const resolvers = {
  'Query.company': unit('Query.company', QueryCompany),
  'Query.job': unit('Query.job', QueryJob),
  'Query.jobsByCompany': unit('Query.jobsByCompany', QueryJobsByCompany),
  'Query.openJobs': unit('Query.openJobs', QueryOpenJobs),
  'Query.companies': unit('Query.companies', QueryCompanies),
  'Company.jobs': unit('Company.jobs', CompanyJobs),
  'Job.applicationCount': unit('Job.applicationCount', JobApplicationCount),
  'Job.stageCounts': unit('Job.stageCounts', JobStageCounts),
  'Mutation.createCompany': unit('Mutation.createCompany', MutationCreateCompany),
  'Mutation.createJob': pipeline('Mutation.createJob', MutationCreateJob, ['requireCompany', 'putJob']),
  'Mutation.updateJob': pipeline('Mutation.updateJob', MutationUpdateJob, ['requireJob', 'saveJob']),
  'Mutation.publishJob': pipeline('Mutation.publishJob', MutationPublishJob, ['requireJob', 'saveJob']),
  'Mutation.closeJob': pipeline('Mutation.closeJob', MutationCloseJob, ['requireJob', 'saveJob']),
  'Query.candidate': unit('Query.candidate', QueryCandidate),
  'Query.application': unit('Query.application', QueryApplication),
  'Query.applicationsByJob': unit('Query.applicationsByJob', QueryApplicationsByJob),
  'Job.applications': unit('Job.applications', JobApplications),
  'Candidate.applications': unit('Candidate.applications', CandidateApplications),
  'Application.job': unit('Application.job', ApplicationJob),
  'Application.candidate': unit('Application.candidate', ApplicationCandidate),
  'Mutation.createCandidate': unit('Mutation.createCandidate', MutationCreateCandidate),
  'Mutation.applyToJob': pipeline('Mutation.applyToJob', MutationApplyToJob, ['requireOpenJob', 'requireCandidate', 'putApplication']),
  'Mutation.moveApplication': pipeline('Mutation.moveApplication', MutationMoveApplication, ['requireApplication', 'changeStage']),
  'Mutation.withdrawApplication': pipeline('Mutation.withdrawApplication', MutationWithdrawApplication, ['requireApplication', 'authorizeWithdrawal', 'changeStage']),
  'Query.findCandidateByEmail': pipeline('Query.findCandidateByEmail', QueryFindCandidateByEmail, ['findEmailOwner', 'loadCandidate']),
  'Query.me': unit('Query.me', QueryMe),
  'Mutation.createMyProfile': pipeline('Mutation.createMyProfile', MutationCreateMyProfile, ['findEmailOwner', 'loadCandidate', 'putMyProfile']),
  'Mutation.updateMyProfile': pipeline('Mutation.updateMyProfile', MutationUpdateMyProfile, ['requireMyCandidate', 'updateMyCandidate']),
  'Mutation.applyAsMe': pipeline('Mutation.applyAsMe', MutationApplyAsMe, ['requireMyCandidate', 'requireOpenJob', 'putApplication']),
  'Mutation.addNote': unit('Mutation.addNote', MutationAddNote),
  'Application.notes': unit('Application.notes', ApplicationNotes),
  // Run when a client subscribes (the realtime subscribe path), never over HTTP.
  'Subscription.onApplicationMoved': unit('Subscription.onApplicationMoved', SubscriptionOnApplicationMoved, NONE),
  'Subscription.onApplicationCreated': unit('Subscription.onApplicationCreated', SubscriptionOnApplicationCreated, NONE),
  'Subscription.onJobPublished': unit('Subscription.onJobPublished', SubscriptionOnJobPublished, NONE),
} satisfies RoutingTable<AppSyncFields, RequiredCoordinate>;
