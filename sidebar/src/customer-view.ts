// Customer 360: segment badge, score, grade and reasons; balances and aging; open invoices, recent payments,
// interactions and reminder history; actions (edit, new invoice, record payment, log interaction, pause reminders).
import type { Customer360 } from '../../src/app/sidebar-types';
import { append, clear, h } from './dom';
import { label, money } from './format';
import { tr } from './i18n';
import type { Nav, Notice } from './nav';
import { server } from './rpc-client';
import { tc } from './collections-text';
import { contactCard } from './collections-view';
import { historySections } from './customer-sections';
import { statementButtons } from './statement-actions';
import { upsertCustomer } from './state';

const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'];

/** The 360 view of one customer; `reload` fetches it again (when the view is shown again after a save). */
export function customerView(nav: Nav, id: string, notice?: Notice): { el: HTMLElement; reload(n?: Notice): void } {
  const main = h(
    'main',
    { class: 'c360', id: 'customer-360', 'data-id': id },
    h('div', { class: 'muted' }, tr('loading')),
  );
  const load = (n?: Notice) =>
    server.customer360(id).then(
      (v) => render(v, n),
      (e: Error) => {
        clear(main);
        main.appendChild(h('div', { class: 'banner error', role: 'alert' }, tr('loadError', { msg: e.message })));
      },
    );
  function render(v: Customer360, n?: Notice): void {
    clear(main);
    if (n)
      main.appendChild(
        h('div', { class: `banner ${n.kind}`, role: 'status', id: 'notice' }, ...n.lines.map((l) => h('div', {}, l))),
      );
    if (!v.found) {
      main.appendChild(h('div', { class: 'banner error' }, tr('notFound', { id })));
      return;
    }
    const maxAging = Math.max(1, ...BUCKETS.map((b) => v.aging[b] || 0));
    const pause = h(
      'button',
      {
        type: 'button',
        class: 'btn',
        id: 'act-pause',
        onclick: async () => {
          pause.disabled = true;
          try {
            const r = await server.setRemindersPaused(v.id, !v.remindersPaused, v.version);
            if (r.ok) upsertCustomer(r.customer);
            await load({ kind: r.ok ? 'ok' : 'warn', lines: [r.message] });
          } catch (e) {
            await load({ kind: 'warn', lines: [tr('serverError', { msg: (e as Error).message })] });
          }
        },
      },
      tr(v.remindersPaused ? 'resume' : 'pause'),
    );
    append(main, [
      h(
        'div',
        { class: 'head' },
        h(
          'div',
          { class: 'title' },
          h('span', { class: 'name', id: 'c360-name' }, v.name),
          h('span', { class: 'muted' }, ` ${v.id}`),
        ),
        h(
          'div',
          { class: 'badges' },
          v.segment
            ? h(
                'span',
                { class: `badge seg-${v.segment}`, id: 'c360-segment' },
                label('customers', 'segment', v.segment),
              )
            : null,
          h('span', { class: 'badge grade', id: 'c360-grade' }, `${tr('grade')} ${v.grade || 'NR'}`),
          v.score === null ? null : h('span', { class: 'badge', id: 'c360-score' }, `${tr('score')} ${v.score}`),
          v.remindersPaused ? h('span', { class: 'badge off' }, tr('paused')) : null,
        ),
      ),
      v.segmentReason ? h('div', { class: 'muted small', id: 'c360-segment-reason' }, v.segmentReason) : null,
      v.segmentConflict
        ? h('div', { class: 'banner warn small', id: 'c360-segment-conflict', role: 'note' }, v.segmentConflict)
        : null,
      contactCard(v),
      recommendationCard(v),
      v.reasons.length
        ? h(
            'section',
            { class: 'card', id: 'c360-reasons' },
            h('h2', {}, tr('reasons')),
            h('ul', { class: 'list small' }, ...v.reasons.map((r) => h('li', {}, r))),
          )
        : null,
      h(
        'div',
        { class: 'kpis' },
        h(
          'div',
          {},
          h('div', { class: 'muted small' }, tr('outstanding')),
          h('b', { id: 'c360-outstanding' }, money(v.outstanding)),
        ),
        h(
          'div',
          {},
          h('div', { class: 'muted small' }, tr('overdue')),
          h('b', { class: v.overdue ? 'bad' : '' }, money(v.overdue)),
        ),
        h(
          'div',
          {},
          h('div', { class: 'muted small' }, tr('oldestOverdue')),
          h('b', {}, tr('days', { n: v.oldestOverdueDays })),
        ),
        h(
          'div',
          {},
          h('div', { class: 'muted small' }, tr('creditLimit')),
          h('b', {}, v.creditLimit === null ? tr('noLimit') : money(v.creditLimit)),
        ),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, tr('aging')),
        ...BUCKETS.map((b) =>
          h(
            'div',
            { class: 'aging-row small' },
            h('span', { class: 'bucket' }, label('invoices', 'agingBucket', b)),
            h(
              'span',
              { class: 'agebar' },
              h('span', {
                class: `fill b${BUCKETS.indexOf(b)}`,
                style: `width:${Math.round(((v.aging[b] || 0) / maxAging) * 100)}%`,
              }),
            ),
            h('span', { class: 'amount' }, money(v.aging[b] || 0)),
          ),
        ),
      ),
      h(
        'div',
        { class: 'grid2 actions360' },
        h(
          'button',
          { type: 'button', class: 'btn', id: 'act-edit', onclick: () => nav.editCustomer(v) },
          tr('editCustomer'),
        ),
        h(
          'button',
          { type: 'button', class: 'btn', id: 'act-invoice', onclick: () => nav.newInvoice(v.id) },
          tr('newInvoice'),
        ),
        h(
          'button',
          { type: 'button', class: 'btn', id: 'act-payment', onclick: () => nav.newPayment(v.id) },
          tr('recordPayment'),
        ),
        h(
          'button',
          { type: 'button', class: 'btn', id: 'act-interaction', onclick: () => nav.newInteraction(v.id) },
          tr('logInteraction'),
        ),
        pause,
        ...statementButtons(v.id, load),
        v.openInvoices.length > 1
          ? h(
              'button',
              { type: 'button', class: 'btn', id: 'act-receipt', onclick: () => nav.newReceipt(v.id) },
              tc('receipt'),
            )
          : null,
      ),
      ...historySections(
        v,
        async (invoiceId) => {
          try {
            const r = await server.approveInvoice(invoiceId);
            await load({ kind: r.ok ? 'ok' : 'warn', lines: [r.message] });
          } catch (e) {
            await load({ kind: 'warn', lines: [tr('serverError', { msg: (e as Error).message })] });
          }
        },
        { nav, reload: load },
      ),
    ]);
  }
  load(notice);
  return {
    el: main,
    reload: (n?: Notice) => {
      clear(main);
      main.appendChild(h('div', { class: 'muted' }, tr('loading')));
      void load(n);
    },
  };
}

/** Recommended limit and terms with their reasons (written by Rescore); nothing before the first rescore. */
function recommendationCard(v: Customer360): HTMLElement | null {
  if (!v.policyReasons.length) return null;
  const terms =
    v.recommendedTerms === null
      ? '–'
      : v.recommendedTerms === 0
        ? tr('prepayment')
        : tr('days', { n: v.recommendedTerms });
  return h(
    'section',
    { class: 'card', id: 'c360-recommendation' },
    h('h2', {}, tr('recommendation')),
    h(
      'div',
      { class: 'kpis' },
      h(
        'div',
        {},
        h('div', { class: 'muted small' }, tr('recommendedLimit')),
        h('b', { id: 'c360-rec-limit' }, v.recommendedLimit === null ? '–' : money(v.recommendedLimit)),
      ),
      h('div', {}, h('div', { class: 'muted small' }, tr('recommendedTerms')), h('b', { id: 'c360-rec-terms' }, terms)),
    ),
    h('ul', { class: 'list small' }, ...v.policyReasons.map((r) => h('li', {}, r))),
  );
}
