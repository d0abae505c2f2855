#!/usr/bin/env node
// Sweeps user-facing text into the one catalogue per locale (src/i18n/{zh-CN,en,zh-TW}.ts).
//
// It finds, in the add-on, sidebar and playground sources, every Text literal `{ 'zh-CN': '…', en: '…' }` and every
// call of the schema/settings helpers that take a Chinese and an English string (`col`, `d`, `opt`, `D`), moves the
// strings into the catalogues under a key derived from the file and the place (`reminders/catalog.OVERDUE.subject`),
// and leaves `msg('that.key')` in the code. Re-running it is safe: keys already in the catalogues are kept, a literal
// whose text changed overwrites its entry (the source is the newest truth), and a new key gets its Traditional
// Chinese from `scripts/i18n-zh-tw.mjs` (OpenCC phrase conversion plus the finance terms table), to be reviewed.
//
//   node scripts/i18n-extract.mjs            rewrite sources and catalogues
//   node scripts/i18n-extract.mjs --check    exit 1 if anything is left to extract (used by the test suite)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { readCatalogue, writeCatalogue } from './i18n-catalogue.mjs';
import { toTraditional } from './i18n-zh-tw.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const ROOTS = ['src', 'sidebar/src', 'emulator/playground/page'];
// Helpers whose (zh, en) argument pair becomes one Text argument: callee → index of the zh argument.
const PAIR_CALLS = { col: 1, d: 1, opt: 1, D: 2 };

function listFiles() {
  const out = [];
  for (const r of ROOTS) {
    const walk = (dir) => {
      for (const e of ts.sys.readDirectory(join(ROOT, dir), ['.ts'], undefined, undefined)) out.push(e);
    };
    walk(r);
  }
  return out.filter((f) => !f.includes('/src/i18n/') && !f.endsWith('.d.ts'));
}

function prefixOf(file) {
  return relative(ROOT, file)
    .replace(/\.ts$/, '')
    .replace(/^src\/(domain\/)?/, '')
    .replace(/^sidebar\/src\//, 'sidebar/')
    .replace(/^emulator\/playground\//, 'playground/');
}

const propName = (n) =>
  n && (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n) || ts.isPrivateIdentifier(n))
    ? n.text
    : undefined;

function stringValue(e) {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isParenthesizedExpression(e)) return stringValue(e.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = stringValue(e.left);
    const b = stringValue(e.right);
    return a === undefined || b === undefined ? undefined : a + b;
  }
  return undefined;
}

/** A helper call's first argument as a key part: a string, or the name of a constant (`WORKBOOK_KEYS.admins`). */
function argName(e) {
  const s = stringValue(e);
  if (s !== undefined) return s;
  if (e && ts.isPropertyAccessExpression(e)) return e.name.text;
  if (e && ts.isIdentifier(e)) return e.text;
  return undefined;
}

/** The place of a node, from its ancestors: variable, function, property and helper-key names. */
function placePath(node) {
  const parts = [];
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) {
      const n = propName(p.name);
      if (n !== undefined) parts.unshift(n);
    } else if (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p)) {
      const n = p.name && propName(p.name);
      if (n !== undefined) parts.unshift(n);
    } else if (ts.isCallExpression(p) && p.arguments.includes(child)) {
      const callee = ts.isIdentifier(p.expression)
        ? p.expression.text
        : ts.isPropertyAccessExpression(p.expression)
          ? p.expression.name.text
          : 'call';
      const first = argName(p.arguments[0]);
      if (first !== undefined && p.arguments[0] !== child && callee in PAIR_CALLS) parts.unshift(first);
      else if (callee !== 't' && callee !== 'fill') parts.unshift(callee);
    }
  }
  return parts.map((x) => x.replace(/[^\w-]+/g, '_')).join('.') || 'text';
}

const isTextLiteral = (n) => {
  if (!ts.isObjectLiteralExpression(n) || n.properties.length < 2 || n.properties.length > 3) return false;
  const names = n.properties.map((p) => (ts.isPropertyAssignment(p) ? propName(p.name) : undefined));
  return names.includes('zh-CN') && names.includes('en') && names.every((x) => ['zh-CN', 'en', 'zh-TW'].includes(x));
};

function importPath(file) {
  const target = join(ROOT, 'src/domain/i18n');
  let rel = relative(dirname(file), target);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** Adds `msg` to the file's import from domain/i18n, or a new import line after the last import. */
function withMsgImport(text, file) {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const want = importPath(file);
  let last;
  for (const st of src.statements) {
    if (!ts.isImportDeclaration(st)) continue;
    last = st;
    const from = st.moduleSpecifier.text;
    if (from !== want) continue;
    const named = st.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named) || st.importClause.isTypeOnly) continue;
    if (named.elements.some((e) => e.name.text === 'msg')) return text;
    const inner = named.elements.map((e) => e.getText(src));
    inner.push('msg');
    return `${text.slice(0, named.getStart(src))}{ ${inner.join(', ')} }${text.slice(named.getEnd())}`;
  }
  const line = `import { msg } from '${want}';\n`;
  if (!last) return line + text;
  const at = last.getEnd() + 1;
  return text.slice(0, at) + line + text.slice(at);
}

