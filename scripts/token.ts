/**
 * `npm run token -- --role <admin|recruiter|candidate> [--company <id>] [--email <e>]`: a sign-in
 * token for the local stack (12 hours), signed with the key `npm start` keeps in DYNAMODB_DATA_DIR
 * (default .dynamodb), printed as the last line. `--email` picks the user (the same email is the
 * same user every time); by default the local admin, recruiter or candidate `npm start` prints.
 * A recruiter with `--company` is made a recruiter of that company (by their email) through the
 * running stack's API (API_URL, default http://127.0.0.1:$PORT/graphql), if not one already.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localDevAuth, localToken, localUser, type LocalRole } from './lib/dev-auth.ts';
import { addRecruiter } from './lib/seed.ts';
import { serviceDir } from './lib/serverless.ts';

const ROLES: LocalRole[] = ['admin', 'recruiter', 'candidate'];
const usage = 'Usage: npm run token -- --role <admin|recruiter|candidate> [--company <id>] [--email <e>]';

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

let values: { role?: string; company?: string; email?: string };
try {
  ({ values } = parseArgs({ options: { role: { type: 'string' }, company: { type: 'string' }, email: { type: 'string' } } }));
} catch (error) {
  fail((error as Error).message);
}
const role = values.role as LocalRole;
if (!ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
if (values.company && role !== 'recruiter') fail('--company is for a recruiter: admins reach every company, candidates none');

const dataDir = resolve(serviceDir, process.env.DYNAMODB_DATA_DIR ?? '.dynamodb');
const user = localUser(role, values.email);
if (values.company) {
  const url = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}/graphql`;
  try {
    await addRecruiter(url, values.company, user.email, { authorization: localDevAuth(dataDir).token });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    fail(cause?.code === 'ECONNREFUSED' ? `No API answers at ${url}: start the local stack with npm start first` : (error as Error).message);
  }
  console.error(`${user.email} is a recruiter of company ${values.company}.`);
}
console.error(`A token of ${user.email} (${user.groups.join(', ')}), valid for 12 hours:`);
console.log(localToken(dataDir, user));
