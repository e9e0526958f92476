/**
 * The pipeline functions, registered once by name with their data source, as AppSync's function
 * configurations; pipeline resolvers name them in the routing table (src/resolvers/index.ts).
 */
import { fn, functionTable, TABLE } from '@appsync-lambda/engine';
import * as PutApplication from './putApplication';
import * as PutJob from './putJob';
import * as RequireCandidate from './requireCandidate';
import * as RequireCompany from './requireCompany';
import * as RequireOpenJob from './requireOpenJob';

export const functions = functionTable(
  fn('requireCompany', RequireCompany, TABLE),
  fn('requireOpenJob', RequireOpenJob, TABLE),
  fn('requireCandidate', RequireCandidate, TABLE),
  fn('putJob', PutJob, TABLE),
  fn('putApplication', PutApplication, TABLE),
);
