/**
 * The pipeline functions, registered once by name with their data source, as AppSync's function
 * configurations; pipeline resolvers name them in the routing table (src/resolvers/index.ts).
 */
import { functionTable } from '../runtime/function-table';
import { fn, TABLE } from '../runtime/resolver';
import * as AuthorizeWithdrawal from './authorizeWithdrawal';
import * as ChangeStage from './changeStage';
import * as PutApplication from './putApplication';
import * as PutJob from './putJob';
import * as RequireApplication from './requireApplication';
import * as RequireCandidate from './requireCandidate';
import * as RequireCompany from './requireCompany';
import * as RequireJob from './requireJob';
import * as RequireOpenJob from './requireOpenJob';
import * as SaveJob from './saveJob';

export const functions = functionTable(
  fn('requireCompany', RequireCompany, TABLE),
  fn('requireOpenJob', RequireOpenJob, TABLE),
  fn('requireCandidate', RequireCandidate, TABLE),
  fn('putJob', PutJob, TABLE),
  fn('putApplication', PutApplication, TABLE),
  fn('requireJob', RequireJob, TABLE),
  fn('saveJob', SaveJob, TABLE),
  fn('requireApplication', RequireApplication, TABLE),
  fn('authorizeWithdrawal', AuthorizeWithdrawal, TABLE),
  fn('changeStage', ChangeStage, TABLE),
);
