// Invoice, payment and interaction forms. The invoice form defaults the due date from the customer's terms and
// warns (live) when outstanding + amount would exceed the credit limit; the payment form lists the customer's open
// invoices, defaults the amount to what is still owed and refuses an overpayment before sending.
import type { FormValues, IndexRow, OpenInvoiceView, SaveResult } from '../../src/app/sidebar-types';
import { addDays, isIsoDay } from '../../src/domain/day';
import { parseMoney } from '../../src/domain/money';
import { parseDayText } from '../../src/domain/validate-field';
import { clear, h } from './dom';
import {
  addFields,
  columnsFor,
  type FormKit,
  newKit,
  readValues,
  showErrors,
  submit,
  validateClient,
  writeValues,
} from './fields';
import { money, moneyInput } from './format';
import { tr } from './i18n';
import type { Nav } from './nav';
import { customerPicker } from './picker';
import { server } from './rpc-client';
import { app, upsertCustomer } from './state';

function actions(kit: FormKit, nav: Nav): HTMLButtonElement {
  const save = h('button', { type: 'submit', class: 'btn primary', id: 'save' }, tr('save'));
  kit.form.appendChild(
    h(
      'div',
      { class: 'actions' },
      save,
      h('button', { type: 'button', class: 'btn', onclick: () => nav.back() }, tr('cancel')),
    ),
  );
  return save;
}

function after(nav: Nav, customerId: string, r: SaveResult | null): void {
  if (!r?.ok) return;
  upsertCustomer(r.customer);
  nav.openCustomer(customerId, { kind: r.warnings.length ? 'warn' : 'ok', lines: [r.message, ...r.warnings] }, true);
}

export function invoiceForm(nav: Nav, customerId = ''): HTMLElement {
  const home = app.home!;
  const kit = newKit();
  kit.form.id = 'invoice-form';
  let customer: IndexRow | null = null;
  let autoDue = '';
  const picker = customerPicker((row) => {
    customer = row;
    refresh();
  });
  kit.form.appendChild(picker.el);
  addFields(kit, columnsFor('invoice', ['customerId']), { id: { hint: tr('optional') } });
  writeValues(kit, { issueDate: home.today, currency: home.currency, status: 'open' });
  const credit = h('div', { class: 'banner warn', id: 'credit-warning', hidden: true });
  kit.fields.get('amount')!.appendChild(credit);
  const dueHint = h('div', { class: 'hint' });
  kit.fields.get('dueDate')!.insertBefore(dueHint, kit.fields.get('dueDate')!.querySelector('.err'));
  const c = kit.controls;
  function terms(): number {
    return customer && customer[8] >= 0 ? customer[8] : 30;
  }
  function refresh(): void {
    const issue = parseDayText(c.get('issueDate')!.value);
    dueHint.textContent = tr('dueDefault', { n: terms() });
    const due = c.get('dueDate')!;
    if (issue && isIsoDay(issue) && (due.value === '' || due.value === autoDue)) {
      autoDue = addDays(issue, terms());
      due.value = autoDue;
    }
    const amount = parseMoney(c.get('amount')!.value) ?? 0;
    const over = customer && customer[7] >= 0 && amount > 0 && customer[6] + amount > customer[7];
    credit.hidden = !over;
    credit.textContent =
      over && customer
        ? tr('creditWarning', { out: money(customer[6]), amount: money(amount), limit: money(customer[7]) })
        : '';
  }
  c.get('issueDate')!.addEventListener('input', refresh);
  c.get('amount')!.addEventListener('input', refresh);
  const save = actions(kit, nav);
  kit.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    const values: FormValues = { ...readValues(kit), customerId: picker.value() };
    const ctx = { today: home.today, termsDays: terms(), defaultCurrency: home.currency };
    if (!validateClient(kit, 'invoice', values, ctx)) return;
    after(nav, picker.value(), await submit(kit, save, () => server.saveInvoice({ values, lang: home.lang })));
  });
  if (customerId) picker.set(customerId);
  refresh();
  return h('main', {}, kit.form);
}