const catalogues = {
  'zh-CN': readCatalogue(join(ROOT, 'src/i18n/zh-CN.ts')),
  en: readCatalogue(join(ROOT, 'src/i18n/en.ts')),
  'zh-TW': readCatalogue(join(ROOT, 'src/i18n/zh-TW.ts')),
};
const taken = new Map(); // key → zh|en of this run, to tell a new collision from a re-run
// Keys the code already names with msg('…') belong to those places: a new literal whose place-derived key equals one
// of them gets the next free suffix instead of overwriting it.
const MSG_KEY = /\bmsg\('([^']+)'\)/g;
for (const file of listFiles()) {
  for (const m of readFileSync(file, 'utf8').matchAll(MSG_KEY)) taken.set(m[1], '\u0001in use');
}
let changedFiles = 0;
const touched = [];
let extracted = 0;
const leftovers = [];
const computed = []; // Text literals built from values (data, not catalogue text): listed, not moved

function keyFor(base, zh, en) {
  let key = base;
  for (let i = 2; ; i++) {
    const mine = taken.get(key);
    if (mine === undefined || mine === `${zh}\u0000${en}`) break;
    key = `${base}#${i}`;
  }
  taken.set(key, `${zh}\u0000${en}`);
  return key;
}

function record(key, zh, en, tw) {
  const old = catalogues['zh-CN'].get(key);
  catalogues['zh-CN'].set(key, zh);
  catalogues.en.set(key, en);
  if (tw !== undefined) catalogues['zh-TW'].set(key, tw);
  else if (old !== zh || !catalogues['zh-TW'].has(key)) catalogues['zh-TW'].set(key, toTraditional(zh));
  extracted++;
}

for (const file of listFiles()) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes("'zh-CN'") && !/\b(col|d|opt|D)\(/.test(text)) continue;
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const prefix = prefixOf(file);
  const edits = [];
  const visit = (node) => {
    if (isTextLiteral(node)) {
      const get = (k) => node.properties.find((p) => propName(p.name) === k)?.initializer;
      const zh = stringValue(get('zh-CN'));
      const en = stringValue(get('en'));
      const tw = get('zh-TW') ? stringValue(get('zh-TW')) : undefined;
      if (zh !== undefined && en !== undefined) {
        const key = keyFor(`${prefix}.${placePath(node)}`, zh, en);
        record(key, zh, en, tw);
        edits.push([node.getStart(src), node.getEnd(), `msg('${key}')`]);
        return;
      }
      computed.push(`${relative(ROOT, file)}:${src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1}`);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text in PAIR_CALLS) {
      const i = PAIR_CALLS[node.expression.text];
      const zh = stringValue(node.arguments[i]);
      const en = stringValue(node.arguments[i + 1]);
      const first = argName(node.arguments[0]);
      if (zh !== undefined && en !== undefined && first !== undefined) {
        const base = `${prefix}.${placePath(node)}.${first.replace(/[^\w-]+/g, '_')}`;
        const key = keyFor(base, zh, en);
        record(key, zh, en);
        edits.push([node.arguments[i].getStart(src), node.arguments[i + 1].getEnd(), `msg('${key}')`]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  if (edits.length === 0) continue;
  changedFiles++;
  if (check) {
    leftovers.push(`${relative(ROOT, file)}: ${edits.length} text(s) not in the catalogue`);
    continue;
  }
  let out = text;
  for (const [s, e, r] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + r + out.slice(e);
  writeFileSync(file, withMsgImport(out, file));
  touched.push(relative(ROOT, file));
}

if (check) {
  if (leftovers.length) {
    console.error(`Text outside the catalogue:\n  ${leftovers.join('\n  ')}`);
    process.exit(1);
  }
  console.log('i18n: every Text literal is in the catalogue');
} else {
  writeCatalogue(join(ROOT, 'src/i18n/zh-CN.ts'), 'zh-CN', catalogues['zh-CN']);
  writeCatalogue(join(ROOT, 'src/i18n/en.ts'), 'en', catalogues.en);
  writeCatalogue(join(ROOT, 'src/i18n/zh-TW.ts'), 'zh-TW', catalogues['zh-TW']);
  // The project's formatter owns the layout (long entries wrap): format what was written so re-runs are stable.
  execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', 'src/i18n', ...touched], { cwd: ROOT });
  console.log(`i18n: ${extracted} text(s) from ${changedFiles} file(s) moved into src/i18n`);
  if (computed.length) console.log(`Text literals built from values (left in place):\n  ${computed.join('\n  ')}`);
}
