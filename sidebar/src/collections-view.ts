// The customer 360's collections controls (PRODUCT §13): per open invoice record payment / dispute / promise to
// pay / write off (admins), resolve an interaction, contact details and the reminder timeline (planned, then done).
// Each action is one server call; its answer is shown as the view's notice after a reload, so the figures on the
// screen are always the server's.
import type { Customer360, InteractionView, OpenInvoiceView, SaveResult } from '../../src/app/sidebar-types';
import { addDays } from '../../src/domain/day';
import { logResultText, logStageText } from '../../src/domain/reminders/log-text';
import { tc } from './collections-text';
import { h } from './dom';
import { money } from './format';
import { lang, tr } from './i18n';
import type { Nav, Notice } from './nav';
import { server } from './rpc-client';
import { app, upsertCustomer } from './state';

type Reload = (n: Notice) => unknown;

async function run(reload: Reload, call: () => Promise<SaveResult>): Promise<void> {
  try {
    const r = await call();
    if (r.ok) upsertCustomer(r.customer);
    await reload({ kind: r.ok ? 'ok' : 'warn', lines: [r.message] });
  } catch (e) {
    await reload({ kind: 'warn', lines: [tr('serverError', { msg: (e as Error).message })] });
  }
}

const small = (text: string, attrs: Record<string, string>, onclick: () => void) =>
  h('button', { type: 'button', class: 'btn small', ...attrs, onclick }, text);

/** The buttons under one open invoice, and the inline panel a promise or a write-off opens. */
export function invoiceActions(v: Customer360, inv: OpenInvoiceView, nav: Nav, reload: Reload): HTMLElement {
  const panel = h('div', { class: 'inline-panel', hidden: true });
  const send = (action: 'dispute' | 'clear-dispute' | 'promise' | 'write-off', promiseDate = '') =>
    run(reload, () =>
      server.invoiceAction({ invoiceId: inv.id, action, promiseDate, version: inv.version ?? '', lang: lang() }),
    );
  const open = (...children: HTMLElement[]) => {
    panel.replaceChildren(...children);
    panel.hidden = false;
    (panel.querySelector('input, button') as HTMLElement | null)?.focus();
  };
  const cancel = () => small(tc('cancel'), { class: 'btn small' }, () => (panel.hidden = true));
  const promise = () => {
    const today = app.home?.today ?? '';
    const input = h('input', {
      type: 'text',
      class: 'promise-date',
      'aria-label': tc('promiseDate'),
      placeholder: 'yyyy-mm-dd',
      value: inv.promiseDate || (today ? addDays(today, 7) : ''),
    });
    open(
      h('label', { class: 'small inline-field' }, tc('promiseDate'), input),
      h(
        'div',
        { class: 'inline-buttons' },
        small(tc('confirm'), { class: 'btn small primary', 'data-confirm': 'promise' }, () =>
          send('promise', input.value),
        ),
        cancel(),
      ),
    );
  };
  const writeOff = () =>
    open(
      h('div', { class: 'small' }, tc('confirmWriteOff', { id: inv.id, amount: money(inv.outstanding, inv.currency) })),
      h(
        'div',
        { class: 'inline-buttons' },
        small(tc('confirm'), { class: 'btn small danger', 'data-confirm': 'write-off' }, () => send('write-off')),
        cancel(),
      ),
    );
  const disputed = inv.status === 'disputed';
  const pending = inv.status === 'pending-approval';
  return h(
    'div',
    { class: 'inv-actions', 'data-invoice': inv.id },
    h(
      'div',
      { class: 'inline-buttons' },
      small(tc('pay'), { 'data-action': 'pay' }, () => nav.newPayment(v.id, inv.id)),
      pending
        ? null
        : small(
            tc(disputed ? 'clearDispute' : 'dispute'),
            { 'data-action': disputed ? 'clear-dispute' : 'dispute' },
            () => send(disputed ? 'clear-dispute' : 'dispute'),
          ),
      pending ? null : small(tc('promise'), { 'data-action': 'promise' }, promise),
      v.canWriteOff ? small(tc('writeOff'), { 'data-action': 'write-off' }, writeOff) : null,
    ),
    panel,
  );
}

