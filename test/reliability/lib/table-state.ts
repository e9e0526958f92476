/**
 * The whole table, read straight from DynamoDB Local, checked for half-done writes: every
 * application with its guard (and every guard with its application), every candidate with its
 * email guard, index keys that agree with the item, versions that agree with the history, and job
 * counts (in each job's counts item, JOB#<id> / #COUNTS) that agree with the job's applications (the
 * board's index keys with its status). Tenancy: every application carries its job's company, which
 * knows its candidate; every membership has its inverse item and the other way round.
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  applicationIndexKeys,
  appliedKey,
  candidateCompanyKey,
  candidateKey,
  companyKey,
  COUNTS,
  emailKey,
  jobCountsKey,
  jobKey,
  META,
  recruiterCompanyKey,
  recruiterKey,
  STAGE_RANK,
} from '../../../src/data/keys';

/** The tenancy items (src/data/keys.ts), told apart by their type rather than their partition. */
const TENANCY_KINDS = ['CandidateCompany', 'CompanyRecruiter', 'RecruiterCompany'];

type Item = Record<string, any>;

export async function scanTable(doc: DynamoDBDocumentClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export interface TableReport {
  counts: Record<string, number>;
  /** One line per inconsistency: each is a partial write. */
  partialWrites: string[];
}

/** Checks every item against the others (see the header). */
export function checkTable(items: Item[]): TableReport {
  const byKey = new Map(items.map((item) => [`${item.PK}|${item.SK}`, item]));
  const get = (key: { PK: string; SK: string }) => byKey.get(`${key.PK}|${key.SK}`);
  const counts: Record<string, number> = {};
  const partialWrites: string[] = [];
  const problem = (item: Item, what: string) => partialWrites.push(`${item.PK}: ${what}`);

  for (const item of items) {
    const partition = String(item.PK).split('#')[0]!;
    const kind = TENANCY_KINDS.includes(item.__typename) ? item.__typename : partition === 'JOB' && item.SK === COUNTS ? 'JOB_COUNTS' : partition;
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (item.SK !== META && kind !== 'JOB_COUNTS' && !TENANCY_KINDS.includes(kind)) problem(item, `unexpected sort key ${item.SK}`);
    switch (kind) {
      case 'APPLICATION': {
        const guard = get(appliedKey(item.jobId, item.candidateId));
        if (guard?.applicationId !== item.id) problem(item, `its guard names ${guard?.applicationId ?? 'nothing'}`);
        if (!get(jobKey(item.jobId))) problem(item, `its job ${item.jobId} does not exist`);
        if (!get(candidateKey(item.candidateId))) problem(item, `its candidate ${item.candidateId} does not exist`);
        if (item.companyId !== get(jobKey(item.jobId))?.companyId) problem(item, `company ${item.companyId}, not its job's`);
        if (!get(candidateCompanyKey(item.candidateId, item.companyId))) problem(item, `its company ${item.companyId} does not know its candidate`);
        const history: Array<{ stage: string; at: string }> = item.history ?? [];
        if (item.version !== history.length) problem(item, `version ${item.version} with ${history.length} history entries`);
        const last = history.at(-1);
        if (last?.stage !== item.stage) problem(item, `stage ${item.stage} but history ends in ${last?.stage}`);
        if (history[0]?.stage !== 'APPLIED') problem(item, 'history does not start in APPLIED');
        for (let i = 1; i < history.length; i++) {
          if (STAGE_RANK[history[i]!.stage]! <= STAGE_RANK[history[i - 1]!.stage]!) problem(item, `history goes back: ${history.map((h) => h.stage).join(' → ')}`);
        }
        const keys = applicationIndexKeys(item as { id: string; jobId: string; candidateId: string; stage: string; appliedAt: string }, last?.at ?? '');
        for (const [name, value] of Object.entries(keys)) if (item[name] !== value) problem(item, `${name} ${item[name]} instead of ${value}`);
        break;
      }
      case 'APPLIED': {
        const application = byKey.get(`APPLICATION#${item.applicationId}|${META}`);
        if (!application) problem(item, `guards application ${item.applicationId}, which does not exist`);
        else if (item.PK !== appliedKey(application.jobId, application.candidateId).PK) problem(item, `guards application ${item.applicationId} of another pair`);
        break;
      }
      case 'CANDIDATE': {
        const guard = get(emailKey(item.email));
        if (guard?.candidateId !== item.id) problem(item, `its email guard names ${guard?.candidateId ?? 'nothing'}`);
        break;
      }
      case 'EMAIL': {
        const candidate = get(candidateKey(item.candidateId));
        if (!candidate) problem(item, `guards candidate ${item.candidateId}, which does not exist`);
        else if (emailKey(candidate.email).PK !== item.PK) problem(item, `guards candidate ${item.candidateId} of another email`);
        break;
      }
      case 'JOB': {
        if (!byKey.get(`COMPANY#${item.companyId}|${META}`)) problem(item, `its company ${item.companyId} does not exist`);
        if (item.GSI1PK !== `COMPANY#${item.companyId}`) problem(item, `GSI1PK ${item.GSI1PK}`);
        const applications = items.filter((other) => String(other.PK).startsWith('APPLICATION#') && other.jobId === item.id);
        // A job without a counts item has had no application (the first one's transaction makes it).
        const tally = get(jobCountsKey(item.id)) ?? {};
        if ((tally.applicationCount ?? 0) !== applications.length) problem(item, `applicationCount ${tally.applicationCount} with ${applications.length} applications`);
        for (const stage of Object.keys(STAGE_RANK)) {
          const inStage = applications.filter((application) => application.stage === stage).length;
          if ((tally[`stageCount_${stage}`] ?? 0) !== inStage) problem(item, `stageCount_${stage} ${tally[`stageCount_${stage}`]} with ${inStage} applications in ${stage}`);
        }
        if ('applicationCount' in item || Object.keys(item).some((name) => name.startsWith('stageCount_'))) problem(item, 'counters on the job item');
        if ((item.GSI3PK === 'OPEN') !== (item.status === 'OPEN')) problem(item, `board key ${item.GSI3PK} on a ${item.status} job`);
        break;
      }
      case 'JOB_COUNTS': {
        if (!get(jobKey(String(item.PK).slice('JOB#'.length)))) problem(item, 'counts of a job that does not exist');
        const indexed = Object.keys(item).filter((name) => /^GSI\d/.test(name));
        if (indexed.length) problem(item, `index keys ${indexed.join(', ')} on a counts item`);
        break;
      }
      case 'COMPANY':
        break;
      case 'CandidateCompany':
        if (!get(candidateKey(item.candidateId))) problem(item, `known candidate ${item.candidateId} does not exist`);
        if (!get(companyKey(item.companyId))) problem(item, `knowing company ${item.companyId} does not exist`);
        break;
      case 'CompanyRecruiter':
        if (!get(recruiterCompanyKey(item.principal, item.companyId))) problem(item, `recruiter ${item.principal} without its inverse item`);
        break;
      case 'RecruiterCompany':
        if (!get(recruiterKey(item.companyId, item.principal))) problem(item, `inverse item of no membership of ${item.companyId}`);
        break;
      default:
        problem(item, 'an item of no known kind');
    }
  }
  return { counts, partialWrites };
}
