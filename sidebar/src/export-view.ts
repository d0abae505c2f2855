// The export card of the import view (PRODUCT.md §12): one sheet or all of them, as XLSX or CSV, generated in the
// browser from the server's plain tables (exportData) and downloaded; nothing is written anywhere.
import type { Role } from '../../src/app/ports';
import { SHEETS } from '../../src/domain/schema';
import { h } from './dom';
import { toCsvFile, toXlsx } from './export-file';
import { ti } from './import-text';
import { lang } from './i18n';
import { server } from './rpc-client';

const ROLES: readonly Role[] = ['customers', 'invoices', 'payments', 'interactions', 'reminders', 'audit', 'settings'];

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export function exportCard(): HTMLElement {
  const what = h(
    'select',
    { id: 'export-what' },
    h('option', { value: '' }, ti('exportAll')),
    ...ROLES.map((r) => h('option', { value: r }, SHEETS[r].name[lang()])),
  );
  const format = h(
    'select',
    { id: 'export-format' },
    h('option', { value: 'xlsx' }, ti('xlsx')),
    h('option', { value: 'csv' }, ti('csv')),
  );
  const note = h('div', { class: 'small', id: 'export-note', role: 'status' });
  const button = h('button', { type: 'button', class: 'btn', id: 'export-run' }, ti('export'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    note.className = 'small';
    note.textContent = ti('exporting');
    try {
      const r = await server.exportData({ roles: what.value ? [what.value] : [] });
      if (!r.ok) throw new Error(r.message);
      const day = new Date().toISOString().slice(0, 10);
      const base = `${ti('fileTitle')}-${what.value ? r.sheets[0]?.name : ti('exportAll')}-${day}`;
      const rows = r.sheets.reduce((n, s) => n + s.rows.length, 0);
      let file: string;
      if (format.value === 'xlsx') {
        file = `${base}.xlsx`;
        download(toXlsx(r.sheets), file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      } else {
        const out = toCsvFile(r.sheets);
        file = `${base}.${out.ext}`;
        download(out.bytes, file, out.ext === 'zip' ? 'application/zip' : 'text/csv');
      }
      note.textContent = ti('exported', { file, rows });
    } catch (e) {
      note.className = 'small bad';
      note.textContent = (e as Error).message;
    } finally {
      button.disabled = false;
    }
  });
  return h(
    'section',
    { class: 'card', id: 'export-card' },
    h('h2', {}, ti('exportCard')),
    h('div', { class: 'field' }, h('label', { for: 'export-what' }, ti('exportWhat')), what),
    h('div', { class: 'field' }, h('label', { for: 'export-format' }, ti('exportFormat')), format),
    h('div', { class: 'hint' }, ti('exportHint')),
    h('div', { class: 'actions' }, button),
    note,
  );
}
