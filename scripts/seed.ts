/**
 * `npm run seed`: adds the sample companies and jobs to a running API through its GraphQL
 * mutations (each run adds another copy). API_URL defaults to the local stack's endpoint.
 */
import { seed } from './lib/seed.ts';

const url = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}/graphql`;
const counts = await seed(url);
console.log(`Seeded ${counts.companies} companies and ${counts.jobs} jobs through ${url}`);
