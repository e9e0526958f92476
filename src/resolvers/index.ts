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
import * as CandidateApplications from './Candidate.applications/index';
import * as CompanyJobs from './Company.jobs/index';
import * as CompanyRecruiters from './Company.recruiters';
import * as JobApplicationCount from './Job.applicationCount/index';
import * as JobApplications from './Job.applications/index';
import * as JobStageCounts from './Job.stageCounts/index';
import * as MutationAddCompanyRecruiter from './Mutation.addCompanyRecruiter/index';
import * as MutationAddNote from './Mutation.addNote/index';
import * as MutationApplyAsMe from './Mutation.applyAsMe/index';
import * as MutationApplyToJob from './Mutation.applyToJob/index';
import * as MutationCreateCandidate from './Mutation.createCandidate/index';
import * as MutationCreateCompany from './Mutation.createCompany';
import * as MutationCreateJob from './Mutation.createJob/index';
import * as MutationCloseJob from './Mutation.closeJob/index';
import * as MutationCreateMyProfile from './Mutation.createMyProfile/index';
import * as MutationMoveApplication from './Mutation.moveApplication/index';
import * as MutationPublishJob from './Mutation.publishJob/index';
import * as MutationRemoveCompanyRecruiter from './Mutation.removeCompanyRecruiter/index';
import * as MutationUpdateJob from './Mutation.updateJob/index';
import * as MutationUpdateMyProfile from './Mutation.updateMyProfile/index';
import * as MutationWithdrawApplication from './Mutation.withdrawApplication/index';
import * as QueryApplication from './Query.application/index';
import * as QueryApplicationsByJob from './Query.applicationsByJob/index';
import * as QueryCandidate from './Query.candidate/index';
import * as QueryCompanies from './Query.companies';
import * as QueryCompany from './Query.company';
import * as QueryFindCandidateByEmail from './Query.findCandidateByEmail/index';
import * as QueryJob from './Query.job/index';
import * as QueryJobsByCompany from './Query.jobsByCompany/index';
import * as QueryMe from './Query.me';
import * as QueryOpenJobs from './Query.openJobs';
import * as SubscriptionOnApplicationCreated from './Subscription.onApplicationCreated/index';
import * as SubscriptionOnApplicationMoved from './Subscription.onApplicationMoved/index';
import * as SubscriptionOnJobPublished from './Subscription.onJobPublished';

const { unit, pipeline } = typedRoutes<AppSyncFields, typeof functions>(functions);

// Tenancy (docs/tenancy.md): the steps that check that a recruiter works for the company a request is about.
const MEMBER = ['findRecruiterMembership', 'assertRecruiterOfCompany'] as const;
const MEMBER_OR_BOARD = ['findRecruiterMembership', 'checkRecruiterOfCompany'] as const;
const MY_COMPANIES = ['loadMyCompanies', 'loadMyCompaniesByEmail'] as const;

