// Mutation.createJob: posts a job for an existing company. Pipeline: requireCompany → putJob.
import type { JobRecord } from '../../data/jobs';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';
import { fn } from '../../runtime/resolver';
import * as putJob from '../../functions/putJob';
import * as requireCompany from '../../functions/requireCompany';

export const functions = [fn('requireCompany', requireCompany), fn('putJob', putJob)];

export function request(ctx: ResolverContext<'Mutation.createJob', unknown, { companyId?: string }>) {
  ctx.stash.companyId = ctx.args.input.companyId;
  return {};
}

export function response(ctx: ResolverContext<'Mutation.createJob', unknown, Record<string, unknown>, { result: JobRecord }>): FieldResult<'Mutation.createJob'> {
  return ctx.prev.result;
}
