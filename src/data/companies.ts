/** Companies: the stored record and pure request builders. */
import { util } from '@aws-appsync/utils';
import { companyKey } from './keys';
import { LIMITS, requiredText, webAddress } from './limits';

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
      attributeValues: util.dynamodb.toMapValues({ ...company, __typename: 'Company' }),
      condition: { expression: 'attribute_not_exists(PK)' },
    };
  },
};
