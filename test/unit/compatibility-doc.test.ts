// Keeps docs/appsync-compatibility.md honest: every behaviour it calls supported is cited by a test
// title, every file it names exists and mentions the item, every unsupported item says why.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = join(ROOT, 'docs/appsync-compatibility.md');
const ID = /\b(?:CTX|EXE|UTIL|DDB|HTTP|MOD|LANG|AUTH|SCAL|LIM|GAP)-[A-Z0-9]+[a-z]?\b/g;
/** Where the tests live: the application's, and the engine's own. */
const TEST_DIRS = ['test/', 'packages/engine/test/'];
const ID_CELL = /^(?:CTX|EXE|UTIL|DDB|HTTP|MOD|LANG|AUTH|SCAL|LIM|GAP)-[A-Z0-9]+[a-z]?$/;
// `it(`, `test(`, `describe(` (optionally `.each(...)`) followed by a quoted title.
const TITLE = /\b(?:it|test|describe)(?:\.each\([\s\S]*?\))?\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*?)\1/g;
const STATUSES = ['Supported with a documented difference', 'Supported', 'Not yet supported', 'Unsupported'] as const;
const RELEVANCE = new Set(['essential', 'secondary', 'not needed', 'reference', 'decision']);

type Status = (typeof STATUSES)[number];

/** One table row of the document. */
interface CompatibilityRow {
  line: number;
  id: string;
  relevance: string;
  status: Status | undefined;
  /** What follows the status word: the difference or the reason. */
  detail: string;
  files: string[];
}

/** Rows of every table in the document whose first cell is an item ID. */
function parseCompatibilityDoc(text: string): CompatibilityRow[] {
  const rows: CompatibilityRow[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.startsWith('|')) return;
    const cells = raw.split('|').slice(1, -1).map((cell) => cell.trim());
    const id = cells[0] ?? '';
    if (!ID_CELL.test(id)) return;
    const statusCell = cells[3] ?? '';
    const status = STATUSES.find((word) => statusCell === word || statusCell.startsWith(`${word}:`));
    rows.push({
      line: index + 1,
      id,
      relevance: cells[2] ?? '',
      status,
      detail: status ? statusCell.slice(status.length).replace(/^:/, '').trim() : statusCell,
      files: [...(cells[4] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
    });
  });
  return rows;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.(?:ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

/** ID → test files (relative to the project) that cite it in an it/test/describe title. */
function citationsInTitles(): Map<string, Set<string>> {
  const cited = new Map<string, Set<string>>();
  for (const file of TEST_DIRS.flatMap((dir) => testFiles(join(ROOT, dir)))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(TITLE)) {
      for (const id of match[2]!.match(ID) ?? []) {
        if (!cited.has(id)) cited.set(id, new Set());
        cited.get(id)!.add(relative(ROOT, file));
      }
    }
  }
  return cited;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return null;
  }
}

const rows = parseCompatibilityDoc(readFileSync(DOC, 'utf8'));
const cited = citationsInTitles();
const supported = rows.filter((row) => row.status?.startsWith('Supported'));
const notSupported = rows.filter((row) => row.status === 'Unsupported' || row.status === 'Not yet supported');

describe('docs/appsync-compatibility.md', () => {
  it('has a table row for every section, each with a known status and relevance', () => {
    for (const prefix of ['CTX-', 'EXE-', 'UTIL-', 'DDB-', 'HTTP-', 'MOD-', 'LANG-', 'AUTH-', 'SCAL-', 'LIM-', 'GAP-']) {
      expect(rows.some((row) => row.id.startsWith(prefix)), `no row for ${prefix}*`).toBe(true);
    }
    const bad = rows.filter((row) => !row.status || !RELEVANCE.has(row.relevance)).map((row) => `${row.id} (line ${row.line})`);
    expect(bad).toEqual([]);
  });

  it('lists each item once', () => {
    const seen = new Set<string>();
    const duplicates = rows.filter((row) => seen.has(row.id) || !seen.add(row.id)).map((row) => `${row.id} (line ${row.line})`);
    expect(duplicates).toEqual([]);
  });

  it('backs every supported item with a test whose title cites it', () => {
    const uncited = supported.filter((row) => !cited.has(row.id)).map((row) => row.id);
    expect(uncited).toEqual([]);
  });

  it('names, for every supported item, test files that exist and mention it', () => {
    const problems: string[] = [];
    for (const row of supported) {
      if (row.files.length === 0) problems.push(`${row.id}: no test file listed`);
      for (const file of row.files) {
        const source = readOrNull(file);
        if (!TEST_DIRS.some((dir) => file.startsWith(dir)) || source === null) problems.push(`${row.id}: ${file} does not exist under ${TEST_DIRS.join(' or ')}`);
        else if (!source.includes(row.id)) problems.push(`${row.id}: ${file} does not mention it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every documented difference', () => {
    const bare = rows.filter((row) => row.status === 'Supported with a documented difference' && row.detail.length < 10).map((row) => row.id);
    expect(bare).toEqual([]);
  });

  it('gives every unsupported item a reason or the errorType a caller sees', () => {
    const silent = notSupported.filter((row) => row.detail.length < 10 && !/`[A-Za-z:]+`/.test(row.detail)).map((row) => row.id);
    expect(silent).toEqual([]);
    const missingFiles = notSupported.flatMap((row) => row.files.filter((file) => !readOrNull(file)?.includes(row.id)).map((file) => `${row.id}: ${file}`));
    expect(missingFiles).toEqual([]);
  });

  it('states its own counts as they are', () => {
    const doc = readFileSync(DOC, 'utf8').replace(/\s+/g, ' ');
    const count = (status: Status) => rows.filter((row) => row.status === status).length;
    expect(doc).toContain(`Of ${rows.length} items, ${count('Supported')} are supported as AppSync documents them, ${count('Supported with a documented difference')} are supported with a documented difference`);
    expect(doc).toContain(`and ${count('Unsupported')} are deliberately unsupported`);
  });
});