export const resolvers = {
  'Query.company': unit('Query.company', QueryCompany),
  'Query.job': pipeline('Query.job', QueryJob, ['loadJob', ...MEMBER_OR_BOARD]),
  'Query.jobsByCompany': pipeline('Query.jobsByCompany', QueryJobsByCompany, [...MEMBER_OR_BOARD, 'listCompanyJobs']),
  'Query.openJobs': unit('Query.openJobs', QueryOpenJobs),
  'Query.companies': unit('Query.companies', QueryCompanies),
  'Company.jobs': pipeline('Company.jobs', CompanyJobs, [...MEMBER_OR_BOARD, 'listCompanyJobs']),
  'Company.recruiters': unit('Company.recruiters', CompanyRecruiters),
  'Job.applicationCount': pipeline('Job.applicationCount', JobApplicationCount, [...MEMBER, 'loadJobCounts']),
  'Job.stageCounts': pipeline('Job.stageCounts', JobStageCounts, [...MEMBER, 'loadJobCounts']),
  'Mutation.createCompany': unit('Mutation.createCompany', MutationCreateCompany),
  'Mutation.addCompanyRecruiter': pipeline('Mutation.addCompanyRecruiter', MutationAddCompanyRecruiter, ['requireCompany', 'putCompanyRecruiter']),
  'Mutation.removeCompanyRecruiter': pipeline('Mutation.removeCompanyRecruiter', MutationRemoveCompanyRecruiter, ['requireCompanyRecruiter', 'deleteCompanyRecruiter']),
  'Mutation.createJob': pipeline('Mutation.createJob', MutationCreateJob, ['requireCompany', ...MEMBER, 'putJob']),
  'Mutation.updateJob': pipeline('Mutation.updateJob', MutationUpdateJob, ['requireJob', ...MEMBER, 'saveJob']),
  'Mutation.publishJob': pipeline('Mutation.publishJob', MutationPublishJob, ['requireJob', ...MEMBER, 'saveJob']),
  'Mutation.closeJob': pipeline('Mutation.closeJob', MutationCloseJob, ['requireJob', ...MEMBER, 'saveJob']),
  'Query.candidate': pipeline('Query.candidate', QueryCandidate, [...MY_COMPANIES, 'loadVisibleCandidate']),
  'Query.application': pipeline('Query.application', QueryApplication, ['loadApplication', ...MEMBER]),
  'Query.applicationsByJob': pipeline('Query.applicationsByJob', QueryApplicationsByJob, ['loadJob', ...MEMBER, 'listJobApplications']),
  'Job.applications': pipeline('Job.applications', JobApplications, [...MEMBER, 'listJobApplications']),
  'Candidate.applications': pipeline('Candidate.applications', CandidateApplications, [...MY_COMPANIES, 'listCandidateApplications']),
  // An application's job, candidate and notes need no check of their own: an application reaches a
  // recruiter only through a checked field (docs/tenancy.md).
  'Application.job': unit('Application.job', ApplicationJob),
  'Application.candidate': unit('Application.candidate', ApplicationCandidate),
  'Mutation.createCandidate': pipeline('Mutation.createCandidate', MutationCreateCandidate, ['requireCompany', ...MEMBER, 'putCandidate']),
  // The caller's companies decide both checks: the job's company, then the candidate.
  'Mutation.applyToJob': pipeline('Mutation.applyToJob', MutationApplyToJob, ['requireOpenJob', ...MY_COMPANIES, 'requireMyCompany', 'loadVisibleCandidate', 'putApplication']),
  'Mutation.moveApplication': pipeline('Mutation.moveApplication', MutationMoveApplication, ['requireApplication', ...MEMBER, 'changeStage']),
  'Mutation.withdrawApplication': pipeline('Mutation.withdrawApplication', MutationWithdrawApplication, ['requireApplication', ...MEMBER, 'authorizeWithdrawal', 'changeStage']),
  'Query.findCandidateByEmail': pipeline('Query.findCandidateByEmail', QueryFindCandidateByEmail, ['findEmailOwner', ...MY_COMPANIES, 'loadVisibleCandidate']),
  'Query.me': unit('Query.me', QueryMe),
  'Mutation.createMyProfile': pipeline('Mutation.createMyProfile', MutationCreateMyProfile, ['findEmailOwner', 'loadCandidate', 'putMyProfile']),
  'Mutation.updateMyProfile': pipeline('Mutation.updateMyProfile', MutationUpdateMyProfile, ['requireMyCandidate', 'updateMyCandidate']),
  'Mutation.applyAsMe': pipeline('Mutation.applyAsMe', MutationApplyAsMe, ['requireMyCandidate', 'requireOpenJob', 'putApplication']),
  // A missing application passes the checks (nothing to protect) and fails putNote's condition: NotFound.
  'Mutation.addNote': pipeline('Mutation.addNote', MutationAddNote, ['loadApplication', ...MEMBER, 'putNote']),
  'Application.notes': unit('Application.notes', ApplicationNotes),
  // Run when a client subscribes (the realtime subscribe path), never over HTTP.
  'Subscription.onApplicationMoved': pipeline('Subscription.onApplicationMoved', SubscriptionOnApplicationMoved, ['loadJob', ...MEMBER, ...MY_COMPANIES]),
  'Subscription.onApplicationCreated': pipeline('Subscription.onApplicationCreated', SubscriptionOnApplicationCreated, ['loadJob', ...MEMBER, ...MY_COMPANIES]),
  'Subscription.onJobPublished': unit('Subscription.onJobPublished', SubscriptionOnJobPublished, NONE),
} satisfies RoutingTable<AppSyncFields, RequiredCoordinate>;
