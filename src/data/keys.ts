/**
 * The single-table key layout. Every entity lives in one table with generic keys; the layout is
 * chosen from the access patterns below, each served by one GetItem or one Query.
 *
 * | entity      | PK                              | SK    | GSI1PK              | GSI1SK                                 | GSI2PK              | GSI2SK                         |
 * |-------------|---------------------------------|-------|---------------------|----------------------------------------|---------------------|--------------------------------|
 * | Company     | COMPANY#<id>                    | #META | COMPANIES           | NAME#<lower-cased name>#<id>           | —                   | —                              |
 * | Job         | JOB#<id>                        | #META | COMPANY#<companyId> | JOB#<createdAt>#<id>                   | —                   | —                              |
 * | job counts  | JOB#<id>                        | #COUNTS | —                 | —                                      | —                   | —                              |
 * | Candidate   | CANDIDATE#<id>                  | #META | USER#<sub>ᵃ         | CANDIDATE#<id>ᵃ                        | —                   | —                              |
 * | email guard | EMAIL#<lower-cased email>       | #META | —                   | —                                      | —                   | —                              |
 * | user guard  | USER#<sub>                      | #META | —                   | —                                      | —                   | —                              |
 * | Application | APPLICATION#<id>                | #META | JOB#<jobId>         | STAGE#<rank>#<stage>#<enteredAt>#<id>  | CANDIDATE#<candId>  | APPLICATION#<appliedAt>#<id>   |
 * | apply guard | APPLIED#<jobId>#<candidateId>   | #META | —                   | —                                      | —                   | —                              |
 * | Note        | APPLICATION#<applicationId>     | NOTE#<createdAt>#<id> | —   | —                                      | —                   | —                              |
 * | recruiter   | COMPANY#<companyId>             | RECRUITER#<principal>ᵇ | —  | —                                      | —                   | —                              |
 * | recruiter's company | RECRUITER#<principal>ᵇ  | COMPANY#<companyId> | —     | —                                      | —                   | —                              |
 * | known candidate | CANDIDATE#<candidateId>     | COMPANY#<companyId> | —     | —                                      | —                   | —                              |
 *
 * ᵃ only on a candidate linked to a signed-in user (its `userId`, the user's Cognito `sub`).
 * ᵇ a recruiter is named by user, `USER#<sub>`, or by the email they sign in with, `EMAIL#<lower-cased email>`.
 *
 * Tenancy (docs/tenancy.md): a company's recruiters are items in the company's partition, each with an
 * inverse item in the recruiter's own partition (the companies a recruiter works for), both written and
 * deleted in one transaction. A company knows a candidate it registered or who applied to one of its
 * jobs: an item in the candidate's partition, written with the candidate or the application.
 *
 * A job's application counters (`applicationCount`, `stageCount_<STAGE>`) live in their own small item,
 * JOB#<id> / #COUNTS, which carries no index keys: every application, move and withdrawal changes it
 * with `ADD` in its transaction, and DynamoDB bills a write by the size of the item written (twice in
 * a transaction), so counting on the job item itself would bill the whole job description each time.
 * `ADD` creates the item with the first application; a job without one has no applications.
 *
 * Open jobs also carry the keys of three sparse indexes, set while the job is OPEN and removed when it
 * closes, so the public job board reads only OPEN jobs, newest first, with no Scan and no filter on status:
 *
 * | index | partition key                              | sort key (all three)   | serves                                   |
 * |-------|--------------------------------------------|------------------------|------------------------------------------|
 * | GSI3  | GSI3PK = OPEN                              | GSI3SK = <createdAt>#<id> | every open job                         |
 * | GSI4  | GSI4PK = OPEN#COMPANY#<companyId>          | GSI4SK = <createdAt>#<id> | a company's open jobs                  |
 * | GSI5  | GSI5PK = OPEN#LOCATION#<location key>      | GSI5SK = <createdAt>#<id> | open jobs at a location (jobs with one)|
 *
 * `<location key>` is the location trimmed, lower-cased, with runs of spaces as one ({@link locationKey}), so
 * "Lyon, France" and " lyon,  FRANCE" are one place.
 *
 * Access patterns:
 * 1. Company by id ............ GetItem PK=COMPANY#id, SK=#META
 * 2. Job by id ................ GetItem PK=JOB#id, SK=#META
 * 3. Jobs of a company, newest first ... Query GSI1 GSI1PK=COMPANY#id, begins_with(GSI1SK, JOB#), descending
 * 4. Candidate by id .......... GetItem PK=CANDIDATE#id, SK=#META
 * 5. One candidate per email .. the guard item EMAIL#<lower-cased>, written in the candidate's transaction
 * 6. Application by id ........ GetItem PK=APPLICATION#id, SK=#META
 * 7. Applications of a job in one stage, longest in that stage first ... Query GSI1 GSI1PK=JOB#jobId,
 *    begins_with(GSI1SK, STAGE#<rank>#<stage>#), ascending
 * 8. Applications of a job, all stages, in pipeline order then longest in stage first ... Query GSI1
 *    GSI1PK=JOB#jobId, begins_with(GSI1SK, STAGE#), ascending
 * 9. Applications of a candidate, newest first ... Query GSI2 GSI2PK=CANDIDATE#id, begins_with(GSI2SK, APPLICATION#), descending
 * 10. One application per candidate and job ... the guard item APPLIED#<jobId>#<candidateId>, written in the
 *    application's transaction
 * 11. The candidate linked to a user (`me`) ... Query GSI1 GSI1PK=USER#sub, begins_with(GSI1SK, CANDIDATE#)
 * 12. One candidate per user .. the guard item USER#<sub>, written in the linking transaction
 * 13. Candidate by email (any letter case) ... GetItem EMAIL#<lower-cased>, then GetItem CANDIDATE#<its candidateId>
 * 14. Notes of an application, newest first ... Query PK=APPLICATION#id, begins_with(SK, NOTE#), descending
 * 15. Companies by name ........ Query GSI1 GSI1PK=COMPANIES, begins_with(GSI1SK, NAME#), ascending
 * 16. Open jobs, newest first ... Query GSI3 GSI3PK=OPEN, descending
 * 17. A company's open jobs, newest first ... Query GSI4 GSI4PK=OPEN#COMPANY#id, descending
 * 18. Open jobs at a location, newest first ... Query GSI5 GSI5PK=OPEN#LOCATION#<location key>, descending
 * 19. A job's application counts (a board header) ... GetItem PK=JOB#id, SK=#COUNTS; a page of jobs reads
 *    its counts items in one BatchGetItem (GetItems issued together are coalesced)
 * 20. Whether a user (or an email) is a recruiter of a company ... GetItem PK=COMPANY#id, SK=RECRUITER#<principal>
 *    (the checks of the fields of a page, issued together, are coalesced)
 * 21. A company's recruiters ... Query PK=COMPANY#id, begins_with(SK, RECRUITER#)
 * 22. The companies a recruiter works for ... Query PK=RECRUITER#<principal>, begins_with(SK, COMPANY#)
 * 23. A candidate with the companies that know it ... Query PK=CANDIDATE#id (#META sorts before COMPANY#)
 *
 * Job, application and candidate GSI1 partitions never mix: a job's GSI1PK is COMPANY#…, an
 * application's JOB#…, a linked candidate's USER#…. An application's notes share its partition.
 * `<rank>` is the stage's one-digit position in the pipeline, so a job's applications list in
 * pipeline order; `<enteredAt>` is when the application entered its current stage.
 */
