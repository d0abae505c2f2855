// One catalogue per locale (issue #18): every key in every locale (the type-check fails otherwise — shown below by
// compiling a catalogue with a key removed), no language chosen inline in code, placeholders kept by every
// translation, Traditional Chinese that is Traditional, and the message formatting in one place.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { fill, LANGS, langFromLocale, msg, t } from '../../src/domain/i18n';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { zhTW } from '../../src/i18n/zh-TW';

const ROOT = join(__dirname, '../..');
const CATALOGUES: Record<'zh-CN' | 'en' | 'zh-TW', Record<string, string>> = { 'zh-CN': zhCN, en, 'zh-TW': zhTW };
const SOURCE: Record<string, string> = zhCN;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

describe('the catalogues', () => {
  it('the type-check fails when a key is missing in a locale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
    for (const f of ['keys.ts', 'zh-CN.ts']) writeFileSync(join(dir, f), readFileSync(join(ROOT, 'src/i18n', f)));
    const key = 'common.listSeparator';
    const zhTw = readFileSync(join(ROOT, 'src/i18n/zh-TW.ts'), 'utf8');
    const line = zhTw.split('\n').find((l) => l.startsWith(`  '${key}':`));
    expect(line).toBeDefined();
    writeFileSync(join(dir, 'zh-TW.ts'), zhTw.replace(`${line}\n`, ''));
    const program = ts.createProgram([join(dir, 'zh-TW.ts')], { strict: true, noEmit: true, skipLibCheck: true });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors.join('\n')).toContain(`Property '"${key}"' is missing`);
    // …and the catalogue as committed compiles.
    writeFileSync(join(dir, 'zh-TW.ts'), zhTw);
    const ok = ts.createProgram([join(dir, 'zh-TW.ts')], { strict: true, noEmit: true, skipLibCheck: true });
    expect(ts.getPreEmitDiagnostics(ok)).toHaveLength(0);
  });

  it('every locale has the same keys, none empty', () => {
    const keys = Object.keys(zhCN).sort();
    expect(keys.length).toBeGreaterThan(800);
    for (const [lang, c] of Object.entries(CATALOGUES)) {
      expect([lang, Object.keys(c).sort()]).toEqual([lang, keys]);
      for (const k of keys) if (c[k] === '' && SOURCE[k] !== '') throw new Error(`${lang} ${k} empty`);
    }
  });

  it('a translation keeps every placeholder of the source message', () => {
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]))].sort();
    const bad: string[] = [];
    // The default English e-mail templates use their own plural-aware placeholders ({invoiceCount}, {daysLate}).
    const ownPlaceholders = (k: string) => k.startsWith('reminders/templates.');
    for (const k of Object.keys(SOURCE)) {
      for (const lang of ['en', 'zh-TW'] as const) {
        if (lang === 'en' && ownPlaceholders(k)) continue;
        if (names(CATALOGUES[lang][k]).join() !== names(SOURCE[k]).join()) bad.push(`${lang} ${k}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('English has no Chinese characters (except names of Chinese things), Traditional no Simplified ones', () => {
    // Characters that only exist in Simplified script, common in finance text.
    const simplified = /[账发这们对说为时单项数额计户务欠还应请设规则银汇总结记录条据类邮号码报导据]/;
    const twBad = Object.entries(zhTW).filter(([, v]) => simplified.test(v));
    expect(twBad).toEqual([]);
    // English may quote Chinese on purpose (e.g. payment methods' Chinese names in help text) — only a few keys.
    const enCjk = Object.entries(en).filter(([, v]) => /[\u4e00-\u9fff]/.test(v));
    expect(enCjk.length).toBeLessThan(25);
  });

  it('zh-TW is written as Taiwan and Hong Kong finance teams write it', () => {
    const all = Object.values(zhTW).join('\n');
    expect(all).toContain('應收帳款');
    expect(all).not.toContain('賬');
    expect(all).not.toMatch(/[“”]/);
    expect(all).toContain('發票');
  });
});

describe('no language chosen in code', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'sidebar/src'))]
    .concat(sources(join(ROOT, 'emulator/playground/page')))
    .filter((f) => !f.includes(`${join('src', 'i18n')}`));
  // `isLang` and `isChinese` are the only places that compare languages: they define them.
  const ALLOWED = new Set(['src/domain/i18n.ts']);

  it('no `lang === "zh-CN" ? … : …` and no Text literal outside the catalogues', () => {
    const bad: string[] = [];
    for (const f of files) {
      const rel = relative(ROOT, f);
      if (ALLOWED.has(rel)) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/[!=]==\s*'(zh-CN|zh-TW|en)'|'(zh-CN|zh-TW|en)'\s*[!=]==/.test(line))
            bad.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(bad).toEqual([]);
    // The extractor finds no Text literal left to move.
    expect(() =>
      execFileSync('node', [join(ROOT, 'scripts/i18n-extract.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});

describe('message formatting', () => {
  it('fills placeholders and English plurals, leaves an unknown placeholder visible', () => {
    expect(fill('{n} {n|day|days} overdue', { n: 1 })).toBe('1 day overdue');
    expect(fill('{n} {n|day|days} overdue', { n: 29 })).toBe('29 days overdue');
    expect(fill('due in {n} {n|day|days}', { n: -1 })).toBe('due in -1 day');
    expect(fill('{n} {n|invoice|invoices}', { n: 0 })).toBe('0 invoices');
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });

  it('every language of a message comes from its catalogue', () => {
    const text = msg('common.listSeparator');
    expect(LANGS.map((l) => t(l, text))).toEqual(['、', '、', ', ']);
  });

  it('Traditional-script locales read zh-TW, other Chinese zh-CN, the rest English', () => {
    expect(['zh_TW', 'zh-TW', 'zh_HK', 'zh_MO', 'zh-Hant-HK'].map(langFromLocale)).toEqual(Array(5).fill('zh-TW'));
    expect(['zh_CN', 'zh', 'zh-Hans', 'zh_SG'].map(langFromLocale)).toEqual(Array(4).fill('zh-CN'));
    expect(['en_US', 'fr_FR', '', undefined].map(langFromLocale)).toEqual(Array(4).fill('en'));
  });
});
