// The layering rules of the house, checked on every `npm run lint` (README, "Layout"):
// - pages (src/features, src/app, src/main.tsx) reach I/O only through src/api, src/db and
//   src/sync: no fetch, XMLHttpRequest, IndexedDB or Dexie of their own, and no API client of
//   their own (src/api/app-client.ts is the one);
// - `db()` (src/db/database.ts) is used only inside src/db;
// - src/gs1 imports nothing from the browser or the app: only its own files, no packages, no
//   browser globals;
// - the server never imports the app and the app never imports the server.
// Type-only imports carry no I/O and are allowed. Exit code 1 and one line per violation.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const inDir = (file: string, dir: string) => rel(file) === dir || rel(file).startsWith(`${dir}/`);
const isPage = (f: string) => inDir(f, 'src/features') || inDir(f, 'src/app') || rel(f) === 'src/main.tsx';
const APP_DIRS = ['src/app', 'src/features', 'src/db', 'src/sync', 'src/ui', 'src/scanner'];

/** Globals that are I/O for a page (network and IndexedDB), and what the GS1 core must not touch. */
const PAGE_IO = new Set(['fetch', 'XMLHttpRequest', 'indexedDB', 'WebSocket', 'EventSource']);
const BROWSER = new Set([
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'self',
  ...PAGE_IO,
]);

type Import = { spec: string; target?: string; typeOnly: boolean; names: string[]; line: number };

function importsOf(sf: ts.SourceFile, file: string): Import[] {
  const out: Import[] = [];
  const resolve = (spec: string) =>
    spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : undefined;
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const spec = n.moduleSpecifier.text;
      const clause = n.importClause;
      const named =
        clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const valueNames =
        named?.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) ?? [];
      const typeOnly =
        Boolean(clause?.isTypeOnly) ||
        (clause !== undefined && !clause.name && named !== undefined && valueNames.length === 0);
      out.push({ spec, target: resolve(spec), typeOnly, names: valueNames, line: line(n) });
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const spec = n.moduleSpecifier.text;
      out.push({ spec, target: resolve(spec), typeOnly: n.isTypeOnly, names: [], line: line(n) });
    } else if (
      ts.isCallExpression(n) &&
      n.expression.kind === ts.SyntaxKind.ImportKeyword &&
      n.arguments[0] &&
      ts.isStringLiteral(n.arguments[0])
    ) {
      const spec = n.arguments[0].text;
      out.push({ spec, target: resolve(spec), typeOnly: false, names: [], line: line(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Free uses of the given globals (not `x.fetch`, not a declaration or a property name). */
function globalsUsed(sf: ts.SourceFile, names: Set<string>): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n) && names.has(n.text)) {
      const p = n.parent;
      const isMember = ts.isPropertyAccessExpression(p) && p.name === n;
      const isKey =
        (ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p)) &&
        p.name === n;
      const isDecl =
        (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) && p.name === n;
      const isImportName = ts.isImportSpecifier(p) || ts.isImportClause(p);
      const isType = ts.isTypeReferenceNode(p) || ts.isQualifiedName(p);
      if (!isMember && !isKey && !isDecl && !isImportName && !isType) {
        out.push({ name: n.text, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1 });
      }
    }
    // `globalThis.fetch`, `window.indexedDB`: the same globals by another door.
    if (
      ts.isPropertyAccessExpression(n) &&
      names.has(n.name.text) &&
      ts.isIdentifier(n.expression) &&
      ['globalThis', 'window', 'self'].includes(n.expression.text) &&
      !names.has(n.expression.text)
    ) {
      out.push({ name: n.name.text, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1 });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

export function checkFile(file: string, text = readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const where = (line: number) => `${rel(file)}:${line}`;
  const problems: string[] = [];
  for (const imp of importsOf(sf, file)) {
    const target = imp.target;
    if (!imp.typeOnly && target === 'src/db/database.ts' && !inDir(file, 'src/db')) {
      problems.push(
        `${where(imp.line)}: db() and the Dexie schema are used only inside src/db; use a repository there`,
      );
    }
    if (isPage(file)) {
      if (
        !imp.typeOnly &&
        (imp.spec === 'dexie' || (imp.spec.startsWith('workbox-') && imp.spec !== 'workbox-window'))
      ) {
        problems.push(
          `${where(imp.line)}: pages reach storage through src/db and src/sync, not '${imp.spec}'`,
        );
      }
      if (imp.names.includes('createApiClient')) {
        problems.push(`${where(imp.line)}: pages use the one client, api() from src/api/app-client.ts`);
      }
    }
    if (inDir(file, 'src/gs1')) {
      if (!target || !inDir(`${root}/${target}`, 'src/gs1')) {
        problems.push(`${where(imp.line)}: src/gs1 imports only its own files, not '${imp.spec}'`);
      }
    }
    if (target && inDir(file, 'src/server') && APP_DIRS.some((d) => inDir(`${root}/${target}`, d))) {
      problems.push(`${where(imp.line)}: the server never imports the app ('${imp.spec}')`);
    }
    if (target && !inDir(file, 'src/server') && inDir(`${root}/${target}`, 'src/server')) {
      problems.push(`${where(imp.line)}: the app never imports the server ('${imp.spec}')`);
    }
  }
  if (isPage(file)) {
    for (const g of globalsUsed(sf, PAGE_IO)) {
      problems.push(
        `${where(g.line)}: pages reach the network and IndexedDB only through src/api, src/db and src/sync (${g.name})`,
      );
    }
  }
  if (inDir(file, 'src/gs1')) {
    for (const g of globalsUsed(sf, BROWSER)) {
      problems.push(`${where(g.line)}: src/gs1 touches nothing of the browser (${g.name})`);
    }
  }
  return problems;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const problems = filesUnder(src).flatMap((f) => checkFile(f));
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`layers: ${problems.length} violation(s)`);
    process.exit(1);
  }
  console.log('layers: ok');
}
