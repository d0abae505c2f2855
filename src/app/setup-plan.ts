// What setup/repair must do to one sheet, decided in pure code from the header row it finds: which schema columns
// are missing (appended at the end, never reordering the user's columns), the resulting layout, and the validation
// rule each owned column gets. The adapter (sheet-setup.ts) turns the plan into as few service calls as it can.
import type { Lang } from '../domain/i18n';
import { LIST_SEPARATOR, t } from '../domain/i18n';
import { type Column, columnsOf } from '../domain/schema';
import { listSetting } from '../domain/settings';
import type { SettingsMap } from '../domain/settings-def';
import { type HeaderMap, mapHeader } from '../domain/table';
import { HELP } from '../domain/workbook-i18n';
import type { Role } from './ports';

export interface HeaderPlan<K extends Role = Role> {
  /** The full header row after repair: existing cells untouched, missing columns appended. */
  readonly header: string[];
  readonly added: readonly Column[];
  readonly map: HeaderMap<K>;
  /** Layout signature (owned column keys by position, '' for user columns), stored to detect later damage. */
  readonly layout: string;
}

export function planHeader<K extends Role>(role: K, existing: readonly unknown[], lang: Lang): HeaderPlan<K> {
  const current = existing.map((h) => String(h ?? ''));
  // Trailing empty header cells are free slots, not user columns.
  while (current.length && current[current.length - 1].trim() === '') current.pop();
  const before = mapHeader(role, current);
  const added = before.missing;
  const header = [...current, ...added.map((c) => c.header[lang])];
  const map = mapHeader(role, header);
  return { header, added, map, layout: layoutOf(map) };
}

/** Owned keys by position; user columns are '' and trailing user columns are dropped (adding one is no damage). */
export function layoutOf(map: HeaderMap): string {
  const byIndex = new Array<string>(map.width).fill('');
  for (const [k, i] of Object.entries(map.index)) byIndex[i] = k;
  while (byIndex.length && byIndex[byIndex.length - 1] === '') byIndex.pop();
  return byIndex.join(',');
}

/** A data-validation rule, described as data so identical rules are built once and shared between columns. */
/** Every rule carries its localized help text (shown on hover and when a typed value is rejected). */
export type RuleSpec =
  | { kind: 'list'; values: string[]; help: string }
  | { kind: 'date'; help: string }
  | { kind: 'email'; help: string }
  | { kind: 'money'; help: string }
  | { kind: 'range'; min: number; max: number; help: string }
  | { kind: 'checkbox'; help: string }
  | { kind: 'phone'; help: string }
  | { kind: 'taxId'; help: string };

/** Dropdown help names the choices, so a rejected paste says what would have been accepted. */
function listRule(values: string[], lang: Lang): RuleSpec {
  return { kind: 'list', values, help: t(lang, HELP.list, { values: values.join(t(lang, LIST_SEPARATOR)) }) };
}

/** The rule of an owned column, or null (derived columns and free text have none). */
export function ruleFor(col: Column, lang: Lang, settings: SettingsMap): RuleSpec | null {
  if (col.derived) return null;
  if (col.listSetting) {
    const values = listSetting(settings[col.listSetting]);
    return values.length ? listRule(values, lang) : null;
  }
  switch (col.type) {
    case 'enum':
      return listRule(
        (col.options ?? []).map((o) => o.label[lang]),
        lang,
      );
    case 'date':
      return { kind: 'date', help: t(lang, HELP.date) };
    case 'email':
      return { kind: 'email', help: t(lang, HELP.email) };
    case 'money':
      return { kind: 'money', help: t(lang, HELP.money) };
    case 'integer':
      return col.min !== undefined && col.max !== undefined
        ? { kind: 'range', min: col.min, max: col.max, help: t(lang, HELP.range, { min: col.min, max: col.max }) }
        : null;
    case 'checkbox':
      return { kind: 'checkbox', help: t(lang, HELP.checkbox) };
    case 'decimal':
      // No in-sheet rule for the optional ratios: each distinct rule costs three calls and setup is at its §10
      // budget (150). The sidebar form refuses a bad ratio with the field's name and the rule, and so does reading
      // the row (the same parser), so a typo cannot reach the score.
      return null;
    case 'phone':
      return { kind: 'phone', help: t(lang, HELP.phone) };
    case 'taxId':
      return { kind: 'taxId', help: t(lang, HELP.taxId) };
    default:
      return null;
  }
}

/** Rules whose formula refers to the cell itself must be applied per column range, not shared per cell. */
export function isCellRelative(spec: RuleSpec): boolean {
  return spec.kind === 'phone' || spec.kind === 'taxId';
}

export function ruleKey(spec: RuleSpec): string {
  return JSON.stringify(spec);
}

/** Owned columns of a role in sheet order, with their 0-based index in `map`. */
export function ownedColumns(role: Role, map: HeaderMap): Array<{ col: Column; index: number }> {
  return columnsOf(role)
    .filter((c) => map.index[c.key] !== undefined)
    .map((c) => ({ col: c, index: map.index[c.key] }))
    .sort((a, b) => a.index - b.index);
}

/** Contiguous runs of indices (for protecting derived columns in as few ranges as possible). */
export function runs(indices: readonly number[]): Array<{ from: number; count: number }> {
  const sorted = [...indices].sort((a, b) => a - b);
  const out: Array<{ from: number; count: number }> = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last.from + last.count === i) last.count++;
    else out.push({ from: i, count: 1 });
  }
  return out;
}

/** Column letters for A1 notation (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
