/**
 * Seeds a running API through its own GraphQL mutations, so the stored items are exactly what the
 * API writes (keys, index attributes, timestamps).
 */
import { seedCompanies, type SeedCompany } from './seed-data.ts';

const CREATE_COMPANY = /* GraphQL */ `
  mutation SeedCompany($input: CreateCompanyInput!) { createCompany(input: $input) { id } }
`;
const CREATE_JOB = /* GraphQL */ `
  mutation SeedJob($input: CreateJobInput!) { createJob(input: $input) { id } }
`;

async function mutate<T>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) {
    throw new Error(`Seeding failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/**
 * Creates `companies` and their jobs through the API at `url`; returns how many of each. `headers`
 * carry the credentials (an admin's `authorization` token: only admins register companies).
 */
export async function seed(
  url: string,
  companies: SeedCompany[] = seedCompanies,
  headers: Record<string, string> = {},
): Promise<{ companies: number; jobs: number }> {
  let jobs = 0;
  for (const { jobs: companyJobs, ...company } of companies) {
    const { createCompany } = await mutate<{ createCompany: { id: string } }>(url, CREATE_COMPANY, { input: company }, headers);
    for (const job of companyJobs) {
      await mutate(url, CREATE_JOB, { input: { ...job, companyId: createCompany.id } }, headers);
      jobs += 1;
    }
  }
  return { companies: companies.length, jobs };
}
