// Mutation.createJob: posts a job for an existing company. Pipeline: requireCompany → putJob.
import type { Context } from '@aws-appsync/utils';
import { fn } from '../../runtime/resolver';
import * as putJob from '../../functions/putJob';
import * as requireCompany from '../../functions/requireCompany';

export type CreateJobArgs = {
  input: { companyId: string; title: string; description?: string | null; location?: string | null; status?: 'DRAFT' | 'OPEN' | 'CLOSED' | null };
};

export const functions = [fn('requireCompany', requireCompany), fn('putJob', putJob)];

export function request(ctx: Context<CreateJobArgs>) {
  ctx.stash.companyId = ctx.args.input.companyId;
  return {};
}

export function response(ctx: Context<CreateJobArgs>) {
  return ctx.prev.result;
}
