// Reads and writes the per-locale catalogue files (src/i18n/*.ts): one object literal of key → text each.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const HEAD = {
  'zh-CN': [
    '// 简体中文 — the source catalogue: its keys are the message keys (`MessageKey`) every other locale must have.',
    '// Maintained by `npm run i18n:extract` (new texts) and by hand (wording). Placeholders: {name}; plurals: see fill().',
    'export const zhCN = {',
  ],
  en: [
    '// English. Typed as `Catalogue`, so a key missing here (or one zh-CN does not have) fails the type-check.',
    "import type { Catalogue } from './keys';",
    '',
    'export const en: Catalogue = {',
  ],
  'zh-TW': [
    '// 繁體中文（台灣／香港）. New keys are drafted by `npm run i18n:extract` (OpenCC zh-CN → zh-TW phrases plus the',
    '// finance terms in scripts/i18n-zh-tw.mjs) and then read by a person; edit the wording here freely.',
    "import type { Catalogue } from './keys';",
    '',
    'export const zhTW: Catalogue = {',
  ],
};

export function readCatalogue(file) {
  const map = new Map();
  if (!existsSync(file)) return map;
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (ts.isPropertyAssignment(n) && (ts.isStringLiteral(n.name) || ts.isIdentifier(n.name))) {
      const v = n.initializer;
      if (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) map.set(n.name.text, v.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return map;
}

const quote = (s) =>
  `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;

export function writeCatalogue(file, locale, map) {
  const lines = [...HEAD[locale]];
  for (const [k, v] of map) lines.push(`  ${quote(k)}: ${quote(v)},`);
  lines.push(locale === 'zh-CN' ? '} as const;' : '};');
  writeFileSync(file, `${lines.join('\n')}\n`);
}
