// authorizeWithdrawal: lets recruiters and admins withdraw any application, and a candidate only
// their own: GetItem PK=CANDIDATE#<the application's candidate>, whose userId must be the caller's sub.
import { util, runtime, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';
import type { ApplicationRecord } from '../data/applications';
import { Candidates, type CandidateRecord } from '../data/candidates';
import { raise } from '../data/errors';

type Stash = { applicationId: string; application: ApplicationRecord };

const STAFF = ['recruiters', 'admins'];

export function request(ctx: Context<unknown, Stash, { result: ApplicationRecord }>) {
  const application = ctx.prev.result;
  ctx.stash.application = application;
  const identity = ctx.identity as AppSyncIdentityCognito;
  const groups = identity.groups || [];
  if (groups.some((group) => STAFF.includes(group))) runtime.earlyReturn(application);
  return { ...Candidates.get(application.candidateId), consistentRead: true };
}

export function response(ctx: Context<unknown, Stash, { result: ApplicationRecord }, undefined, CandidateRecord | null>): ApplicationRecord {
  if (ctx.error) raise(ctx.error);
  const identity = ctx.identity as AppSyncIdentityCognito;
  const candidate = ctx.result;
  if (!candidate || !candidate.userId || candidate.userId !== identity.sub) {
    util.error('Only the candidate who applied may withdraw this application', 'Unauthorized', null, { id: ctx.stash.applicationId });
  }
  return ctx.stash.application;
}