import tableDefinition from './table.json';

export { tableDefinition };

export const GSI1 = 'GSI1';
export const GSI2 = 'GSI2';
/** Sparse: every OPEN job. */
export const GSI3 = 'GSI3';
/** Sparse: OPEN jobs by company. */
export const GSI4 = 'GSI4';
/** Sparse: OPEN jobs by location. */
export const GSI5 = 'GSI5';
/** The API's table by its logical name, as transaction items name it (contract DDB-05). */
export const TABLE = 'main';
export const META = '#META';
/** Sort key of a job's counts item. */
export const COUNTS = '#COUNTS';

export type Key = { PK: string; SK: string };

export const companyKey = (id: string): Key => ({ PK: `COMPANY#${id}`, SK: META });
/** GSI1 keys of a company: every company in one partition, by name regardless of letter case. */
export const companyIndexKeys = (name: string, id: string) => ({ GSI1PK: 'COMPANIES', GSI1SK: `NAME#${name.toLowerCase()}#${id}` });
export const allCompanies = () => ({ GSI1PK: 'COMPANIES', prefix: 'NAME#' });
export const jobKey = (id: string): Key => ({ PK: `JOB#${id}`, SK: META });
/** The item holding a job's application counters (see the header). */
export const jobCountsKey = (id: string): Key => ({ PK: `JOB#${id}`, SK: COUNTS });
export const jobsOfCompany = (companyId: string) => ({ GSI1PK: `COMPANY#${companyId}`, prefix: 'JOB#' });
export const jobIndexKeys = (companyId: string, createdAt: string, id: string) => ({
  GSI1PK: `COMPANY#${companyId}`,
  GSI1SK: `JOB#${createdAt}#${id}`,
});

/** A location as the board matches it: trimmed, lower-cased, runs of spaces as one (APPSYNC_JS has no regular expressions). */
export const locationKey = (location: string) =>
  location
    .trim()
    .toLowerCase()
    .split(' ')
    .filter((part) => part !== '')
    .join(' ');

/** The sparse board index keys of an OPEN job (see the header); a job in another status has none. */
export const openJobIndexKeys = (job: { id: string; companyId: string; createdAt: string; location?: string | null }) => {
  const sortKey = `${job.createdAt}#${job.id}`;
  const place = job.location ? locationKey(job.location) : '';
  return {
    GSI3PK: 'OPEN',
    GSI3SK: sortKey,
    GSI4PK: `OPEN#COMPANY#${job.companyId}`,
    GSI4SK: sortKey,
    ...(place ? { GSI5PK: `OPEN#LOCATION#${place}`, GSI5SK: sortKey } : {}),
  };
};
export const OPEN_JOB_INDEX_ATTRIBUTES = ['GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK', 'GSI5PK', 'GSI5SK'] as const;
export const openJobs = () => ({ index: GSI3, partition: { name: 'GSI3PK', value: 'OPEN' } });
export const openJobsOfCompany = (companyId: string) => ({ index: GSI4, partition: { name: 'GSI4PK', value: `OPEN#COMPANY#${companyId}` } });
export const openJobsAt = (location: string) => ({ index: GSI5, partition: { name: 'GSI5PK', value: `OPEN#LOCATION#${locationKey(location)}` } });

