// The playground page: a Sheets-like frame around the emulated workbook. Everything shown comes from the server
// (the emulator running the built add-on); the page only draws it and forwards what the person does: cell edits,
// menu clicks, dialog answers, clock moves. The sidebar is the real dist/Sidebar.html in a 300 px iframe.
import type { DialogInfo, MenuEntry, RunReply, Snapshot } from '../shared/protocol';
import { api } from './api';
import { ask, showProblem } from './dialogs';
import { type CellPos, colLetter, Grid } from './grid';
import { esc, nextLang, setLang, tr } from './labels';
import { Dock, wallTime } from './panels';

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;

let snap: Snapshot | null = null;
let sheetId: number | null = null;
let sidebarsSeen = -1;
let toastsSeen = -1;
let htmlDialogsSeen = -1;
let busy = false;
const dock = new Dock($('#dock'));
const grid = new Grid($('#grid'), {
  select: (pos) => showFormula(pos),
  edit: (pos, initial) => startEdit(pos, initial),
  toggle: (pos, checked) => commit(pos, checked ? 'TRUE' : 'FALSE'),
  clear: (pos) => commit(pos, ''),
});

async function refresh(): Promise<void> {
  const s = await api.snapshot();
  const first = snap === null;
  snap = s;
  if (sheetId === null || !s.sheets.some((x) => x.id === sheetId)) sheetId = s.activeSheetId ?? s.sheets[0]?.id ?? null;
  renderChrome(s);
  const sheet = s.sheets.find((x) => x.id === sheetId);
  if (sheet) grid.show(sheet, s.version);
  dock.update(s);
  if (first) {
    sidebarsSeen = s.sidebars;
    toastsSeen = s.toasts.length;
    htmlDialogsSeen = s.htmlDialogs;
    if (s.sidebars > 0) openSidebar(s.sidebars - 1);
  }
  if (s.htmlDialogs > htmlDialogsSeen) showHtmlDialog(s.htmlDialogs - 1, s.htmlDialogTitle);
  htmlDialogsSeen = s.htmlDialogs;
  if (s.sidebars > sidebarsSeen) openSidebar(s.sidebars - 1);
  sidebarsSeen = s.sidebars;
  for (const t of s.toasts.slice(Math.max(toastsSeen, 0))) popToast(t.title, t.message, t.timeoutSeconds);
  toastsSeen = s.toasts.length;
}

function renderChrome(s: Snapshot): void {
  document.title = tr('title');
  $('#title').textContent = tr('title');
  $('#badge').textContent = tr('emulatorBadge');
  $('#book').textContent = s.workbookName;
  $('#clock-label').textContent = tr('clock');
  $('#clock-now').textContent = `${wallTime(new Date(s.now), s.timeZone)} (${s.timeZone})`;
  const clockInput = $<HTMLInputElement>('#clock-input');
  if (document.activeElement !== clockInput) clockInput.value = wallTime(new Date(s.now), s.timeZone) ?? '';
  $('#plus-hour').textContent = tr('plusHour');
  $('#plus-day').textContent = tr('plusDay');
  $('#set-clock').textContent = tr('setClock');
  $('#menu-ext').textContent = tr('extensions');
  $('#user').textContent = `${tr('user')}: ${s.user}`;
  $('#store').textContent = `${tr('savedTo')} ${s.storeFile}`;
  $('#lang').textContent = nextLang().name;
  $('#sidebar-title').textContent = s.sidebarTitle || tr('sidebar');
  $('#tabs').innerHTML = s.sheets
    .map(
      (x) =>
        `<button class="tab${x.id === sheetId ? ' on' : ''}" data-sheet="${x.id}" style="${x.tabColor ? `border-bottom-color:${esc(x.tabColor)}` : ''}">${esc(x.name)}</button>`,
    )
    .join('');
}

function menuHtml(items: MenuEntry[]): string {
  if (!items.length) return `<div class="m-item muted">${tr('noMenu')}</div>`;
  return items
    .map((it) => {
      if (it.separator) return '<div class="m-sep"></div>';
      if (it.items)
        return `<div class="m-item m-sub">${esc(it.caption)} ▸<div class="m-pop">${menuHtml(it.items)}</div></div>`;
      return `<div class="m-item" data-fn="${esc(it.functionName ?? '')}">${esc(it.caption)}</div>`;
    })
    .join('');
}

