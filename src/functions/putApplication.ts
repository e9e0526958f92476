// putApplication: writes a new application for the loaded job (its company in ctx.stash.companyId)
// and candidate. TransactWriteItems: APPLICATION#id + APPLIED#jobId#candidateId if absent, a condition
// check that JOB#jobId is still OPEN, ADD to the job's counts item (JOB#jobId / #COUNTS), and the item
// saying that the company knows the candidate (CANDIDATE#candidateId / COMPANY#companyId).
import { util, type Context } from '@aws-appsync/utils';
import { Applications, CREATE_APPLICATION_ITEMS, type ApplicationRecord } from '../data/applications';
import { failedCondition, type TransactWriteResult } from '../data/transactions';
import { raise } from '../data/errors';

type Stash = { jobId: string; companyId: string; candidateId: string; application: ApplicationRecord };

export function request(ctx: Context<unknown, Stash>) {
  const application = Applications.record({
    id: util.autoId(),
    jobId: ctx.stash.jobId,
    companyId: ctx.stash.companyId,
    candidateId: ctx.stash.candidateId,
    appliedAt: util.time.nowISO8601(),
  });
  ctx.stash.application = application;
  return Applications.create(application);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, TransactWriteResult>): ApplicationRecord {
  const { jobId, candidateId } = ctx.stash;
  if (ctx.error) {
    const guard = failedCondition(ctx.result, CREATE_APPLICATION_ITEMS.guard);
    if (guard) {
      const applicationId = guard.item ? guard.item.applicationId : null;
      util.error('The candidate has already applied to this job', 'AlreadyApplied', null, { jobId, candidateId, applicationId });
    }
    // The job was closed (or deleted) between requireOpenJob and this write.
    if (failedCondition(ctx.result, CREATE_APPLICATION_ITEMS.openJob)) util.error(`Job ${jobId} is not open for applications`, 'JobNotOpen', null, { jobId });
    raise(ctx.error, ctx.result);
  }
  return ctx.stash.application;
}
