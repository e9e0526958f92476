/**
 * The ticket-codes function: a Lambda of the events service that the API calls (its Lambda data
 * source) to issue the code printed on a ticket, an HMAC of the ticket and event ids with the
 * service's secret, so a door scanner holding the secret can check a code offline.
 */
import { createHmac } from 'node:crypto';

export interface TicketCodeRequest {
  ticketId: string;
  eventId: string;
}

/** The code of a ticket: 12 hex digits of the HMAC, in groups of four for reading aloud. */
export function ticketCode(secret: string, { ticketId, eventId }: TicketCodeRequest): string {
  const digest = createHmac('sha256', secret).update(`${eventId}/${ticketId}`).digest('hex').toUpperCase();
  return [0, 4, 8].map((start) => digest.slice(start, start + 4)).join('-');
}

/** The Lambda handler: `{ ticketId, eventId }` → `{ code }`. */
export function createTicketCodesHandler(secret: string) {
  if (!secret) throw new Error('TICKET_CODE_SECRET must be set');
  return async (event: TicketCodeRequest): Promise<{ code: string }> => {
    if (typeof event?.ticketId !== 'string' || typeof event?.eventId !== 'string') throw new Error('A ticket code needs ticketId and eventId');
    return { code: ticketCode(secret, event) };
  };
}

/** The deployed entry; the secret is read on the first call, so a missing one fails that call. */
let deployed: ReturnType<typeof createTicketCodesHandler> | undefined;
export const handler = (event: TicketCodeRequest) => (deployed ??= createTicketCodesHandler(process.env.TICKET_CODE_SECRET ?? ''))(event);
