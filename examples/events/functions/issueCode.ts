// issueCode: the code printed on the ticket, from the ticket-codes function. Lambda Invoke.
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  const { id, eventId } = ctx.stash.ticket;
  return { operation: 'Invoke', payload: { ticketId: id, eventId } };
}

export function response(ctx: Context) {
  if (ctx.error) util.error('No ticket code could be issued', 'TicketCodeUnavailable');
  ctx.stash.ticket.code = ctx.result.code;
  return ctx.result;
}
