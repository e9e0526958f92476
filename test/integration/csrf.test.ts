import { describe, expect, it } from 'vitest';
import { createTestApi } from '../helpers/api';
import { httpApiEvent } from '@appsync-lambda/test-support';

describe('CSRF prevention', () => {
  const get = (headers: Record<string, string>) => httpApiEvent({ method: 'GET', query: { query: '{ company(id: "x") { id } }' }, headers });

  it('refuses a GET a browser could send cross-origin without a preflight (no credentials or preflight header)', async () => {
    const api = await createTestApi();
    const answer = await api.invoke(get({}));
    expect(answer.statusCode).toBe(400);
    const body = JSON.parse(String(answer.body));
    expect(body.errors[0]).toMatchObject({ errorType: 'BadRequest' });
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('runs a GET that carries authorization, x-api-key or an Apollo preflight header: browsers preflight those', async () => {
    const api = await createTestApi();
    const preflighted: Array<Record<string, string>> = [{ authorization: 'token' }, { 'x-api-key': 'key' }, { 'apollo-require-preflight': 'true' }, { 'x-apollo-operation-name': 'Q' }];
    for (const headers of preflighted) {
      const answer = await api.invoke(get(headers));
      expect(answer.statusCode, JSON.stringify(headers)).toBe(200);
      expect(JSON.parse(String(answer.body))).toEqual({ data: { company: null } });
    }
  });
});
