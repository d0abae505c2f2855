// The complete list of server functions the sidebar may call through google.script.run. The sidebar derives its
// client types from `typeof rpc` (import type only); every key here is also a top-level export of src/main.ts.
// Payloads are JSON-safe: no Date (google.script.run rejects it), days as 'yyyy-MM-dd' strings, money in cents.
//
// This file depends only on app/ and domain/ so the sidebar's DOM-only type-check never sees Apps Script types.
// The Apps Script services are provided at load time by src/handlers/sidebar.ts (`provideSidebarServices`).
import { customer360, isOpenInvoice, openInvoiceView } from './app/customer-360';
import { userText } from './app/save-common';
import { saveCustomer, setRemindersPaused } from './app/save-customer';
import { saveInteraction } from './app/save-interaction';
import { saveInvoice } from './app/save-invoice';
import { savePayment } from './app/save-payment';
import { saveSettings } from './app/save-settings';
import { type OwnerLookup, settingsView } from './app/settings-view';
import type { SidebarServices } from './app/sidebar-ports';
import { sidebarStart } from './app/sidebar-start';
import type { StatementRequest, StatementResult } from './app/send-statement';
import type {
  Customer360,
  CustomerSave,
  OpenInvoiceView,
  RecordSave,
  ReminderPreviewView,
  SaveResult,
  SettingsSave,
  SettingsSaveResult,
  SettingsView,
  SidebarHome,
} from './app/sidebar-types';

let factory: (() => SidebarServices) | null = null;

/** Called once by the Apps Script wiring (and by tests with in-memory services). */
export function provideSidebarServices(open: () => SidebarServices): void {
  factory = open;
}

let ownerLookup: OwnerLookup | null = null;

/**
 * Called by the Apps Script wiring with the spreadsheet owner's e-mail lookup (the owner may always change
 * settings). Until it is wired, only the admin list in Settings grants the right (fails closed).
 */
export function provideSettingsOwner(lookup: OwnerLookup): void {
  ownerLookup = lookup;
}

function services(): SidebarServices {
  if (!factory) throw new Error('Customer Ledger: sidebar services are not wired (src/handlers/sidebar.ts)');
  return factory();
}

/**
 * A read-only call that answers with a view: an error the user can act on (missing sheet or column, with the
 * advice to run Set up / repair) reaches the sidebar in the workbook's language, the same text saves return.
 */
function answer<T>(s: SidebarServices, call: () => T): T {
  try {
    return call();
  } catch (e) {
    const text = userText(e, s.identity.lang());
    if (text !== null) throw new Error(text);
    throw e;
  }
}

export const rpc = {
  /** Everything the home view needs, in one call: labels language, settings bits, reminder status, customer index. */
  sidebarStart(): SidebarHome {
    return sidebarStart(services());
  },
  customer360(id: string): Customer360 {
    const s = services();
    return answer(s, () => customer360(s.store, String(id ?? ''), s.clock.today()));
  },
  /** Open invoices of one customer (payment form), oldest due first. */
  openInvoices(customerId: string): OpenInvoiceView[] {
    const s = services();
    return answer(s, () => {
      const today = s.clock.today();
      return s.store
        .read('invoices')
        .rows.map((r) => r.record)
        .filter((i) => i.customerId === String(customerId ?? '') && isOpenInvoice(i))
        .map((i) => openInvoiceView(i, today))
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    });
  },
  saveCustomer(save: CustomerSave): SaveResult {
    return saveCustomer(services(), save);
  },
  saveInvoice(save: RecordSave): SaveResult {
    return saveInvoice(services(), save);
  },
  savePayment(save: RecordSave): SaveResult {
    return savePayment(services(), save);
  },
  saveInteraction(save: RecordSave): SaveResult {
    return saveInteraction(services(), save);
  },
  setRemindersPaused(id: string, paused: boolean, version: string): SaveResult {
    return setRemindersPaused(services(), String(id ?? ''), paused === true, String(version ?? ''));
  },
  /** The reminder dry run for the sidebar: messages today's run would send and every skip with its reason. */
  reminderPreview(): ReminderPreviewView {
    const s = services();
    return answer(s, () => s.reminderPreview());
  },
  /** Every setting with its value, grouped and described, plus whether this user may change them. */
  settingsView(): SettingsView {
    return settingsView(services(), ownerLookup);
  },
  /** Admins only; all or nothing; refused when the sheet changed since the view was loaded. */
  saveSettings(save: SettingsSave): SettingsSaveResult {
    return saveSettings(services(), save, ownerLookup);
  },
  /** Statement of account or balance confirmation letter to one customer, now (admins or its account manager). */
  sendStatement(req: StatementRequest): StatementResult {
    const s = services();
    return answer(s, () => s.sendStatement(req));
  },
};
export type Rpc = typeof rpc;