function toggleMenu(show: boolean): void {
  const pop = $('#menu-pop');
  if (show && snap) {
    pop.innerHTML = `<div class="m-item m-sub" id="addon-menu">${esc(snap.menuCaption || tr('addonMenu'))} ▸<div class="m-pop">${menuHtml(snap.menu)}</div></div><div class="m-sep"></div><div class="m-item" data-reopen="1">${tr('reopen')}</div>`;
  }
  pop.hidden = !show;
}

async function runMenu(fn: string): Promise<void> {
  if (busy) return;
  busy = true;
  document.body.classList.add('busy');
  const answers: { button: string; text: string }[] = [];
  try {
    for (;;) {
      const reply: RunReply = await api.run(fn, answers);
      if (reply.pending) {
        answers.splice(0, answers.length, ...reply.pending.prior, await ask(reply.pending));
        continue;
      }
      await refresh();
      for (const d of reply.dialogs.filter((x) => x.type === 'alert' && x.buttons === 'OK')) await showAlert(d);
      if (!reply.ok && reply.error) await showProblem(tr('failed'), reply.error);
      break;
    }
  } finally {
    busy = false;
    document.body.classList.remove('busy');
  }
}

/** Information alerts are shown after the run: with one button there was nothing to decide. */
function showAlert(d: DialogInfo): Promise<unknown> {
  return ask({ ...d, index: -1, prior: [] });
}

function openSidebar(index: number): void {
  const panel = $('#sidebar');
  panel.hidden = false;
  const frame = $<HTMLIFrameElement>('#sidebar-frame');
  frame.src = `/sidebar/${index}`;
}

/** An HTML dialog (showModalDialog, e.g. the reminder preview): the add-on's own HTML in a sandboxed frame. */
function showHtmlDialog(index: number, title: string): void {
  const back = document.createElement('div');
  back.className = 'modal-back';
  back.innerHTML = `<div class="modal html-dialog" role="dialog" aria-modal="true" data-dialog="html"><div class="hd-head"><h2>${esc(title)}</h2><button class="t-x" aria-label="${tr('close')}">×</button></div><iframe title="${esc(title)}" sandbox="allow-scripts allow-forms allow-popups"></iframe></div>`;
  (back.querySelector('iframe') as HTMLIFrameElement).src = `/dialog/${index}`;
  back.querySelector('.t-x')?.addEventListener('click', () => back.remove());
  back.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') back.remove();
  });
  document.body.appendChild(back);
}

/** Sheets shows one toast at a time, the newest replacing the one before: they never pile up over the grid. */
function popToast(title: string, message: string, timeout: number | null): void {
  for (const old of Array.from($('#toasts').children)) old.remove();
  const el = document.createElement('div');
  el.className = 'toast';
  el.innerHTML = `${title ? `<b>${esc(title)}</b><br>` : ''}${esc(message)}<button class="t-x" aria-label="${tr('close')}">×</button>`;
  $('#toasts').appendChild(el);
  el.querySelector('button')?.addEventListener('click', () => el.remove());
  const secs = timeout === null ? 5 : timeout;
  if (secs >= 0) setTimeout(() => el.remove(), Math.max(secs, 1) * 1000);
}

async function showFormula(pos: CellPos): Promise<void> {
  $('#cell-ref').textContent = `${colLetter(pos.col)}${pos.row + 1}`;
  if (sheetId === null) return;
  const detail = await api.cell(sheetId, pos.row, pos.col);
  $<HTMLInputElement>('#formula').value = detail.input;
  $('#cell-help').textContent = detail.help;
}

