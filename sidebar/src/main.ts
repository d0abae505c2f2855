// The sidebar's entry point: one server call at start-up (sidebarStart), then everything — search, forms, the
// customer 360 — runs from that payload plus one call per save or per opened record. The home view's reminder
// status is the one thing asked after the home view is on screen (reminderStatus: it plans today's run over the
// whole ledger, which the start-up call does not read).
import { backtestView } from './backtest-view';
import { tc } from './collections-text';
import { customerForm } from './customer-form';
import { customerView } from './customer-view';
import { h } from './dom';
import { homeView, searchStats, showReminderStatus } from './home';
import { ti } from './import-text';
import { importView } from './import-view';
import { setLang, tr } from './i18n';
import type { Nav, Notice } from './nav';
import { interactionForm, invoiceForm, paymentForm } from './record-forms';
import { receiptForm } from './receipt-form';
import { reminderPreviewView } from './reminder-preview';
import { server } from './rpc-client';
import { settingsView } from './settings-view';
import { app, back, popQuiet, push, resetTo, setCustomers, show } from './state';
import { groupDigits } from '../../src/domain/i18n';

/** Notices waiting for a record view that is about to be shown again. */
const pendingNotice = new Map<string, Notice | undefined>();

const nav: Nav = {
  back,
  openCustomer(id, notice, fromSave) {
    const key = `customer:${id}`;
    // After a save, the form closes; if the same customer's view is beneath it, that view reloads with the notice.
    if (fromSave && popQuiet() === key) {
      pendingNotice.set(key, notice);
      show();
      return;
    }
    const name = app.byId.get(id)?.[1] ?? id;
    const view = customerView(nav, id, notice);
    let first = true;
    push(
      name,
      view.el,
      () => {
        if (first) first = false;
        else view.reload(pendingNotice.get(key));
        pendingNotice.delete(key);
      },
      key,
    );
  },
  editCustomer(view) {
    push(tr('editCustomer'), customerForm(nav, view));
  },
  newCustomer() {
    push(tr('newCustomer'), customerForm(nav));
  },
  newInvoice(customerId) {
    push(tr('newInvoice'), invoiceForm(nav, customerId));
  },
  newPayment(customerId, invoiceId) {
    push(tr('recordPayment'), paymentForm(nav, customerId, invoiceId));
  },
  newInteraction(customerId) {
    push(tr('logInteraction'), interactionForm(nav, customerId));
  },
  newReceipt(customerId) {
    push(tc('receiptTitle'), receiptForm(nav, customerId));
  },
};

function showHome(): void {
  resetTo(
    tr('title'),
    homeView({
      openCustomer: (id) => nav.openCustomer(id),
      newCustomer: () => nav.newCustomer(),
      newInvoice: () => nav.newInvoice(),
      newPayment: () => nav.newPayment(),
      newInteraction: () => nav.newInteraction(),
      previewReminders: () => push(tr('previewTitle'), reminderPreviewView()),
      openSettings: () => push(tr('settings'), settingsView(back)),
      openBacktest: () => push(tr('backtest'), backtestView()),
    }),
    () => {
      const count = document.getElementById('customer-count');
      if (count) count.textContent = tr('customersCount', { n: groupDigits(app.index.rows.length) });
      (document.getElementById('search') as HTMLInputElement | null)?.focus();
    },
  );
}

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  setLang(/^zh/i.test(navigator.language) ? 'zh-CN' : 'en');
  root.replaceChildren(h('div', { class: 'loading' }, '客户台账 · Customer Ledger — ', tr('loading')));
  try {
    const home = await server.sidebarStart();
    app.home = home;
    setLang(home.lang);
    setCustomers(home.customers);
    app.reminders = undefined;
    showHome();
    server
      .reminderStatus()
      .then((status) => showReminderStatus(status))
      .catch(() => showReminderStatus(null));
    // The menu's "Import data" (showImport) serves this sidebar with a marker that opens the import view.
    if ((window as unknown as { ledgerStartView?: string }).ledgerStartView === 'import') {
      push(ti('title'), importView(back));
    }
    document.body.setAttribute('data-ready', 'true');
  } catch (e) {
    root.replaceChildren(
      h('div', { class: 'banner error', role: 'alert' }, tr('loadError', { msg: (e as Error).message })),
      h('button', { type: 'button', class: 'btn primary', onclick: () => start() }, tr('retry')),
    );
  }
}

// Exposed for the browser tests (search latency); harmless in production.
(window as unknown as { ledgerSidebar: unknown }).ledgerSidebar = { searchStats, app };
start();