export const candidateKey = (id: string): Key => ({ PK: `CANDIDATE#${id}`, SK: META });
/** The guard item that keeps candidate emails unique, case-insensitively. */
export const emailKey = (email: string): Key => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: META });

/** GSI1 keys of a candidate linked to the user `sub`. */
export const candidateUserKeys = (sub: string, id: string) => ({ GSI1PK: `USER#${sub}`, GSI1SK: `CANDIDATE#${id}` });
export const candidateOfUser = (sub: string) => ({ GSI1PK: `USER#${sub}`, prefix: 'CANDIDATE#' });
/** The guard item that links a user to at most one candidate. */
export const userKey = (sub: string): Key => ({ PK: `USER#${sub}`, SK: META });
/** The partition of a candidate: the candidate itself (#META) and the companies that know it (COMPANY#<id>). */
export const candidatePartition = (id: string) => ({ PK: `CANDIDATE#${id}` });
/** The item saying that a company knows a candidate (registered them, or had their application). */
export const candidateCompanyKey = (candidateId: string, companyId: string): Key => ({ PK: `CANDIDATE#${candidateId}`, SK: `COMPANY#${companyId}` });

/** A recruiter named by user (Cognito `sub`). */
export const userPrincipal = (sub: string) => `USER#${sub}`;
/** A recruiter named by the email they sign in with, in any letter case. */
export const emailPrincipal = (email: string) => `EMAIL#${email.toLowerCase()}`;
/** A company's recruiter, in the company's partition. */
export const recruiterKey = (companyId: string, principal: string): Key => ({ PK: `COMPANY#${companyId}`, SK: `RECRUITER#${principal}` });
export const recruitersOfCompany = (companyId: string) => ({ PK: `COMPANY#${companyId}`, prefix: 'RECRUITER#' });
/** The inverse of {@link recruiterKey}: a company the recruiter works for, in the recruiter's partition. */
export const recruiterCompanyKey = (principal: string, companyId: string): Key => ({ PK: `RECRUITER#${principal}`, SK: `COMPANY#${companyId}` });
export const companiesOfRecruiter = (principal: string) => ({ PK: `RECRUITER#${principal}`, prefix: 'COMPANY#' });

export const applicationKey = (id: string): Key => ({ PK: `APPLICATION#${id}`, SK: META });
/** The guard item that allows one application per candidate and job. */
export const appliedKey = (jobId: string, candidateId: string): Key => ({ PK: `APPLIED#${jobId}#${candidateId}`, SK: META });

/** A note on an application, in the application's partition: newest last by sort key. */
export const noteKey = (applicationId: string, createdAt: string, id: string): Key => ({ PK: `APPLICATION#${applicationId}`, SK: `NOTE#${createdAt}#${id}` });
export const notesOfApplication = (applicationId: string) => ({ PK: `APPLICATION#${applicationId}`, prefix: 'NOTE#' });

/** Pipeline position of each stage: the rank in GSI1SK that orders a job's applications. */
export const STAGE_RANK: Readonly<Record<string, number>> = {
  APPLIED: 1,
  SCREEN: 2,
  INTERVIEW: 3,
  OFFER: 4,
  HIRED: 5,
  REJECTED: 6,
  WITHDRAWN: 7,
};

const stagePrefix = (stage: string) => `STAGE#${STAGE_RANK[stage]}#${stage}#`;

/** GSI1SK of an application: its stage, then when it entered that stage. */
export const applicationStageSortKey = (stage: string, enteredAt: string, id: string) => `${stagePrefix(stage)}${enteredAt}#${id}`;

export const applicationIndexKeys = (application: { id: string; jobId: string; candidateId: string; stage: string; appliedAt: string }, enteredAt: string) => ({
  GSI1PK: `JOB#${application.jobId}`,
  GSI1SK: applicationStageSortKey(application.stage, enteredAt, application.id),
  GSI2PK: `CANDIDATE#${application.candidateId}`,
  GSI2SK: `APPLICATION#${application.appliedAt}#${application.id}`,
});

/** The GSI1 partition and sort-key prefix of a job's applications, in one stage or in all. */
export const applicationsOfJob = (jobId: string, stage?: string | null) => ({
  GSI1PK: `JOB#${jobId}`,
  prefix: stage ? stagePrefix(stage) : 'STAGE#',
});
export const applicationsOfCandidate = (candidateId: string) => ({ GSI2PK: `CANDIDATE#${candidateId}`, prefix: 'APPLICATION#' });
