// Building blocks of the import view (import-view.ts): labelled controls, one preview row as a person reads it,
// and the file-reading helpers (size check before reading, which XLSX sheet to read, localized file errors).
import type { PreviewRow } from '../../src/app/import-types';
import type { ImportTarget } from '../../src/domain/import-types';
import { SHEETS } from '../../src/domain/schema';
import { h } from './dom';
import { MAX_FILE_BYTES } from './file-table';
import { ti } from './import-text';
import { everyLang } from '../../src/domain/i18n';

export function select<T extends string>(id: string, options: Array<[T, string]>, value: T): HTMLSelectElement {
  const el = h('select', { id, name: id }, ...options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value;
  return el;
}

export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('div', { class: 'hint' }, hint) : null,
  );
}

const KEY_FIELDS: Readonly<Record<ImportTarget, readonly string[]>> = {
  customers: ['name', 'taxId', 'phone', 'email', 'creditLimit'],
  invoices: ['customerId', 'issueDate', 'dueDate', 'amount'],
  payments: ['invoiceId', 'date', 'amount', 'method'],
  interactions: ['customerId', 'date', 'type', 'summary'],
};

export function rowItem(target: ImportTarget, r: PreviewRow): HTMLElement {
  const status =
    r.status === 'new' ? 'new' : r.status === 'update' ? 'updated' : r.status === 'skip' ? 'skipped' : 'reject';
  const parts = KEY_FIELDS[target].map((k) => r.values[k]).filter(Boolean);
  return h(
    'li',
    { class: `import-row st-${r.status}`, 'data-row': r.sourceRow },
    h(
      'div',
      { class: 'row1' },
      h('span', { class: `badge st-${r.status}` }, ti(status)),
      h('span', { class: 'muted small' }, ti('row', { n: r.sourceRow })),
      h('span', { class: 'name' }, r.id || ''),
    ),
    h('div', { class: 'small' }, parts.join(' · ')),
    // Each message already names its field (the form schemas' wording).
    ...r.errors.map((e) => h('div', { class: 'small bad' }, e.message)),
  );
}

/** Rows of a file sent per server call: one call is one batch of the server's run. */
export const FILE_SLICE = 2500;

export const FILE_ERRORS = {
  empty: 'fileEmpty',
  binary: 'fileBinary',
  tooLarge: 'fileTooLarge',
  encoding: 'fileEncoding',
  xlsx: 'fileXlsx',
  mergedHeader: 'fileMerged',
} as const;

export async function readChosen(file: File): Promise<Uint8Array | null> {
  // A file over the limit is refused from its size, before any byte is read.
  if (file.size > MAX_FILE_BYTES) return null;
  return new Uint8Array(await file.arrayBuffer());
}

/** A ledger export holds every sheet: the one named like the target (any language) is the one to read. */
export function preferredSheets(target: ImportTarget): string[] {
  return everyLang(SHEETS[target].name);
}
