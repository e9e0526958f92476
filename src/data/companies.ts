/** Companies: the stored record and pure request builders. */
import { util } from '@aws-appsync/utils';
import { companyKey } from './keys';

export interface CompanyRecord {
  PK: string;
  SK: string;
  __typename: 'Company';
  id: string;
  name: string;
  website?: string | null;
  createdAt: string;
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
