// saveJob: writes a change of the job loaded by requireJob, if it is still at the expected version.
// UpdateItem PK=JOB#id, conditional on the version; the board index keys follow the new status.
import { util, type Context } from '@aws-appsync/utils';
import { Jobs, type JobChanges, type JobRecord, type JobStatus } from '../data/jobs';
import { raise } from '../data/errors';

/** What the mutation asks for: new details, and for publishJob and closeJob a change of status. */
export type JobChange = { jobId: string; expectedVersion: number; changes: JobChanges; transition?: { from: JobStatus; to: JobStatus } };

function concurrent(job: JobRecord, expectedVersion: number): never {
  return util.error(`Job ${job.id} has changed since version ${expectedVersion}`, 'ConcurrentModification', null, {
    currentVersion: job.version,
    currentStatus: job.status,
  });
}

export function request(ctx: Context<unknown, JobChange, { result: JobRecord }>) {
  const job = ctx.prev.result;
  const { expectedVersion, transition } = ctx.stash;
  if (job.version !== expectedVersion) concurrent(job, expectedVersion);
  if (transition && job.status !== transition.from) {
    util.error(`A ${job.status} job cannot become ${transition.to}`, 'InvalidTransition', null, { from: job.status, to: transition.to });
  }
  if (!transition && job.status === 'CLOSED') util.error(`Job ${job.id} is closed and cannot change`, 'JobClosed', null, { jobId: job.id, status: job.status });
  return Jobs.save(job, ctx.stash.changes, transition ? transition.to : job.status, util.time.nowISO8601());
}

export function response(ctx: Context<unknown, JobChange, { result: JobRecord }, undefined, JobRecord | null>): JobRecord {
  if (ctx.error) {
    // A failed re-read comes back as its own error (never as a missing item).
    if (ctx.error.type !== 'DynamoDB:ConditionalCheckFailedException') raise(ctx.error);
    // After a failed condition the data source re-reads the job: another change came first.
    const current = ctx.result;
    if (!current) util.error(`Job ${ctx.stash.jobId} does not exist`, 'NotFound', null, { jobId: ctx.stash.jobId });
    concurrent(current, ctx.stash.expectedVersion);
  }
  return ctx.result!;
}
