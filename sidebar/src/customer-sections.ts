// The lists of the customer 360 view: open invoices, recent payments, interactions and reminder history.
import type { Customer360 } from '../../src/app/sidebar-types';
import { h } from './dom';
import { label, money } from './format';
import { invoiceActions, resolveControl, timelineSection } from './collections-view';
import { tc } from './collections-text';
import { tr } from './i18n';
import type { Nav, Notice } from './nav';

function section(title: string, id: string, items: HTMLElement[]): HTMLElement {
  return h(
    'section',
    { class: 'card', id },
    h('h2', {}, title),
    items.length ? h('ul', { class: 'list' }, ...items) : h('div', { class: 'muted small' }, tr('none')),
  );
}

/**
 * `approve`: called with an invoice id when an admin clicks Approve on a pending-approval invoice. `ctx`: the
 * collections actions (per invoice, per interaction) reload the view with their notice through it.
 */
export function historySections(
  v: Customer360,
  approve?: (invoiceId: string) => void,
  ctx?: { nav: Nav; reload: (n: Notice) => unknown },
): HTMLElement[] {
  return [
    section(
      tr('openInvoices'),
      'c360-invoices',
      v.openInvoices.map((i) =>
        h(
          'li',
          { 'data-id': i.id },
          h(
            'div',
            { class: 'row1' },
            h('span', {}, i.id),
            h('span', { class: 'amount' }, money(i.outstanding, i.currency)),
          ),
          h(
            'div',
            { class: 'row2 muted small' },
            // Each part unbroken ("due 2025-12-31" never split at its hyphens); lines break between parts.
            h(
              'span',
              {},
              ...[
                i.project,
                tr('due', { d: i.dueDate }),
                // A promise reads as its date ("承诺 2026-03-09 付款"), not the bare status beside it.
                i.status === 'promised' && i.promiseDate
                  ? tc('promisedUntil', { d: i.promiseDate })
                  : label('invoices', 'status', i.status),
              ]
                .filter(Boolean)
                .flatMap((part, k) => [k ? ' · ' : '', h('span', { class: 'nw' }, part)]),
            ),
            i.daysOverdue ? h('span', { class: 'bad' }, ` ${tr('daysLate', { n: i.daysOverdue })}`) : null,
          ),
          i.status === 'pending-approval' && approve
            ? h(
                'button',
                { type: 'button', class: 'btn small approve', 'data-approve': i.id, onclick: () => approve(i.id) },
                tr('approve'),
              )
            : null,
          ctx ? invoiceActions(v, i, ctx.nav, ctx.reload) : null,
        ),
      ),
    ),
    section(
      tr('recentPayments'),
      'c360-payments',
      v.payments.map((p) =>
        h(
          'li',
          {},
          h(
            'div',
            { class: 'row1' },
            h('span', {}, `${p.date} · ${p.invoiceId}`),
            h('span', { class: 'amount' }, money(p.amount)),
          ),
          h(
            'div',
            { class: 'muted small' },
            [p.id, label('payments', 'method', p.method), p.reference].filter(Boolean).join(' · '),
          ),
        ),
      ),
    ),
    section(
      tr('interactions'),
      'c360-interactions',
      v.interactions.map((x) =>
        h(
          'li',
          {},
          h(
            'div',
            { class: 'row1' },
            h('span', {}, `${x.date} · ${label('interactions', 'type', x.type)}`),
            h('span', { class: 'muted small' }, label('interactions', 'status', x.status)),
          ),
          h('div', { class: 'small' }, x.summary),
          ctx ? resolveControl(x, ctx.reload) : null,
        ),
      ),
    ),
    // Reminders planned (with their days) and done, in words, old log rows included (issue #16).
    timelineSection(v),
  ];
}
