import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// `npm run lint` step: user-facing text lives in locales/{fa,en}/*.json only. This fails when a
// Persian sentence (two or more Persian-script words in a row) appears in src/ in code a user
// could read: string and template literals, JSX text, HTML and CSS content. Comments, regular
// expressions and single words (a character table, a prefix to strip) are not text for a reader.
// Data files (the seed, the category catalogue, the routing directory) are allowed by name.

/** Data, not text: names, addresses and catalogues that are Persian because the registry is. */
export const ALLOWED: Record<string, string> = {
  'src/server/seed/': 'the demo registry: shop names, streets, unions (data)',
  'src/server/complaints/categories.ts': 'the category catalogue (data)',
  'src/server/complaints/attributes.ts': "the category catalogue's evidence fields (data)",
  'src/server/routing/routes.json': 'the routing directory: outside bodies and their contacts (data)',
  'src/server/demo/demo-glns.ts': 'what each demo shop shows, beside the seed (data)',
  'src/server/store/registry-rows.ts': "a Persian postal address composed from the registry's parts (data)",
};

const LETTER = '[\\u0620-\\u064A\\u066E-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FF]';
const WORD = `${LETTER}[\\u0620-\\u065F\\u066E-\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FF\\u200C]*`;
/** Two Persian words with only spaces or Persian punctuation between them. */
const SENTENCE = new RegExp(`${WORD}(?:[\\s\\u200C\\u060C\\u061B\\u061F«»:.!]+${WORD})+`, 'u');

export type Finding = { line: number; text: string };

function fromTs(source: string, fileName: string): Finding[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const out: Finding[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const m = SENTENCE.exec(node.text);
      if (m) out.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: m[0] });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Markup and stylesheets: everything but comments is content. */
function fromText(source: string, comment: RegExp): Finding[] {
  const blanked = source.replace(comment, (c) => c.replace(/[^\n]/g, ' '));
  const out: Finding[] = [];
  blanked.split('\n').forEach((line, i) => {
    const m = SENTENCE.exec(line);
    if (m) out.push({ line: i + 1, text: m[0] });
  });
  return out;
}

export function findPersianSentences(source: string, fileName: string): Finding[] {
  const ext = extname(fileName);
  if (['.ts', '.tsx', '.js', '.mjs', '.jsx'].includes(ext)) return fromTs(source, fileName);
  if (ext === '.html') return fromText(source, /<!--[\s\S]*?-->/g);
  if (ext === '.css') return fromText(source, /\/\*[\s\S]*?\*\//g);
  if (ext === '.json') return fromText(source, /$^/g);
  return [];
}

const allowed = (path: string) => Object.keys(ALLOWED).some((a) => path === a || path.startsWith(a));

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

export function checkTree(root: string, dir = 'src'): { path: string; finding: Finding }[] {
  const out: { path: string; finding: Finding }[] = [];
  for (const full of files(join(root, dir))) {
    const path = relative(root, full).split(sep).join('/');
    if (allowed(path)) continue;
    for (const finding of findPersianSentences(readFileSync(full, 'utf8'), path)) out.push({ path, finding });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const found = checkTree(root);
  for (const { path, finding } of found)
    console.error(`${path}:${finding.line}: Persian text outside locales/: «${finding.text}»`);
  if (found.length) {
    console.error(
      `\n${found.length} Persian sentence(s) in src/. Put user-facing text in locales/{fa,en}/*.json and ` +
        'read it through i18next; data files go in ALLOWED in scripts/check-persian-text.ts.',
    );
    process.exit(1);
  }
}
