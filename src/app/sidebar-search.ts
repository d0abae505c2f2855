// Text normalization shared by the sidebar's instant search (browser) and the server's duplicate check, so both
// agree on what "the same name" means: case-folded, full-width folded to half-width, spaces and punctuation gone.
// Pure and free of Intl/normalize() (their presence in Apps Script is uncertain).
import type { Customer } from '../domain/records';
import type { DuplicateHit, IndexRow } from './sidebar-types';
import { phoneKey as canonicalPhone } from '../domain/phone';
import { halfWidth } from '../domain/width';

const PUNCT = /[\s\u3000.,;:'"`~!?()[\]{}<>\-_/\\|·•、，。；：！？（）【】《》“”‘’]+/g;

/** Folds full-width ASCII (Ａ, １, ＠) to half-width and the ideographic space to a space, then lower-cases. */
export function foldWidth(text: string): string {
  return halfWidth(text).toLowerCase();
}

/** Search/duplicate key: width- and case-folded, without spaces and punctuation. */
export function normalizeKey(text: string): string {
  return foldWidth(String(text ?? '')).replace(PUNCT, '');
}

/**
 * Phone key: the domain's canonical number (spaces and dashes dropped, +86 stripped from CN mobiles), then digits
 * only with a leading + kept, so "+86 138 0013 8000", "138-0013-8000" and "13800138000" all match.
 */
export function phoneKey(text: string): string {
  const s = canonicalPhone(foldWidth(String(text ?? '')));
  const digits = s.replace(/\D/g, '');
  return digits ? (s.startsWith('+') ? `+${digits}` : digits) : '';
}

/** A prepared index: one lower-cased haystack per customer, built once so each keystroke is a plain scan. */
export interface SearchIndex {
  rows: IndexRow[];
  keys: string[];
}

export function buildSearchIndex(rows: IndexRow[]): SearchIndex {
  return {
    rows,
    keys: rows.map(
      (r) =>
        `${normalizeKey(r[0])}\u0001${normalizeKey(r[1])}\u0001${phoneKey(r[2])}\u0001${normalizeKey(r[3])}\u0001${normalizeKey(r[4])}\u0001${normalizeKey(r[10] ?? '')}\u0001${invoiceKeys(r[11] ?? '')}`,
    ),
  };
}

/** Invoice numbers, each normalized, kept apart so a word cannot match across two numbers. */
function invoiceKeys(ids: string): string {
  return ids.split(' ').map(normalizeKey).filter(Boolean).join('\u0001');
}

/** Merges invoice-id lists (space-separated), keeping order and dropping repeats. */
export function mergeInvoiceIds(a: string, b: string): string {
  return [...new Set(`${a} ${b}`.split(' ').filter(Boolean))].join(' ');
}

/**
 * Customers matching every word of the query in id, name, phone, e-mail, contact, tax id or an invoice number;
 * exact id and name-prefix hits first. Returns at most `limit` rows.
 */
export function searchIndex(index: SearchIndex, query: string, limit = 50): IndexRow[] {
  return searchWithTotal(index, query, limit).rows;
}

/** The first `limit` matches and how many customers match in all (the sidebar says "showing 20 of 57"). */
export function searchWithTotal(index: SearchIndex, query: string, limit = 50): { rows: IndexRow[]; total: number } {
  const words = foldWidth(query)
    .split(/[\s,，]+/)
    .map((w) => (/^\+?[\d\s-]+$/.test(w) ? phoneKey(w) || normalizeKey(w) : normalizeKey(w)))
    .filter(Boolean);
  if (!words.length) return { rows: [], total: 0 };
  let total = 0;
  const first: IndexRow[] = [];
  const rest: IndexRow[] = [];
  const { keys, rows } = index;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    let all = true;
    for (const w of words) {
      if (k.indexOf(w) < 0) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    total++;
    const id = k.slice(0, k.indexOf('\u0001'));
    const nameStart = id.length + 1;
    if (id === words[0] || k.startsWith(words[0], nameStart)) first.push(rows[i]);
    else if (rest.length < limit) rest.push(rows[i]);
  }
  return { rows: first.concat(rest).slice(0, limit), total };
}

/** Existing customers a new one may duplicate: same tax id, e-mail, phone or normalized name. */
export function findDuplicates(
  candidate: Pick<Customer, 'name' | 'email' | 'phone' | 'taxId'>,
  existing: ReadonlyArray<Pick<Customer, 'id' | 'name' | 'email' | 'phone' | 'taxId'>>,
  excludeId = '',
): DuplicateHit[] {
  const tax = String(candidate.taxId ?? '')
    .trim()
    .toUpperCase();
  const email = String(candidate.email ?? '')
    .trim()
    .toLowerCase();
  const phone = phoneKey(candidate.phone);
  const name = normalizeKey(candidate.name);
  const hits: DuplicateHit[] = [];
  for (const c of existing) {
    if (!c.id || c.id === excludeId) continue;
    let rule = '';
    if (
      tax &&
      String(c.taxId ?? '')
        .trim()
        .toUpperCase() === tax
    )
      rule = 'taxId';
    else if (
      email &&
      String(c.email ?? '')
        .trim()
        .toLowerCase() === email
    )
      rule = 'email';
    else if (phone && phoneKey(c.phone) === phone) rule = 'phone';
    else if (name && normalizeKey(c.name) === name) rule = 'name';
    if (rule) hits.push({ id: c.id, name: c.name, rule });
    if (hits.length >= 5) break;
  }
  return hits;
}
