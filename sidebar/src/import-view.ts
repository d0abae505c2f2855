// The import view (PRODUCT.md §12), opened from the menu (showImport) or the home view: choose a source tab and a
// target, preview (the server maps headers, checks every row with the form schemas and shows the first rows as
// they will be saved, writing nothing), correct the mapping, then import. A large import runs as several server
// calls — each one execution that resumes at the server's checkpoint — with progress shown between them.
import type { ImportPreviewView, ImportRequest, ImportRunResult } from '../../src/app/import-types';
import type { DedupeAction, ImportTarget } from '../../src/domain/import-types';
import { clear, h } from './dom';
import { exportCard } from './export-view';
import { type FileTable, MAX_FILE_BYTES, readFileTable } from './file-table';
import { FILE_ERRORS, FILE_SLICE, field, preferredSheets, readChosen, rowItem, select } from './import-parts';
import { ti } from './import-text';
import { lang } from './i18n';
import { server } from './rpc-client';

interface Options {
  target: ImportTarget;
  dedupe: DedupeAction;
  dateOrder: 'dmy' | 'mdy';
  sheet: string;
}

export function importView(done: () => void): HTMLElement {
  const main = h('main', { id: 'import-view' });
  const opts: Options = { target: 'customers', dedupe: 'skip', dateOrder: 'dmy', sheet: '' };
  let mapping: Record<string, string> | undefined;
  const sheet = h('input', { id: 'import-sheet', type: 'text', autocomplete: 'off', value: opts.sheet });
  const kind = select<'sheet' | 'file'>(
    'import-kind',
    [
      ['sheet', ti('kindSheet')],
      ['file', ti('kindFile')],
    ],
    'sheet',
  );
  const fileInput = h('input', { id: 'import-file', type: 'file', accept: '.csv,.txt,.xlsx' });
  const fileNote = h('div', { class: 'small', id: 'import-file-note' });
  let table: { name: string; header: string[]; rows: Array<Array<string | number | boolean>> } | null = null;
  const sheetField = field(ti('sourceSheet'), sheet, ti('sourceHint'));
  const fileField = h('div', {}, field(ti('file'), fileInput, ti('fileHint')), fileNote);
  const showKind = () => {
    sheetField.hidden = kind.value !== 'sheet';
    fileField.hidden = kind.value !== 'file';
    mapping = undefined;
  };
  kind.addEventListener('change', showKind);
  let chosen: { name: string; bytes: Uint8Array | null } | null = null;
  const parseChosen = () => {
    table = null;
    mapping = undefined;
    clear(banner);
    clear(results);
    fileNote.textContent = '';
    if (!chosen) return;
    const t: FileTable = chosen.bytes
      ? readFileTable(chosen.name, chosen.bytes, preferredSheets(target.value as ImportTarget))
      : { ok: false, code: 'tooLarge' };
    if (!t.ok) {
      showError(ti(FILE_ERRORS[t.code], { mb: MAX_FILE_BYTES / 1024 / 1024 }));
      return;
    }
    table = { name: chosen.name, header: t.header, rows: t.rows };
    fileNote.textContent = ti('fileRead', { name: chosen.name, rows: t.rows.length, cols: t.header.length });
  };
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    chosen = file ? { name: file.name, bytes: await readChosen(file) } : null;
    parseChosen();
  });
  const target = select<ImportTarget>(
    'import-target',
    (['customers', 'invoices', 'payments', 'interactions'] as const).map((k) => [k, ti(k)]),
    opts.target,
  );
  const dedupe = select<DedupeAction>(
    'import-dedupe',
    (['skip', 'update', 'create'] as const).map((k) => [k, ti(k)]),
    opts.dedupe,
  );
  const order = select<'dmy' | 'mdy'>(
    'import-date-order',
    [
      ['dmy', ti('dmy')],
      ['mdy', ti('mdy')],
    ],
    opts.dateOrder,
  );
  const banner = h('div', { id: 'import-banner' });
  const results = h('div', { id: 'import-results' });
  const previewBtn = h('button', { type: 'button', class: 'btn primary', id: 'import-preview' }, ti('preview'));

  const source = (offset: number): ImportRequest['source'] =>
    kind.value === 'file' && table
      ? {
          file: {
            name: table.name,
            header: table.header,
            rows: table.rows.slice(offset, offset + FILE_SLICE),
            offset,
            total: table.rows.length,
          },
        }
      : { sheet: sheet.value.trim() };
  const request = (offset = 0): ImportRequest => ({
    source: source(offset),
    target: target.value as ImportTarget,
    dedupe: dedupe.value as DedupeAction,
    dateOrder: order.value as 'dmy' | 'mdy',
    mapping,
    lang: lang(),
  });
  const showError = (msg: string) => {
    clear(banner);
    banner.appendChild(h('div', { class: 'banner error', role: 'alert' }, msg));
  };
  // A new source or target starts from the automatic (or remembered) mapping again.
  for (const el of [sheet, target]) el.addEventListener('change', () => (mapping = undefined));
  target.addEventListener('change', () => {
    if (chosen && /\.xlsx$/i.test(chosen.name)) parseChosen();
  });

  const runPreview = async () => {
    clear(banner);
    clear(results);
    if (kind.value === 'file' && !table) return showError(ti('fileNone'));
    previewBtn.disabled = true;
    results.appendChild(h('div', { class: 'muted' }, ti('previewing')));
    try {
      const p = await server.importPreview(request());
      clear(results);
      if (!p.ok) return showError(p.message);
      mapping = { ...p.mapping };
      renderPreview(p);
    } catch (e) {
      clear(results);
      showError((e as Error).message);
    } finally {
      previewBtn.disabled = false;
    }
  };
  previewBtn.addEventListener('click', runPreview);

  const renderPreview = (p: ImportPreviewView) => {
    const t = target.value as ImportTarget;
    const mapCard = h('section', { class: 'card', id: 'import-mapping' }, h('h2', {}, ti('mappingCard')));
    mapCard.appendChild(h('div', { class: 'hint' }, p.remembered ? ti('remembered') : ti('mappingHint')));
    for (const f of p.fields) {
      const id = `map-${f.key}`;
      const s = select<string>(
        id,
        [['', ti('notImported')] as [string, string]].concat(p.headers.filter(Boolean).map((hd) => [hd, hd])),
        p.mapping[f.key] ?? '',
      );
      s.setAttribute('data-field', f.key);
      s.addEventListener('change', () => {
        const m = { ...(mapping ?? {}) };
        if (s.value) m[f.key] = s.value;
        else delete m[f.key];
        mapping = m;
      });
      mapCard.appendChild(
        h(
          'div',
          { class: 'field map-row' },
          h('label', { for: id }, f.label, f.required ? h('span', { class: 'req' }, ' *') : null),
          s,
        ),
      );
    }
    mapCard.appendChild(
      h('button', { type: 'button', class: 'btn', id: 'import-repreview', onclick: runPreview }, ti('previewAgain')),
    );
    const c = p.counts;
    const prevCard = h(
      'section',
      { class: 'card', id: 'import-preview-card' },
      h('h2', {}, ti('previewCard')),
      h('div', { class: 'small muted' }, ti('counted', { total: p.total })),
      p.counted < p.total ? h('div', { class: 'small muted' }, ti('countedPart', { n: p.counted })) : null,
      h(
        'div',
        { class: 'kpis import-counts' },
        ...(
          [
            ['created', c.created],
            ['updated', c.updated],
            ['skipped', c.skipped],
            ['rejected', c.rejected],
          ] as const
        ).map(([k, n]) =>
          h('div', { 'data-count': k }, h('div', { class: 'muted small' }, ti(k)), h('b', {}, n.toLocaleString())),
        ),
      ),
      h('div', { class: 'small muted' }, ti('firstRows', { n: p.rows.length })),
      h('ul', { class: 'list' }, ...p.rows.map((r) => rowItem(t, r))),
    );
    const runBtn = h('button', { type: 'button', class: 'btn primary', id: 'import-run' }, ti('run'));
    if (!c.created && !c.updated) runBtn.disabled = true;
    runBtn.addEventListener('click', () => runImport(runBtn));
    results.append(mapCard, prevCard, h('div', { class: 'actions' }, runBtn));
  };

  const runImport = async (btn: HTMLButtonElement) => {
    btn.disabled = true;
    previewBtn.disabled = true;
    const card = h('section', { class: 'card', id: 'import-result' }, h('h2', {}, ti('resultCard')));
    const line = h('div', { class: 'small', id: 'import-progress' }, ti('running'));
    card.appendChild(line);
    results.appendChild(card);
    card.scrollIntoView?.();
    let r: ImportRunResult;
    let next = 0;
    try {
      for (;;) {
        r = await server.importRun(request(next));
        if (!r.ok) break;
        line.textContent = r.message;
        if (r.done) break;
        next = r.next;
      }
    } catch (e) {
      line.textContent = ti('failed', { msg: (e as Error).message });
      line.className = 'small bad';
      btn.disabled = false;
      previewBtn.disabled = false;
      return;
    }
    if (!r.ok) {
      line.textContent = r.message;
      line.className = 'small bad';
      btn.disabled = false;
    } else {
      card.setAttribute('data-done', 'true');
      card.appendChild(
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn', onclick: done }, ti('done'))),
      );
    }
    previewBtn.disabled = false;
  };

  main.append(
    h(
      'section',
      { class: 'card', id: 'import-source' },
      h('h2', {}, ti('sourceCard')),
      field(ti('sourceKind'), kind),
      sheetField,
      fileField,
      field(ti('target'), target),
      field(ti('dedupe'), dedupe, ti('dedupeHint')),
      field(ti('dateOrder'), order),
      h('div', { class: 'actions' }, previewBtn),
    ),
    banner,
    results,
    exportCard(),
  );
  showKind();
  return main;
}
