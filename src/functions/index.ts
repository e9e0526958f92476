/**
 * The pipeline functions, registered once by name with their data source, as AppSync's function
 * configurations; pipeline resolvers name them in the routing table (src/resolvers/index.ts).
 */
import { fn, functionTable, NONE, TABLE } from '@appsync-lambda/engine';
import * as AssertRecruiterOfCompany from './assertRecruiterOfCompany';
import * as AuthorizeWithdrawal from './authorizeWithdrawal';
import * as ChangeStage from './changeStage';
import * as CheckRecruiterOfCompany from './checkRecruiterOfCompany';
import * as DeleteCompanyRecruiter from './deleteCompanyRecruiter';
import * as FindEmailOwner from './findEmailOwner';
import * as FindRecruiterMembership from './findRecruiterMembership';
import * as ListCandidateApplications from './listCandidateApplications';
import * as ListCompanyJobs from './listCompanyJobs';
import * as ListJobApplications from './listJobApplications';
import * as LoadApplication from './loadApplication';
import * as LoadCandidate from './loadCandidate';
import * as LoadJob from './loadJob';
import * as LoadJobCounts from './loadJobCounts';
import * as LoadMyCompanies from './loadMyCompanies';
import * as LoadMyCompaniesByEmail from './loadMyCompaniesByEmail';
import * as LoadVisibleCandidate from './loadVisibleCandidate';
import * as PutApplication from './putApplication';
import * as PutCandidate from './putCandidate';
import * as PutCompanyRecruiter from './putCompanyRecruiter';
import * as PutJob from './putJob';
import * as PutMyProfile from './putMyProfile';
import * as PutNote from './putNote';
import * as RequireApplication from './requireApplication';
import * as RequireCompany from './requireCompany';
import * as RequireCompanyRecruiter from './requireCompanyRecruiter';
import * as RequireJob from './requireJob';
import * as RequireMyCandidate from './requireMyCandidate';
import * as RequireMyCompany from './requireMyCompany';
import * as RequireOpenJob from './requireOpenJob';
import * as SaveJob from './saveJob';
import * as UpdateMyCandidate from './updateMyCandidate';

export const functions = functionTable(
  fn('requireCompany', RequireCompany, TABLE),
  fn('requireOpenJob', RequireOpenJob, TABLE),
  fn('putJob', PutJob, TABLE),
  fn('putApplication', PutApplication, TABLE),
  fn('findEmailOwner', FindEmailOwner, TABLE),
  fn('loadCandidate', LoadCandidate, TABLE),
  fn('requireMyCandidate', RequireMyCandidate, TABLE),
  fn('putMyProfile', PutMyProfile, TABLE),
  fn('updateMyCandidate', UpdateMyCandidate, TABLE),
  fn('requireJob', RequireJob, TABLE),
  fn('saveJob', SaveJob, TABLE),
  fn('requireApplication', RequireApplication, TABLE),
  fn('authorizeWithdrawal', AuthorizeWithdrawal, TABLE),
  fn('changeStage', ChangeStage, TABLE),
  // Tenancy (docs/tenancy.md).
  fn('findRecruiterMembership', FindRecruiterMembership, TABLE),
  fn('assertRecruiterOfCompany', AssertRecruiterOfCompany, TABLE),
  fn('checkRecruiterOfCompany', CheckRecruiterOfCompany, TABLE),
  fn('loadMyCompanies', LoadMyCompanies, TABLE),
  fn('loadMyCompaniesByEmail', LoadMyCompaniesByEmail, TABLE),
  fn('requireMyCompany', RequireMyCompany, NONE),
  fn('loadVisibleCandidate', LoadVisibleCandidate, TABLE),
  fn('loadJob', LoadJob, TABLE),
  fn('loadApplication', LoadApplication, TABLE),
  fn('loadJobCounts', LoadJobCounts, TABLE),
  fn('listCompanyJobs', ListCompanyJobs, TABLE),
  fn('listJobApplications', ListJobApplications, TABLE),
  fn('listCandidateApplications', ListCandidateApplications, TABLE),
  fn('putNote', PutNote, TABLE),
  fn('putCandidate', PutCandidate, TABLE),
  fn('putCompanyRecruiter', PutCompanyRecruiter, TABLE),
  fn('requireCompanyRecruiter', RequireCompanyRecruiter, TABLE),
  fn('deleteCompanyRecruiter', DeleteCompanyRecruiter, TABLE),
);
