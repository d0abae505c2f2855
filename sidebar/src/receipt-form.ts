// One receipt split across several open invoices (PRODUCT §1 payments.receiptId, §13): the receipt's date, amount,
// method and reference once, then the allocation — oldest due first (shown as it will be applied) or amounts typed
// per invoice — with the running total against the receipt. The server checks everything again and saves all rows
// or none (app/save-receipt.ts).
import type { FormValues, OpenInvoiceView } from '../../src/app/sidebar-types';
import { allocateOldestFirst } from '../../src/domain/collections/receipt';
import { formatMoney, parseMoney } from '../../src/domain/money';
import { tc } from './collections-text';
import { h } from './dom';
import { addFields, columnsFor, newKit, readValues, submit, validateClient, writeValues } from './fields';
import { money } from './format';
import { tr } from './i18n';
import type { Nav } from './nav';
import { server } from './rpc-client';
import { app, upsertCustomer } from './state';

export function receiptForm(nav: Nav, customerId: string): HTMLElement {
  const home = app.home!;
  const kit = newKit();
  kit.form.id = 'receipt-form';
  const who = app.byId.get(customerId);
  kit.form.appendChild(
    h(
      'div',
      { class: 'chip' },
      h('span', { class: 'name' }, who?.[1] ?? customerId),
      h('span', { class: 'muted' }, ` ${customerId}`),
    ),
  );
  addFields(kit, columnsFor('payment', ['invoiceId', 'id']));
  writeValues(kit, { date: home.today, method: 'bank' });
  kit.fields
    .get('amount')
    ?.querySelector('label')
    ?.replaceChildren(tc('receiptAmount'), h('span', { class: 'req' }, ' *'));
  let open: OpenInvoiceView[] = [];
  let mode: 'oldest' | 'chosen' = 'oldest';
  const inputs = new Map<string, HTMLInputElement>();
  const radio = (value: 'oldest' | 'chosen') =>
    h(
      'label',
      { class: 'radio' },
      h('input', {
        type: 'radio',
        name: 'allocation',
        value,
        checked: value === mode,
        onchange: () => {
          mode = value;
          refresh();
        },
      }),
      tc(value === 'oldest' ? 'oldestFirst' : 'chosen'),
    );
  const list = h('ul', { class: 'list alloc-list', id: 'receipt-invoices' });
  const summary = h('div', { class: 'small alloc-sum', id: 'receipt-summary', 'aria-live': 'polite' });
  const allocation = h(
    'div',
    { class: 'field', 'data-field': 'allocation' },
    h('div', { class: 'label' }, tc('allocation')),
    h('div', { class: 'radios' }, radio('oldest'), radio('chosen')),
    list,
    summary,
    h('div', { class: 'err', role: 'alert' }),
  );
  kit.form.insertBefore(allocation, kit.fields.get('method') ?? null);
  kit.fields.set('allocation', allocation);
  const amountInput = kit.controls.get('amount') as HTMLInputElement;

  function refresh(): void {
    const amount = parseMoney(amountInput.value) ?? 0;
    const total = open.reduce((s, i) => s + i.outstanding, 0);
    if (mode === 'oldest') {
      const parts = allocateOldestFirst(
        amount,
        open.map((i) => ({ invoiceId: i.id, dueDate: i.dueDate, outstanding: i.outstanding, currency: i.currency })),
      );
      for (const [id, input] of inputs) {
        const p = parts.find((x) => x.invoiceId === id);
        // Grouped like the amounts beside it ("12,000.00"); parseMoney reads the separators back.
        input.value = p ? formatMoney(p.amount) : '';
      }
    }
    for (const input of inputs.values()) input.readOnly = mode === 'oldest';
    const sum = [...inputs.values()].reduce((s, i) => s + (parseMoney(i.value) ?? 0), 0);
    const cur = open[0]?.currency;
    summary.replaceChildren(
      h('div', {}, tc('allocated', { sum: money(sum, cur), amount: money(amount, cur) })),
      h('div', { class: 'muted' }, tc('totalOpen', { out: money(total, cur) })),
      amount > total ? h('div', { class: 'bad' }, tc('overTotal', { out: money(total, cur) })) : '',
    );
    summary.classList.toggle('off', sum !== amount);
  }

  function fill(rows: OpenInvoiceView[]): void {
    open = rows;
    inputs.clear();
    list.replaceChildren(
      ...(rows.length
        ? rows.map((i) => {
            const input = h('input', {
              type: 'text',
              inputmode: 'decimal',
              class: 'alloc-amount',
              'data-invoice': i.id,
              'aria-label': i.id,
              oninput: refresh,
            });
            inputs.set(i.id, input);
            return h(
              'li',
              { class: 'alloc-row' },
              h(
                'div',
                { class: 'alloc-info' },
                h('div', { class: 'name' }, i.id),
                h('div', { class: 'muted small' }, tc('dueOn', { d: i.dueDate })),
                h('div', { class: 'small' }, tc('owes', { out: money(i.outstanding, i.currency) })),
              ),
              input,
            );
          })
        : [h('li', { class: 'muted small' }, tc('noOpen'))]),
    );
    refresh();
  }
  amountInput.addEventListener('input', refresh);
  server.openInvoices(customerId).then(fill, () => fill([]));

  const save = h('button', { type: 'submit', class: 'btn primary', id: 'save' }, tr('save'));
  kit.form.appendChild(
    h(
      'div',
      { class: 'actions' },
      save,
      h('button', { type: 'button', class: 'btn', onclick: () => nav.back() }, tr('cancel')),
    ),
  );
  kit.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    const values: FormValues = readValues(kit);
    // The shared fields are checked with the payment schema; the invoices come from the allocation.
    if (!validateClient(kit, 'payment', { ...values, invoiceId: 'receipt' }, { today: home.today })) return;
    const parts = [...inputs].map(([invoiceId, input]) => ({ invoiceId, amount: input.value }));
    const r = await submit(kit, save, () =>
      server.saveReceipt({ customerId, values, allocation: mode, parts, lang: home.lang }),
    );
    // A refusal is already shown by submit() (banner and field errors); the typed values stay.
    if (!r?.ok) return;
    upsertCustomer(r.customer);
    nav.openCustomer(customerId, { kind: r.warnings.length ? 'warn' : 'ok', lines: [r.message, ...r.warnings] }, true);
  });
  return h('main', {}, kit.form);
}
