// Every relative link of the project's Markdown resolves: its file or folder exists and its
// #fragment names a heading of the target, as GitHub renders anchors. Links are read with a
// Markdown parser, so code spans and code blocks are not mistaken for links.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import MarkdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const markdown = new MarkdownIt();

const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  'packages/engine/README.md',
  'sdk/README.md',
  'bench/README.md',
  'test/reliability/README.md',
  'examples/events/README.md',
];

/** A document's tokens, with the inline tokens' children after their parent. */
function tokens(text: string): Token[] {
  return markdown.parse(text, {}).flatMap((token) => [token, ...(token.children ?? [])]);
}

/** The targets of a document's links and images, as written. */
function linkTargets(text: string): string[] {
  return tokens(text).flatMap((token) => {
    const target = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
    return target === null ? [] : [String(target)];
  });
}

/** The anchors GitHub gives a document's headings (their text, code spans included). */
function anchors(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const all = tokens(text);
  return new Set(
    all.flatMap((token, index) => {
      if (token.type !== 'heading_open') return [];
      const words = (all[index + 1]?.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline');
      return [slugger.slug(words.map((child) => child.content).join(''))];
    }),
  );
}

/** Whether a link written in `file` (relative to the repository), whose text is `text`, reaches an existing file and heading. */
function resolves(file: string, text: string, target: string): boolean {
  if (/^[a-z][a-z\d+.-]*:/i.test(target)) return true; // absolute URLs are not the repository's
  const [path = '', fragment] = target.split('#');
  const decoded = decodeURIComponent(path);
  if (decoded === '') return fragment === undefined || anchors(text).has(decodeURIComponent(fragment));
  const destination = decoded.startsWith('/') ? join(ROOT, decoded) : join(ROOT, dirname(file), decoded);
  if (!existsSync(destination)) return false;
  if (fragment === undefined || !destination.endsWith('.md')) return true;
  return anchors(readFileSync(destination, 'utf8')).has(decodeURIComponent(fragment));
}

/** The links of a document written at `file` that do not resolve. */
function brokenLinks(file: string, text: string): string[] {
  return linkTargets(text).filter((target) => !resolves(file, text, target));
}

describe('relative links in the documentation', () => {
  it('reports a missing file and a missing heading, and ignores code and absolute URLs', () => {
    const text = [
      '# Title',
      '[ok](limits.md#trusted-documents) [here](#title) [web](https://example.com/nope.md) `[code](gone.md)`',
      '[gone](nowhere.md) [no heading](limits.md#no-such-heading) ![img](missing.png)',
      '```',
      '[in a block](gone-too.md)',
      '```',
    ].join('\n');
    expect(brokenLinks('docs/example.md', text)).toEqual(['nowhere.md', 'limits.md#no-such-heading', 'missing.png']);
  });

  it.each(DOCUMENTS)('%s links only to files and headings that exist', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(brokenLinks(file, text)).toEqual([]);
  });

  it('reads the README as a map of the documentation', () => {
    const targets = linkTargets(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const pages = DOCUMENTS.filter((file) => file.startsWith('docs/')).map((file) => file.replace(/\.md$/, ''));
    expect(pages.filter((page) => !targets.some((target) => target.startsWith(`${page}.md`)))).toEqual([]);
  });
});
