// Display helpers: money from cents with the ledger currency, enum labels from the schema in the UI language.
import type { Role } from '../../src/app/ports';
import { displayMoney } from '../../src/domain/money';
import { columnOf, enumLabel } from '../../src/domain/schema';
import { lang } from './i18n';
import { app } from './state';

export function money(cents: number, currency?: string): string {
  return displayMoney(cents || 0, currency || app.home?.currency || 'CNY');
}

/** Cents as the text a money field holds ("1234.50"). */
export function moneyInput(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function label(role: Role, key: string, value: string): string {
  const col = columnOf(role, key);
  return col && value ? enumLabel(col, value, lang()) : value;
}
