// Two languages for everything a user reads. Each feature keeps its own catalog (a `Catalog`) next to its code;
// this file only holds the mechanism, so catalogs never contend for one file.
import type { Lang } from './records';

export type { Lang };
export type Text = { readonly 'zh-CN': string; readonly en: string };
export type Catalog<K extends string = string> = Readonly<Record<K, Text>>;

/** UI language from a locale such as "zh_CN", "zh-TW", "en_US": any zh* → zh-CN, else en. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^zh/i.test(locale ?? '') ? 'zh-CN' : 'en';
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'en';
}

/** Fills `{name}` placeholders. Unknown placeholders stay as written, so a missing parameter is visible. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in params ? String(params[k]) : all));
}

export function t(lang: Lang, text: Text, params?: Readonly<Record<string, string | number>>): string {
  return fill(text[lang], params);
}