/** "Resolve" under an open interaction: a resolution text, then one call. */
export function resolveControl(x: InteractionView, reload: Reload): HTMLElement | null {
  if (x.status === 'resolved') {
    return x.resolution
      ? h('div', { class: 'muted small' }, tc('resolvedOn', { d: x.resolvedAt || '', text: x.resolution }))
      : null;
  }
  const panel = h('div', { class: 'inline-panel', hidden: true });
  const text = h('textarea', { rows: 2, class: 'resolution', 'aria-label': tc('resolution') });
  panel.append(
    h('label', { class: 'small inline-field' }, tc('resolution'), text),
    h(
      'div',
      { class: 'inline-buttons' },
      small(tc('confirm'), { class: 'btn small primary', 'data-confirm': 'resolve' }, () =>
        run(reload, () =>
          server.resolveInteraction({ id: x.id, resolution: text.value, version: x.version ?? '', lang: lang() }),
        ),
      ),
      small(tc('cancel'), {}, () => (panel.hidden = true)),
    ),
  );
  return h(
    'div',
    { class: 'inv-actions' },
    h(
      'div',
      { class: 'inline-buttons' },
      small(tc('resolve'), { 'data-resolve': x.id }, () => {
        panel.hidden = false;
        text.focus();
      }),
    ),
    panel,
  );
}

/** Contact, phone, e-mail and account manager; nothing when all are blank. */
export function contactCard(v: Customer360): HTMLElement | null {
  const c = v.contact;
  if (!c || !(c.contact || c.phone || c.email || c.manager)) return null;
  const line = (label: string, value: string, href?: string) =>
    value
      ? h(
          'div',
          { class: 'kv' },
          h('span', { class: 'muted small' }, label),
          href ? h('a', { href, target: '_blank', rel: 'noopener' }, value) : h('span', {}, value),
        )
      : null;
  return h(
    'section',
    { class: 'card', id: 'c360-contact' },
    h('h2', {}, tc('contact')),
    line(tc('contactName'), c.contact),
    line(tc('phone'), c.phone, `tel:${c.phone.replace(/[^\d+]/g, '')}`),
    line(tc('email'), c.email, `mailto:${c.email}`),
    line(tc('manager'), c.manager),
  );
}

/** Planned reminders with their days, then what was done (the reminder log), newest first. */
export function timelineSection(v: Customer360): HTMLElement {
  const l = lang();
  const planned = (v.upcoming ?? []).map((u) =>
    h(
      'li',
      { class: 'small planned' },
      h(
        'div',
        { class: 'row1' },
        h('span', {}, `${u.day} · ${logStageText(l, String(u.stage), u.isFinal ? u.stage : null)}`),
        h('span', { class: 'badge' }, tc('planned')),
      ),
      // One e-mail may list invoices at different stages: each with its own ("INV-2 · 到期前 3 天").
      ...u.invoiceIds.map((id, k) =>
        h(
          'div',
          { class: 'muted' },
          u.invoiceIds.length > 1 ? `${id} · ${logStageText(l, String(u.stages[k]), u.isFinal ? u.stage : null)}` : id,
        ),
      ),
    ),
  );
  const done = v.reminders.map((r) =>
    h(
      'li',
      { class: 'small' },
      `${r.at} · ${logStageText(l, r.stage)} · ${logResultText(l, r.result)}`,
      h('div', { class: 'muted' }, r.invoiceIds),
    ),
  );
  return h(
    'section',
    { class: 'card', id: 'c360-timeline' },
    h('h2', {}, tc('timeline')),
    planned.length
      ? h('ul', { class: 'list', id: 'c360-planned' }, ...planned)
      : h('div', { class: 'muted small' }, tc('nothingPlanned')),
    done.length ? h('ul', { class: 'list', id: 'c360-reminders' }, ...done) : null,
  );
}
