// prepareTicket: the new ticket's id, holder and purchase time, in the stash. NONE data source.
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context<{ eventId: string; email: string }>) {
  ctx.stash.ticket = {
    id: util.autoId(),
    eventId: ctx.args.eventId,
    email: ctx.args.email.toLowerCase(),
    purchasedAt: util.time.nowISO8601(),
  };
  return { payload: ctx.stash.ticket };
}

export function response(ctx: Context) {
  return ctx.result;
}