async function startEdit(pos: CellPos, initial: string | null): Promise<void> {
  if (sheetId === null) return;
  grid.select(pos);
  const detail = await api.cell(sheetId, pos.row, pos.col);
  if (detail.checkbox) return commit(pos, grid.viewAt(pos)?.check ? 'FALSE' : 'TRUE');
  const box = grid.cellBox(pos);
  const input = document.createElement('input');
  input.className = 'g-editor';
  input.value = initial ?? detail.input;
  Object.assign(input.style, {
    left: `${box.left}px`,
    top: `${box.top}px`,
    minWidth: `${box.width}px`,
    height: `${box.height}px`,
  });
  if (detail.options.length) {
    input.setAttribute('list', 'g-options');
    $('#g-options').innerHTML = detail.options.map((o) => `<option value="${esc(o)}">`).join('');
  }
  grid.scroller.appendChild(input);
  input.focus();
  let done = false;
  const finish = (save: boolean, move: [number, number]) => {
    if (done) return;
    done = true;
    const value = input.value;
    input.remove();
    grid.scroller.focus();
    if (save) commit(pos, value).then(() => grid.move(move[0], move[1]));
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') finish(true, [1, 0]);
    else if (e.key === 'Tab') {
      e.preventDefault();
      finish(true, [0, 1]);
    } else if (e.key === 'Escape') finish(false, [0, 0]);
  });
  input.addEventListener('blur', () => finish(true, [0, 0]));
}

async function commit(pos: CellPos, value: string): Promise<void> {
  if (sheetId === null) return;
  const reply = await api.edit(sheetId, pos.row, pos.col, value);
  await refresh();
  if (reply.rejected) await showProblem(tr('problem'), reply.rejected);
  else if (reply.error) await showProblem(tr('failed'), reply.error);
  showFormula(pos);
}

function wire(): void {
  $('#menu-ext').addEventListener('click', (e) => {
    e.stopPropagation();
    toggleMenu($('#menu-pop').hidden === true);
  });
  $('#menu-pop').addEventListener('click', (e) => {
    const el = (e.target as HTMLElement).closest('[data-fn],[data-reopen]') as HTMLElement | null;
    if (!el) return;
    toggleMenu(false);
    if (el.dataset.reopen) api.open().then(refresh);
    else if (el.dataset.fn) runMenu(el.dataset.fn);
  });
  document.addEventListener('click', () => toggleMenu(false));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') toggleMenu(false);
  });
  $('#tabs').addEventListener('click', (e) => {
    const el = (e.target as HTMLElement).closest('[data-sheet]') as HTMLElement | null;
    if (!el) return;
    sheetId = Number(el.dataset.sheet);
    api.activate(sheetId).then(refresh);
  });
  const clock = (p: Promise<unknown>) => p.then(refresh).catch((err) => showProblem(tr('failed'), String(err)));
  $('#plus-hour').addEventListener('click', () => clock(api.advance(3600e3)));
  $('#plus-day').addEventListener('click', () => clock(api.advance(86400e3)));
  $('#set-clock').addEventListener('click', () => {
    const v = $<HTMLInputElement>('#clock-input').value.trim();
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(v);
    if (m) clock(api.setClock(`${m[1]}T${m[2]}`));
    else showProblem(tr('failed'), `${v} → yyyy-MM-dd HH:mm`);
  });
  $('#lang').addEventListener('click', () => {
    setLang(nextLang().lang);
    if (snap) renderChrome(snap);
    dock.render();
  });
  $('#sidebar-close').addEventListener('click', () => {
    $('#sidebar').hidden = true;
  });
  $('#dock-toggle').addEventListener('click', () => $('#dock').classList.toggle('collapsed'));
  window.addEventListener('message', (e) => {
    const msg = e.data as { type?: string } | null;
    if (msg?.type === 'playground:rpc-done') refresh();
    if (msg?.type === 'playground:close-sidebar') $('#sidebar').hidden = true;
  });
  grid.scroller.tabIndex = 0;
  grid.scroller.addEventListener('keydown', (e) => {
    if ((e.target as HTMLElement).classList.contains('g-editor')) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, 1],
    };
    if (moves[e.key]) {
      e.preventDefault();
      grid.move(...moves[e.key]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit(grid.selected, null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') commit(grid.selected, '');
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      startEdit(grid.selected, e.key);
    }
  });
  // Another tab, a trigger firing on the clock, or the sidebar may change the workbook: follow the version.
  setInterval(async () => {
    if (busy || !snap) return;
    const v = await api.version().catch(() => null);
    if (v && v.version !== snap.version) refresh();
  }, 1500);
}

wire();
refresh();
