/**
 * The traffic mix `npm run cost` drives: per 100 operations of the SDK, what a hiring product's
 * traffic looks like, read-heavy and led by the public job board:
 *
 * | operation | per 100 | who |
 * |---|---|---|
 * | Job | 28 | job board (API key) |
 * | JobsByCompany | 20 | job board |
 * | Company (with its first page of jobs) | 15 | job board |
 * | ApplicationsByJob (a page of 20 with each candidate) | 12 | recruiter |
 * | Application (with its job and candidate) | 8 | recruiter |
 * | Candidate (with applications and their jobs) | 5 | recruiter |
 * | MoveApplication | 4 | recruiter |
 * | CreateCandidate | 3 | recruiter |
 * | ApplyToJob | 3 | recruiter |
 * | CreateJob | 1 | recruiter |
 * | CreateCompany | 1 | admin |
 */
export const TRAFFIC_MIX: Readonly<Record<string, number>> = {
  Job: 28,
  JobsByCompany: 20,
  Company: 15,
  ApplicationsByJob: 12,
  Application: 8,
  Candidate: 5,
  MoveApplication: 4,
  CreateCandidate: 3,
  ApplyToJob: 3,
  CreateJob: 1,
  CreateCompany: 1,
};

/** One round of the mix (100 operations), interleaved so each operation is spread over the round. */
export function mixRound(): string[] {
  const entries = Object.entries(TRAFFIC_MIX);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  // Each call of an operation gets the position (k + 0.5) / weight of the round: sorted, they interleave.
  return entries
    .flatMap(([name, weight]) => Array.from({ length: weight }, (_, k) => ({ name, at: (k + 0.5) / weight })))
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name))
    .slice(0, total)
    .map((call) => call.name);
}
