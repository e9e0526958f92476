/**
 * graphql-codegen plugin: the trusted-documents manifest, every operation of the SDK by the
 * SHA-256 (hex) of the exact text a client sends for it, as persisted queries identify documents:
 *
 * - the SDK's text, `print(document)` of the generated TypedDocumentNode: the operation followed by
 *   the fragments it spreads, in the order typed-document-node includes them (each spread's name,
 *   then the fragments that fragment spreads, depth first);
 * - Apollo Client's text for the same document: its cache adds `__typename` to every selection set
 *   below the root (`addTypenameToDocument`), and its persisted-query link hashes `print()` of that.
 *
 * The server lets API-key requests run only these documents (packages/engine/src/adapters/http-api/trusted-documents.ts).
 */
const { createHash } = require('node:crypto');
const { Kind, print, visit } = require('graphql');
const { addTypenameToDocument } = require('@apollo/client/utilities');

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Fragment names spread by `node`, depth first, each followed by the fragments it spreads. */
function spreadFragments(node, fragments, names = new Set()) {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (names.has(name)) return;
      names.add(name);
      const fragment = fragments.get(name);
      if (fragment) spreadFragments(fragment, fragments, names);
    },
  });
  return names;
}

function plugin(_schema, documents) {
  const definitions = documents.flatMap((file) => file.document?.definitions ?? []);
  const fragments = new Map(definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operations = definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION && d.name);
  const entries = new Map();
  for (const operation of [...operations].sort((a, b) => a.name.value.localeCompare(b.name.value))) {
    const document = {
      kind: Kind.DOCUMENT,
      definitions: [operation, ...[...spreadFragments(operation, fragments)].map((name) => fragments.get(name)).filter(Boolean)],
    };
    for (const [client, text] of [['SDK', print(document)], ['Apollo Client', print(addTypenameToDocument(document))]]) {
      const hash = sha256(text);
      if (!entries.has(hash)) entries.set(hash, { label: `${operation.name.value} (${client})`, text });
    }
  }
  const lines = [...entries].map(([hash, { label, text }]) => `  // ${label}\n  '${hash}': ${JSON.stringify(text)},`);
  return [
    '/**',
    ' * The trusted documents: every operation of the SDK (schema/operations) by the SHA-256 (hex) of',
    " * the exact text a client sends: the SDK's `print(document)`, and Apollo Client's (its cache adds",
    ' * `__typename`). API-key requests may run only these.',
    ' */',
    'export const trustedDocuments: Readonly<Record<string, string>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

module.exports = { plugin };