export function paymentForm(nav: Nav, customerId = '', invoiceId = ''): HTMLElement {
  const home = app.home!;
  const kit = newKit();
  kit.form.id = 'payment-form';
  let open: OpenInvoiceView[] = [];
  const select = h('select', { id: 'f-invoiceId', name: 'invoiceId' });
  const invoiceRow = h(
    'div',
    { class: 'field', 'data-field': 'invoiceId' },
    h('label', { for: 'f-invoiceId' }, tr('invoice'), h('span', { class: 'req' }, ' *')),
    select,
    h('div', { class: 'err', role: 'alert' }),
  );
  const fillInvoices = (list: OpenInvoiceView[]) => {
    open = list;
    clear(select);
    select.appendChild(h('option', { value: '' }, list.length ? tr('pickInvoice') : tr('noOpenInvoices')));
    for (const i of list) {
      select.appendChild(
        h(
          'option',
          { value: i.id },
          tr('invoiceOption', { id: i.id, due: i.dueDate, out: money(i.outstanding, i.currency) }),
        ),
      );
    }
    // Opened from an invoice's "Record payment" in the 360: that invoice, its outstanding as the amount.
    const wanted = list.find((i) => i.id === invoiceId) ?? (list.length === 1 ? list[0] : null);
    if (wanted) {
      select.value = wanted.id;
      pickInvoice();
    }
  };
  let asked = '';
  const picker = customerPicker((row) => {
    fillInvoices([]);
    asked = row ? row[0] : '';
    if (!row) return;
    // Only the answer for the customer picked last may fill the list (the user may switch before it arrives).
    const mine = (list: OpenInvoiceView[]) => asked === row[0] && fillInvoices(list);
    server.openInvoices(row[0]).then(mine, () => mine([]));
  });
  kit.form.appendChild(picker.el);
  kit.form.appendChild(invoiceRow);
  addFields(kit, columnsFor('payment', ['invoiceId', 'id']));
  kit.fields.set('invoiceId', invoiceRow);
  writeValues(kit, { date: home.today, method: 'bank' });
  function pickInvoice(): void {
    const inv = open.find((i) => i.id === select.value);
    if (inv) kit.controls.get('amount')!.value = moneyInput(inv.outstanding);
  }
  select.addEventListener('change', pickInvoice);
  const save = actions(kit, nav);
  kit.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    const values: FormValues = { ...readValues(kit), invoiceId: select.value };
    if (!picker.value()) {
      showErrors(kit, [{ field: 'customerId', message: tr('pickCustomer') }]);
      return;
    }
    if (!validateClient(kit, 'payment', values, { today: home.today })) return;
    const inv = open.find((i) => i.id === values.invoiceId);
    const amount = parseMoney(String(values.amount)) ?? 0;
    if (inv && amount > inv.outstanding && !home.allowOverpayment) {
      showErrors(kit, [{ field: 'amount', message: tr('overpay', { out: money(inv.outstanding, inv.currency) }) }]);
      return;
    }
    after(nav, picker.value(), await submit(kit, save, () => server.savePayment({ values, lang: home.lang })));
  });
  fillInvoices([]);
  if (customerId) picker.set(customerId);
  return h('main', {}, kit.form);
}

export function interactionForm(nav: Nav, customerId = ''): HTMLElement {
  const home = app.home!;
  const kit = newKit();
  kit.form.id = 'interaction-form';
  const picker = customerPicker(() => undefined);
  kit.form.appendChild(picker.el);
  addFields(kit, columnsFor('interaction', ['customerId', 'id']));
  writeValues(kit, { date: home.today, channel: 'phone', type: 'inquiry', status: 'open' });
  const save = actions(kit, nav);
  kit.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    const values: FormValues = { ...readValues(kit), customerId: picker.value() };
    if (!validateClient(kit, 'interaction', values, { today: home.today })) return;
    after(nav, picker.value(), await submit(kit, save, () => server.saveInteraction({ values, lang: home.lang })));
  });
  if (customerId) picker.set(customerId);
  return h('main', {}, kit.form);
}
