/**
 * The single-table key layout. Every entity lives in one table with generic keys; the layout is
 * chosen from the access patterns below, each served by one GetItem or one Query.
 *
 * | entity  | PK              | SK       | GSI1PK               | GSI1SK                    |
 * |---------|-----------------|----------|----------------------|---------------------------|
 * | Company | COMPANY#<id>    | #META    | —                    | —                         |
 * | Job     | JOB#<id>        | #META    | COMPANY#<companyId>  | JOB#<createdAt>#<id>      |
 *
 * Access patterns:
 * 1. Company by id ............ GetItem PK=COMPANY#id, SK=#META
 * 2. Job by id ................ GetItem PK=JOB#id, SK=#META
 * 3. Jobs of a company, newest first ... Query GSI1 GSI1PK=COMPANY#id, begins_with(GSI1SK, JOB#), descending
 *
 * GSI2 is reserved for the next entities (candidates and applications by stage).
 */
import tableDefinition from './table.json';

export { tableDefinition };

export const GSI1 = 'GSI1';
export const META = '#META';

export type Key = { PK: string; SK: string };

export const companyKey = (id: string): Key => ({ PK: `COMPANY#${id}`, SK: META });
export const jobKey = (id: string): Key => ({ PK: `JOB#${id}`, SK: META });
export const jobsOfCompany = (companyId: string) => ({ GSI1PK: `COMPANY#${companyId}`, prefix: 'JOB#' });
export const jobIndexKeys = (companyId: string, createdAt: string, id: string) => ({
  GSI1PK: `COMPANY#${companyId}`,
  GSI1SK: `JOB#${createdAt}#${id}`,
});
