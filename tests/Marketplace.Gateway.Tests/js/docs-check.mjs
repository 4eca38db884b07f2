// Executable docs: every GraphQL example in README.md, SECURITY.md, docs/**/*.md and GraphiQL's walkthrough is checked
// against the schema a running host serves (introspection), so the docs cannot drift from the API.
//  - ```graphql blocks: each operation is validated (the spec's rules) on its own, with the block's fragments;
//  - inline `code` that is a whole operation (`{ … }`, `query …`, `mutation …`), when it parses;
//  - GraphQL inside ```js/```ts (query: '…') and ```sh samples ("query":"…"), and the shape of Node samples (graphql-ws
//    on Node needs a WebSocket implementation: webSocketImpl from the ws package);
//  - queries that need nothing the reader must supply (no variables, no <placeholder>) are executed: anonymously, or
//    with the given buyer token when they read `viewer`; they must answer without errors.
// Prints one JSON object: { checked, executed, problems: [{ where, message }] }.
// Usage: node docs-check.mjs <graphql-url> <repository-root> <buyer-access-token>
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, parse, print, validate, Kind } from 'graphql';

const [url, root, token] = process.argv.slice(2);

async function post(query, bearer) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

function markdownFiles() {
  const files = ['README.md', 'SECURITY.md'].map((f) => join(root, f));
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.md')) files.push(path);
    }
  };
  walk(join(root, 'docs'));
  return files;
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

// Every piece of GraphQL the docs show, with where it is: { where, source, inline }.
function examples() {
  const found = [];
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file);
    const fences = [...text.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```/gm)];
    for (const fence of fences) {
      const [, language, body] = fence;
      const where = `${name}:${lineOf(text, fence.index)}`;
      if (language === 'graphql') found.push({ where, source: body, inline: false });
      if (['js', 'javascript', 'ts', 'typescript', 'mjs'].includes(language)) {
        for (const m of body.matchAll(/query:\s*(['"`])((?:\\.|(?!\1).)*)\1/gs)) found.push({ where, source: m[2], inline: false });
        if (/from ['"]graphql-ws['"]/.test(body) && !/webSocketImpl/.test(body))
          found.push({ where, problem: "a Node sample of graphql-ws must pass webSocketImpl (import WebSocket from 'ws'): Node has no global WebSocket before v22" });
      }
      if (['sh', 'bash', 'shell', 'console'].includes(language)) {
        for (const m of body.matchAll(/"query"\s*:\s*"((?:\\.|[^"\\])*)"/g)) found.push({ where, source: JSON.parse(`"${m[1]}"`), inline: false });
      }
    }
    // Inline code outside fences: whole operations only.
    const outside = text.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ' '));
    for (const m of outside.matchAll(/`([^`\n]+)`/g)) {
      const code = m[1].trim();
      // An operation keyword, or a shorthand query with arguments: `{ store userErrors }` in prose names fields.
      if (!/^(query\b|mutation\b|subscription\b|\{.*\()/.test(code) || code.includes('…')) continue;
      try {
        parse(code);
      } catch {
        continue; // a shorthand such as `{ "Authorization": "Bearer …" }`, not GraphQL
      }
      found.push({ where: `${name}:${lineOf(outside, m.index)}`, source: code, inline: true });
    }
  }
  const walkthrough = join(root, 'src/Gateway/Marketplace.Gateway/GraphiQL/assets/walkthrough.graphql');
  found.push({ where: relative(root, walkthrough), source: readFileSync(walkthrough, 'utf8'), inline: false });
  return found;
}

const introspection = await post(getIntrospectionQuery({ specifiedByUrl: true, inputValueDeprecation: true }));
if (introspection.body.errors) throw new Error(`introspection failed: ${JSON.stringify(introspection.body.errors)}`);
const schema = buildClientSchema(introspection.body.data);

const problems = [];
let checked = 0;
let executed = 0;
for (const example of examples()) {
  if (example.problem) {
    problems.push({ where: example.where, message: example.problem });
    continue;
  }
  let document;
  try {
    document = parse(example.source);
  } catch (error) {
    problems.push({ where: example.where, message: `does not parse: ${error.message}` });
    continue;
  }
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  for (const operation of document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
    const single = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
    const label = `${example.where} ${operation.name?.value ?? operation.operation}`;
    checked++;
    // Fragments a block defines for another of its operations are fine here.
    const errors = validate(schema, single).filter((e) => !/^Fragment ".*" is never used\.$/.test(e.message));
    if (errors.length > 0) {
      problems.push({ where: label, message: errors.map((e) => e.message).join(' | ') });
      continue;
    }
    const text = print(single);
    const runnable = operation.operation === 'query' && (operation.variableDefinitions?.length ?? 0) === 0 && !/"<[^"]*>"/.test(text);
    if (!runnable) continue;
    const needsViewer = operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'viewer');
    const answer = await post(text, needsViewer ? token : undefined);
    executed++;
    if (answer.status !== 200 || answer.body.errors)
      problems.push({ where: label, message: `answered ${answer.status}: ${JSON.stringify(answer.body.errors ?? answer.body)}` });
  }
}

console.log(JSON.stringify({ checked, executed, problems }));
