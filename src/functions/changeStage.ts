// changeStage: moves the application loaded by the previous step to ctx.stash.stage, and between its
// job's stage counts. TransactWriteItems: APPLICATION#id if still at its version + ADD to the job's
// counts item (JOB#jobId / #COUNTS).
import { util, type Context } from '@aws-appsync/utils';
import { Applications, MOVE_APPLICATION_ITEMS, TRANSITIONS, type ApplicationRecord, type Stage } from '../data/applications';
import { failedCondition, type TransactWriteResult } from '../data/transactions';
import { raise } from '../data/errors';

/** What the mutation asks for; `moveToken` is new for each move (see Applications.move). */
export type StageChangeRequest = { applicationId: string; stage: Stage; expectedVersion: number; moveToken: string; now: string; current: ApplicationRecord };

function concurrent(current: { id: string; version: number; stage: Stage }, expectedVersion: number): never {
  return util.error(`Application ${current.id} has changed since version ${expectedVersion}`, 'ConcurrentModification', null, {
    currentVersion: current.version,
    currentStage: current.stage,
  });
}

export function request(ctx: Context<unknown, StageChangeRequest, { result: ApplicationRecord }>) {
  const current = ctx.prev.result;
  const { stage, expectedVersion } = ctx.stash;
  if (current.version !== expectedVersion) concurrent(current, expectedVersion);
  if (!TRANSITIONS[current.stage].includes(stage)) {
    util.error(`An application in ${current.stage} cannot move to ${stage}`, 'InvalidTransition', null, { from: current.stage, to: stage });
  }
  ctx.stash.current = current;
  ctx.stash.now = util.time.nowISO8601();
  return Applications.move(current, stage, ctx.stash.now, ctx.stash.moveToken);
}

export function response(ctx: Context<unknown, StageChangeRequest, { result: ApplicationRecord }, undefined, TransactWriteResult>): ApplicationRecord {
  const { current, stage, expectedVersion, moveToken, now } = ctx.stash;
  if (ctx.error) {
    const reason = failedCondition(ctx.result, MOVE_APPLICATION_ITEMS.application);
    const latest = reason && reason.item ? (reason.item as unknown as ApplicationRecord) : null;
    if (reason && !latest) util.error(`Application ${current.id} does not exist`, 'NotFound', null, { id: current.id });
    if (latest) {
      // This very move committed, but its response was lost and a resend failed the condition.
      if (latest.moveToken === moveToken && latest.version === expectedVersion + 1) return latest;
      concurrent(latest, expectedVersion);
    }
    raise(ctx.error, ctx.result);
  }
  return Applications.moved(current, stage, now, moveToken);
}
