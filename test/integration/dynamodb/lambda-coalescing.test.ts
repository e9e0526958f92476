import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../../helpers/api';

let api: TestApi;
const sent: string[] = [];
beforeAll(async () => {
  api = await createTestApi();
  // Record each command the handler's client sends; the real client still runs it.
  const send = api.db.doc.send.bind(api.db.doc) as (command: unknown) => Promise<unknown>;
  api.db.doc.send = ((command: { constructor: { name: string } }) => {
    sent.push(command.constructor.name);
    return send(command);
  }) as unknown as typeof api.db.doc.send;
});

const CREATE = 'mutation ($name: String!) { createCompany(input: { name: $name }) { id } }';

describe('GetItem coalescing through the Lambda handler', () => {
  it('DDB-10 answers several Query.company fields of one request with one BatchGetItem call', async () => {
    const ids: string[] = [];
    for (const name of ['Acme', 'Globex', 'Initech']) {
      const { body } = await api.graphql(CREATE, { name });
      ids.push(body.data!.createCompany.id);
    }
    sent.length = 0;
    const { body } = await api.graphql(
      'query ($a: ID!, $b: ID!, $c: ID!) { a: company(id: $a) { name } b: company(id: $b) { name } c: company(id: $c) { name } d: company(id: "missing") { name } }',
      { a: ids[0], b: ids[1], c: ids[2] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: { name: 'Acme' }, b: { name: 'Globex' }, c: { name: 'Initech' }, d: null });
    expect(sent).toEqual(['BatchGetCommand']);
  });
});
