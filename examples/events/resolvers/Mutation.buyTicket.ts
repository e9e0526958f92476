// Mutation.buyTicket: the ticket the pipeline (prepareTicket, loadEvent, issueCode, recordTicket) wrote.
import type { Context } from '@aws-appsync/utils';

export function request() {
  return {};
}

export function response(ctx: Context) {
  return ctx.prev.result;
}
