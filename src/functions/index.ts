/**
 * The pipeline functions, registered once by name with their data source, as AppSync's function
 * configurations; pipeline resolvers name them in the routing table (src/resolvers/index.ts).
 */
import { fn, functionTable, TABLE } from '@appsync-lambda/engine';
import * as AuthorizeWithdrawal from './authorizeWithdrawal';
import * as ChangeStage from './changeStage';
import * as FindEmailOwner from './findEmailOwner';
import * as LoadCandidate from './loadCandidate';
import * as PutApplication from './putApplication';
import * as PutJob from './putJob';
import * as PutMyProfile from './putMyProfile';
import * as RequireApplication from './requireApplication';
import * as RequireCandidate from './requireCandidate';
import * as RequireCompany from './requireCompany';
import * as RequireJob from './requireJob';
import * as RequireMyCandidate from './requireMyCandidate';
import * as RequireOpenJob from './requireOpenJob';
import * as SaveJob from './saveJob';
import * as UpdateMyCandidate from './updateMyCandidate';

export const functions = functionTable(
  fn('requireCompany', RequireCompany, TABLE),
  fn('requireOpenJob', RequireOpenJob, TABLE),
  fn('requireCandidate', RequireCandidate, TABLE),
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
);
