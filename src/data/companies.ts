/** Companies: the stored record and pure request builders. */
import { util } from '@aws-appsync/utils';
import { allCompanies, companyIndexKeys, companyKey, GSI1 } from './keys';
import { LIMITS, requiredText, webAddress } from './limits';
import { page } from './pages';

export interface CompanyRecord {
  PK: string;
  SK: string;
  __typename: 'Company';
  id: string;
  name: string;
  website?: string | null;
  createdAt: string;
}

/**
 * A company to register, checked against the schema's limits: the name trimmed, 1 to
 * {@link LIMITS.companyName} characters; the website http(s), at most {@link LIMITS.website}.
 */
export function companyInput(input: { name: string; website?: string | null }): { name: string; website: string | null } {
  return { name: requiredText('name', input.name, LIMITS.companyName), website: webAddress('website', input.website) };
}

export const Companies = {
  get(id: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(companyKey(id)) };
  },

  /** Creates the company; the condition makes a colliding id fail instead of overwriting. */
  create(company: Omit<CompanyRecord, 'PK' | 'SK' | '__typename'>) {
    const { PK, SK } = companyKey(company.id);
    return {
      operation: 'PutItem' as const,
      key: util.dynamodb.toMapValues({ PK, SK }),
      attributeValues: util.dynamodb.toMapValues({ ...company, ...companyIndexKeys(company.name, company.id), __typename: 'Company' }),
      condition: { expression: 'attribute_not_exists(PK)' },
    };
  },

  /** A page of every company, by name regardless of letter case. */
  list(limit?: number | null, nextToken?: string | null) {
    const { GSI1PK, prefix } = allCompanies();
    return {
      operation: 'Query' as const,
      index: GSI1,
      query: {
        expression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        expressionValues: util.dynamodb.toMapValues({ ':pk': GSI1PK, ':prefix': prefix }),
      },
      scanIndexForward: true,
      ...page(limit, nextToken),
    };
  },
};
