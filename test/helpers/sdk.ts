/**
 * The typed SDK (`@hiring/sdk`) against the hiring API over real HTTP, as a frontend uses it: one
 * client per caller (recruiter, admin, the job board's API key, or any signed-in user).
 */
import { createClient, type Client } from '@hiring/sdk';
import type { EventOptions } from '@appsync-lambda/test-support';
import type { HiringApi } from './hiring';
import { startLocalHttpApi } from './http-server';

export interface HiringSdk {
  recruiter: Client;
  admin: Client;
  jobBoard: Client;
  /** A client sending `caller`'s headers (e.g. `hiring.signedIn(['candidates'], { sub })`). */
  as(caller: EventOptions): Client;
  close(): Promise<void>;
}

export async function createHiringSdk(hiring: HiringApi): Promise<HiringSdk> {
  const server = await startLocalHttpApi((event) => hiring.api.invoke(event));
  const url = `${server.origin}/graphql`;
  const as = (caller: EventOptions) => createClient({ url, headers: { ...caller.headers } });
  return { recruiter: as(hiring.recruiter), admin: as(hiring.admin), jobBoard: as(hiring.jobBoard), as, close: () => server.close() };
}
