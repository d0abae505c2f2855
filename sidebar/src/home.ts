// Home: instant customer search over the index loaded at start-up, quick actions and the reminder status.
import { normalizeKey, searchWithTotal } from '../../src/app/sidebar-search';
import type { IndexRow, ReminderStatusView } from '../../src/app/sidebar-types';
import { clear, h } from './dom';
import { money, label } from './format';
import { tr } from './i18n';
import { reportCardsSection } from './report-cards';
import { app } from './state';
import { groupDigits } from '../../src/domain/i18n';

export interface HomeActions {
  openCustomer(id: string): void;
  newCustomer(): void;
  newInvoice(): void;
  newPayment(): void;
  newInteraction(): void;
  previewReminders(): void;
  openSettings(): void;
  openBacktest(): void;
}

/** Last search duration in ms, exposed for the browser test's latency budget. */
export const searchStats = { lastMs: 0, maxMs: 0, runs: 0 };

/** How many search results the home list shows; beyond it the list says how many there are. */
const SHOWN = 20;

/** Says why a row matched when it was by tax id or an invoice number (neither is otherwise on the row). */
function matchedBy(r: IndexRow, query: string): string {
  const q = normalizeKey(query);
  if (q.length < 3) return '';
  const inv = (r[11] ?? '').split(' ').find((id) => normalizeKey(id).includes(q));
  if (inv && !normalizeKey(r[0]).includes(q)) return tr('invoiceHit', { id: inv });
  if (r[10] && normalizeKey(r[10]).includes(q)) return tr('taxIdHit', { id: r[10] });
  return '';
}

/**
 * The reminder panel: the start-up call does not carry the status (its exact count plans today's run over the whole
 * ledger), so the panel says it is loading until the second call (main.ts) answers, then shows it, or goes away
 * when there is none to show (null), as it did before.
 */
function fillReminderStatus(section: HTMLElement, openPreview: () => void): void {
  const status = app.reminders;
  if (status === null) {
    section.hidden = true;
    section.setAttribute('aria-busy', 'false');
    clear(section);
    return;
  }
  section.hidden = false;
  section.setAttribute('aria-busy', String(status === undefined));
  section.replaceChildren(
    h(
      'h2',
      {},
      tr('reminders'),
      ' ',
      status
        ? h(
            'span',
            { class: status.enabled ? 'badge on' : 'badge off' },
            tr(status.enabled ? 'remindersOn' : 'remindersOff'),
          )
        : null,
    ),
    ...(status
      ? status.lines.map((l) => h('div', { class: 'small' }, l))
      : [h('div', { class: 'small muted', id: 'reminder-status-loading', role: 'status' }, tr('loading'))]),
    h('button', { type: 'button', class: 'link small', id: 'act-preview', onclick: openPreview }, tr('preview')),
  );
}

let previewAction: () => void = () => undefined;

/** Shows the reminder status the second call brought (null: none to show) in the home view, wherever it is. */
export function showReminderStatus(status: ReminderStatusView | null): void {
  app.reminders = status;
  const section = document.getElementById('reminder-status');
  if (section) fillReminderStatus(section, previewAction);
}

export function homeView(actions: HomeActions): HTMLElement {
  previewAction = actions.previewReminders;
  const home = app.home!;
  const input = h('input', {
    type: 'search',
    id: 'search',
    class: 'search',
    placeholder: tr('searchPlaceholder'),
    autocomplete: 'off',
  });
  const results = h('ul', { class: 'results', id: 'search-results', role: 'listbox' });
  const count = h(
    'div',
    { class: 'muted small', id: 'customer-count' },
    tr('customersCount', { n: groupDigits(app.index.rows.length) }),
  );
  const run = () => {
    const t0 = performance.now();
    const { rows, total } = searchWithTotal(app.index, input.value, SHOWN);
    clear(results);
    if (input.value.trim() && !rows.length) results.appendChild(h('li', { class: 'empty' }, tr('noResults')));
    if (total > rows.length)
      results.appendChild(
        h(
          'li',
          { class: 'more muted small', id: 'search-more' },
          tr('searchMore', { shown: groupDigits(rows.length), total: groupDigits(total) }),
        ),
      );
    for (const r of rows) {
      results.appendChild(
        h(
          'li',
          {
            role: 'option',
            tabindex: 0,
            'data-id': r[0],
            onclick: () => actions.openCustomer(r[0]),
            onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && actions.openCustomer(r[0]),
          },
          h(
            'div',
            { class: 'row1' },
            h('span', { class: 'name' }, r[1]),
            r[5] ? h('span', { class: `badge seg-${r[5]}` }, label('customers', 'segment', r[5])) : null,
          ),
          h(
            'div',
            { class: 'row2 muted' },
            [r[0], r[4], r[2], matchedBy(r, input.value)].filter(Boolean).join(' · '),
            r[6] ? h('span', { class: 'amount' }, money(r[6])) : null,
          ),
        ),
      );
    }
    const ms = performance.now() - t0;
    searchStats.lastMs = ms;
    searchStats.maxMs = Math.max(searchStats.maxMs, ms);
    searchStats.runs++;
  };
  input.addEventListener('input', run);
  const button = (id: string, text: string, fn: () => void) =>
    h('button', { type: 'button', class: 'btn', id, onclick: fn }, text);
  const reminders = h('section', { class: 'card', id: 'reminder-status' });
  fillReminderStatus(reminders, actions.previewReminders);
  return h(
    'main',
    { class: 'home' },
    home.problem ? h('div', { class: 'banner error', role: 'alert' }, home.problem) : null,
    home.dataIssues?.length
      ? h(
          'div',
          { class: 'banner warn', role: 'status', id: 'data-issues' },
          ...home.dataIssues.map((l) => h('div', {}, l)),
        )
      : null,
    input,
    count,
    results,
    h(
      'section',
      { class: 'card' },
      h('h2', {}, tr('quickActions')),
      h(
        'div',
        { class: 'grid2' },
        button('act-new-customer', tr('newCustomer'), actions.newCustomer),
        button('act-new-invoice', tr('newInvoice'), actions.newInvoice),
        button('act-new-payment', tr('recordPayment'), actions.newPayment),
        button('act-new-interaction', tr('logInteraction'), actions.newInteraction),
        button('act-settings', tr('settings'), actions.openSettings),
        button('act-backtest', tr('backtest'), actions.openBacktest),
      ),
    ),
    reminders,
    reportCardsSection(),
  );
}
