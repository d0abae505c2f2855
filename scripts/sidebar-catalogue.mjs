// The sidebar's page weight: dist/Sidebar.html is sent to the browser every time the sidebar opens, and the three
// message catalogues (src/i18n/*.ts) were more than half of it, mostly server text (e-mails, digests, sheet
// summaries) the sidebar never shows. The sidebar build keeps, in each catalogue, only the keys that the modules
// bundled into the sidebar name with `msg('…')` (a template key `msg(`prefix.${x}`)` keeps every key under that
// prefix). All three languages stay in the page: the language is decided by the server at start-up, and the
// sidebar also needs other languages' texts as data (headers and sheet names in any language for the import's
// column mapping, every language's default e-mail templates in the settings view).
//
// Completeness is checked, not hoped for: every `msg(` call in a bundled module must be one of the two forms above,
// and every literal key must exist, or the build fails (a key left out would read as undefined in the page).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { readCatalogue } from './i18n-catalogue.mjs';

const CATALOGUES = { 'en.ts': 'en', 'zh-CN.ts': 'zhCN', 'zh-TW.ts': 'zhTW' };
const CATALOGUE_FILE = /src[\\/]i18n[\\/](en|zh-CN|zh-TW)\.ts$/;

/** The message keys the given source files name (exact keys and template prefixes); throws on any other form. */
export function messageKeysOf(root, files) {
  const exact = new Set();
  const prefixes = new Set();
  for (const file of files) {
    const src = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'msg') {
        const arg = n.arguments[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) exact.add(arg.text);
        else if (arg && ts.isTemplateExpression(arg) && arg.head.text) prefixes.add(arg.head.text);
        else {
          const { line } = src.getLineAndCharacterOfPosition(n.getStart());
          throw new Error(
            `${file}:${line + 1}: msg(${n.arguments.map((a) => a.getText()).join(', ')}) — the sidebar build needs a literal key`,
          );
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return { exact, prefixes: [...prefixes] };
}

/**
 * esbuild plugin: the three catalogues, reduced to the keys `files` name. `files`: the sidebar's bundled source
 * modules, relative to `root` (from a first build's metafile).
 */
export function sidebarCatalogues(root, files) {
  const { exact, prefixes } = messageKeysOf(
    root,
    files.filter((f) => !CATALOGUE_FILE.test(f)),
  );
  const wanted = (key) => exact.has(key) || prefixes.some((p) => key.startsWith(p));
  const zhCN = readCatalogue(path.join(root, 'src/i18n/zh-CN.ts'));
  const unknown = [...exact].filter((k) => !zhCN.has(k));
  if (unknown.length) throw new Error(`sidebar: message keys missing from src/i18n/zh-CN.ts: ${unknown.join(', ')}`);
  return {
    name: 'sidebar-catalogues',
    setup(build) {
      build.onLoad({ filter: CATALOGUE_FILE }, (args) => {
        const all = readCatalogue(args.path);
        const kept = Object.fromEntries([...all].filter(([k]) => wanted(k)));
        const lost = [...zhCN.keys()].filter((k) => wanted(k) && !(k in kept));
        if (lost.length) throw new Error(`sidebar: ${args.path} has no text for ${lost.join(', ')}`);
        const name = CATALOGUES[path.basename(args.path)];
        return { contents: `export const ${name} = ${JSON.stringify(kept)};`, loader: 'js' };
      });
    },
  };
}
