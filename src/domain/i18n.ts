// Everything a user reads comes from one catalogue per locale (src/i18n/zh-CN.ts, en.ts, zh-TW.ts). Code names a
// message by key (`msg('reminders/catalog.OVERDUE.subject')`) and gets a `Text` — the message in every language —
// which `t(lang, text, params)` formats. No code chooses between languages itself (test/unit/i18n-catalogue.test.ts
// forbids `lang === 'zh-CN' ? … : …`): a new language is one more catalogue file.
import { en } from '../i18n/en';
import type { MessageKey } from '../i18n/keys';
import { zhCN } from '../i18n/zh-CN';
import { zhTW } from '../i18n/zh-TW';
import type { Lang } from './records';

export type { Lang };
export type { MessageKey };
export type Text = { readonly 'zh-CN': string; readonly en: string; readonly 'zh-TW': string };
export type Catalog<K extends string = string> = Readonly<Record<K, Text>>;

/** Every supported language, in the order lists and dropdowns show them. */
export const LANGS: readonly Lang[] = ['zh-CN', 'zh-TW', 'en'];

/** The message `key` in every language. */
export function msg(key: MessageKey): Text {
  return { 'zh-CN': zhCN[key], en: en[key], 'zh-TW': zhTW[key] };
}

/** Between the items of a list in running text: 、 in Chinese, a comma in English. */
export const LIST_SEPARATOR = msg('common.listSeparator');

/** Between clauses of a list of reasons: ； in Chinese, a semicolon in English. */
export const CLAUSE_SEPARATOR = msg('common.clauseSeparator');

/** Every language's version of a text (sheet names, headers, labels): what a workbook may say in any locale. */
export function everyLang(text: Text): string[] {
  return LANGS.map((l) => text[l]);
}

/** A text that reads the same in every language: codes and names such as "AAA", "VIP", a customer's own words. */
export function verbatim(s: string): Text {
  return { 'zh-CN': s, en: s, 'zh-TW': s };
}

/** A text computed per language (a message with parameters, a list joined in each language). */
export function perLang(f: (lang: Lang) => string): Text {
  return { 'zh-CN': f('zh-CN'), en: f('en'), 'zh-TW': f('zh-TW') };
}

/**
 * UI language from a locale such as "zh_CN", "zh-TW", "zh_HK", "en_US": Traditional-script locales (TW, HK, MO,
 * Hant) → zh-TW, any other zh → zh-CN, else en.
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  const l = locale ?? '';
  if (/^zh[-_](tw|hk|mo|hant)/i.test(l)) return 'zh-TW';
  return /^zh/i.test(l) ? 'zh-CN' : 'en';
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'en' || v === 'zh-TW';
}

/** True for Chinese in Traditional script (金额大写 written 貳參陸萬億, 人民幣). */
export function isTraditional(lang: Lang): boolean {
  return lang === 'zh-TW';
}

/** True for the Chinese languages (either script): they share punctuation and number conventions. */
export function isChinese(lang: Lang): boolean {
  return lang !== 'en';
}

/**
 * Fills `{name}` placeholders and English plurals `{n|day|days}` (singular when n is ±1, else plural; Chinese has no
 * plural, so its messages just write `{n} 天`). Unknown placeholders stay as written, so a missing parameter shows.
 */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  // Fast paths with the same result: no brace, nothing to fill; no bar, no plural (batch runs fill thousands).
  if (!template.includes('{')) return template;
  const plural = template.includes('|')
    ? template.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (all, k: string, one: string, other: string) =>
        k in params ? (Math.abs(Number(params[k])) === 1 ? one : other) : all,
      )
    : template;
  const parts = compiled(plural);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (k in params ? String(params[k]) : `{${k}}`) + parts[i + 1];
  }
  return out;
}

/**
 * `s` split at its `{name}` placeholders, as `/\{(\w+)\}/g` finds them: literal, name, literal, …, literal. Cached per
 * text, since a batch run fills the same few messages thousands of times and the regex callback was its cost.
 */
const compiledCache = new Map<string, string[]>();

function compiled(s: string): string[] {
  let parts = compiledCache.get(s);
  if (parts) return parts;
  parts = [];
  let last = 0;
  let pos = 0;
  for (;;) {
    const i = s.indexOf('{', pos);
    if (i < 0) break;
    let j = i + 1;
    while (j < s.length && isWordChar(s.charCodeAt(j))) j++;
    if (j > i + 1 && s.charCodeAt(j) === 125 /* } */) {
      parts.push(s.slice(last, i), s.slice(i + 1, j));
      last = pos = j + 1;
    } else pos = i + 1;
  }
  parts.push(s.slice(last));
  if (compiledCache.size >= 2000) compiledCache.clear(); // texts from settings vary: keep the cache bounded
  compiledCache.set(s, parts);
  return parts;
}

/** The regex class \w without the u flag: [A-Za-z0-9_]. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * A count as a finance reader writes it: 10,000 customers, 1,091 reminders. Row numbers and years are not counts
 * and stay ungrouped, so fill() leaves numbers alone; callers group the counts they show.
 */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function t(lang: Lang, text: Text, params?: Readonly<Record<string, string | number>>): string {
  return fill(text[lang], params);
}
