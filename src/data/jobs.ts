/** Jobs: the stored record and pure request builders. */
import { util } from '@aws-appsync/utils';
import { GSI1, jobIndexKeys, jobKey, jobsOfCompany } from './keys';
import { assertId, LIMITS, optionalText, requiredText } from './limits';
import { page } from './pages';

export type JobStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

export interface JobRecord {
  PK: string;
  SK: string;
  GSI1PK: string;
  GSI1SK: string;
  __typename: 'Job';
  id: string;
  companyId: string;
  title: string;
  description?: string | null;
  location?: string | null;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
}

/** A job to post, as {@link jobInput} returns it. */
export interface JobInput {
  companyId: string;
  title: string;
  description: string | null;
  location: string | null;
  status: JobStatus;
}

/** A job to post, checked against the schema's limits: the title trimmed, the rest as given; status DRAFT unless given. */
export function jobInput(input: { companyId: string; title: string; description?: string | null; location?: string | null; status?: JobStatus | null }): JobInput {
  assertId('companyId', input.companyId);
  return {
    companyId: input.companyId,
    title: requiredText('title', input.title, LIMITS.jobTitle),
    description: optionalText('description', input.description, LIMITS.jobDescription),
    location: optionalText('location', input.location, LIMITS.jobLocation),
    status: input.status ?? 'DRAFT',
  };
}

export const Jobs = {
  get(id: string) {
    return { operation: 'GetItem' as const, key: util.dynamodb.toMapValues(jobKey(id)) };
  },

  create(job: Omit<JobRecord, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | '__typename'>) {
    return {
      operation: 'PutItem' as const,
      key: util.dynamodb.toMapValues(jobKey(job.id)),
      attributeValues: util.dynamodb.toMapValues({
        ...job,
        ...jobIndexKeys(job.companyId, job.createdAt, job.id),
        __typename: 'Job',
      }),
      condition: { expression: 'attribute_not_exists(PK)' },
    };
  },

  /** A page of a company's jobs, newest first. */
  byCompany(companyId: string, limit?: number | null, nextToken?: string | null) {
    const { GSI1PK, prefix } = jobsOfCompany(companyId);
    return {
      operation: 'Query' as const,
      index: GSI1,
      query: {
        expression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        expressionValues: util.dynamodb.toMapValues({ ':pk': GSI1PK, ':prefix': prefix }),
      },
      scanIndexForward: false,
      ...page(limit, nextToken),
    };
  },
};
