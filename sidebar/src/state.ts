// The sidebar's state: the home payload, the search index kept current after each save, and a stack of views.
// Views are kept alive while covered, so opening a duplicate's record from a form and coming back finds the
// form exactly as it was typed.
import { buildSearchIndex, mergeInvoiceIds, type SearchIndex } from '../../src/app/sidebar-search';
import type { IndexRow, ReminderStatusView, SidebarHome } from '../../src/app/sidebar-types';
import { clear, h } from './dom';
import { tr } from './i18n';

export const app: {
  home: SidebarHome | null;
  /** The home view's reminder status: undefined until its call answers, null when there is none to show. */
  reminders?: ReminderStatusView | null;
  index: SearchIndex;
  byId: Map<string, IndexRow>;
} = {
  home: null,
  index: buildSearchIndex([]),
  byId: new Map(),
};

export function setCustomers(rows: IndexRow[]): void {
  app.index = buildSearchIndex(rows);
  app.byId = new Map(rows.map((r) => [r[0], r]));
}

/** Puts a saved customer's fresh index row in place (or adds it) and re-indexes that one row. */
export function upsertCustomer(row: IndexRow | null): void {
  if (!row) return;
  const rows = app.index.rows;
  const i = rows.findIndex((r) => r[0] === row[0]);
  // A save's row carries only the invoice it saved (or none): the numbers already known stay searchable.
  if (i >= 0) row[11] = mergeInvoiceIds(rows[i][11] ?? '', row[11] ?? '');
  if (i >= 0) rows[i] = row;
  else rows.push(row);
  const single = buildSearchIndex([row]).keys[0];
  if (i >= 0) app.index.keys[i] = single;
  else app.index.keys.push(single);
  app.byId.set(row[0], row);
}

interface View {
  el: HTMLElement;
  title: string;
  onShow?: () => void;
  /** Identifies a record view (e.g. 'customer:C-000001') so a save can return to it instead of stacking a copy. */
  key?: string;
}

const stack: View[] = [];

function root(): HTMLElement {
  return document.getElementById('app')!;
}

function render(): void {
  const top = stack[stack.length - 1];
  const r = root();
  r.setAttribute('data-depth', String(stack.length));
  clear(r);
  const header = h(
    'header',
    { class: 'bar' },
    stack.length > 1
      ? h(
          'button',
          { type: 'button', class: 'link back', 'data-action': 'back', onclick: () => back() },
          `‹ ${tr('back')}`,
        )
      : null,
    h('h1', {}, top ? top.title : tr('title')),
  );
  r.appendChild(header);
  if (top) r.appendChild(top.el);
  top?.onShow?.();
}

/** Opens a view on top of the current one. */
export function push(title: string, el: HTMLElement, onShow?: () => void, key?: string): void {
  stack.push({ el, title, onShow, key });
  render();
  window.scrollTo(0, 0);
}

/** Closes the top view without showing the one beneath yet; returns the key of the view now on top. */
export function popQuiet(): string | undefined {
  if (stack.length > 1) stack.pop();
  return stack[stack.length - 1]?.key;
}

/** Shows the current top view again (its onShow runs, e.g. a record view reloads). */
export function show(): void {
  render();
  window.scrollTo(0, 0);
}

export function back(): void {
  if (stack.length > 1) stack.pop();
  render();
}

export function resetTo(title: string, el: HTMLElement, onShow?: () => void): void {
  stack.length = 0;
  push(title, el, onShow);
}
