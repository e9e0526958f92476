import { beforeAll, describe, expect, it } from 'vitest';
import { createHiringApi, type HiringApi } from '../helpers/hiring';

let hiring: HiringApi;

beforeAll(async () => {
  hiring = await createHiringApi();
});

describe('knownOperationTypesRule', () => {
  it('answers a subscription from a signed-in user (the schema has none) with a 400 ValidationError before anything runs', async () => {
    const { status, body } = await hiring.api.graphql('subscription { onJob { id } }', undefined, hiring.recruiter);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'ValidationError', message: 'The schema has no subscription operations.' })]);
  });

  it('lets queries and mutations through', async () => {
    const { status, body } = await hiring.api.graphql('{ __typename }', undefined, hiring.recruiter);
    expect({ status, body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const created = await hiring.api.graphql('mutation { createCompany(input: { name: "Acme" }) { name } }', undefined, hiring.admin);
    expect(created.body).toEqual({ data: { createCompany: { name: 'Acme' } } });
  });
});
