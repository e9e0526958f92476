/**
 * `npm run seed`: adds the sample companies, jobs, candidates and applications to a running API through its GraphQL
 * mutations (each run adds another copy). API_URL defaults to the local stack's endpoint; AUTH_TOKEN
 * is an admin's sign-in token (default: one signed with the local stack's key).
 */
import { resolve } from 'node:path';
import { localDevAuth } from './lib/dev-auth.ts';
import { seed } from './lib/seed.ts';
import { serviceDir } from './lib/serverless.ts';

const url = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}/graphql`;
// AUTH_TOKEN (an admin's user-pool token) for another stage; the local stack's own key otherwise.
const token = process.env.AUTH_TOKEN ?? localDevAuth(resolve(serviceDir, process.env.DYNAMODB_DATA_DIR ?? '.dynamodb')).token;
const counts = await seed(url, undefined, { authorization: token });
console.log(
  `Seeded ${counts.companies} companies, ${counts.jobs} jobs, ${counts.candidates} candidates and ${counts.applications} applications through ${url}`,
);
