// The complete list of server functions the sidebar may call through google.script.run. The sidebar derives its
// client types from `typeof rpc` (import type only); every key here is also a top-level export of src/main.ts.
// Payloads are JSON-safe: no Date (google.script.run rejects it), days as 'yyyy-MM-dd' strings, money in cents.
//
// This file depends only on app/ and domain/ so the sidebar's DOM-only type-check never sees Apps Script types.
// The Apps Script services are provided at load time by src/handlers/sidebar.ts (`provideSidebarServices`).
import type { BuildReportsRefusal, BuildReportsResult, ReportCards } from './app/build-reports';
import { approveInvoice } from './app/approve-invoice';
import { type BacktestView, backtestView } from './app/backtest';
import { customer360, isOpenInvoice, openInvoiceView } from './app/customer-360';
import { userText } from './app/save-common';
import type { ImportServices } from './app/import-ports';
import { importPreview, importRun } from './app/import-run';
import { exportData } from './app/export-data';
import type {
  ExportRequest,
  ExportResult,
  ImportPreviewResult,
  ImportRequest,
  ImportRunResult,
} from './app/import-types';
import { saveCustomer, setRemindersPaused } from './app/save-customer';
import { saveInteraction } from './app/save-interaction';
import { saveInvoice } from './app/save-invoice';
import { savePayment } from './app/save-payment';
import { saveSettings } from './app/save-settings';
import { mayEditSettings, type OwnerLookup, settingRows, settingsView } from './app/settings-view';
import { SETTINGS_TEXT } from './app/sidebar-i18n';
import { findRow } from './app/store-reads';
import { effectiveDueDate } from './domain/derive';
import { t } from './domain/i18n';
import type { Lang } from './domain/records';
import type { SettingsMap } from './domain/settings-def';
import type { SidebarServices } from './app/sidebar-ports';
import { sidebarReminderStatus, sidebarStart } from './app/sidebar-start';
import type { StatementRequest, StatementResult } from './app/send-statement';
import { invoiceAction, mayWriteOff } from './app/invoice-action';
import { resolveInteraction } from './app/resolve-interaction';
import { saveReceipt } from './app/save-receipt';
import type {
  ChatTestResult,
  Customer360,
  CustomerSave,
  OpenInvoiceView,
  RecordSave,
  ReminderPreviewView,
  ReminderStatusView,
  SaveResult,
  SettingsSave,
  SettingsSaveResult,
  SettingsView,
  SidebarHome,
  InvoiceActionRequest,
  ReceiptSave,
  ResolveInteractionRequest,
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

let chatTest: ((settings: SettingsMap, lang: Lang, stamp: string) => ChatTestResult) | null = null;

/** Called by the Apps Script wiring with the chat test sender (UrlFetchApp lives in the handlers, not here). */
export function provideChatTest(send: (settings: SettingsMap, lang: Lang, stamp: string) => ChatTestResult): void {
  chatTest = send;
}

let importFactory: (() => ImportServices) | null = null;

/** Called once by the Apps Script wiring of the import (src/handlers/import.ts) and by tests. */
export function provideImportServices(open: () => ImportServices): void {
  importFactory = open;
}

function importServices(): ImportServices {
  if (!importFactory) throw new Error('Customer Ledger: import services are not wired (src/handlers/import.ts)');
  return importFactory();
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
  /** Everything the home view needs, in one call: labels language, settings bits, customer index. */
  sidebarStart(): SidebarHome {
    return sidebarStart(services());
  },
  customer360(id: string): Customer360 {
    const s = services();
    return answer(s, () =>
      customer360(s.store, String(id ?? ''), s.clock.today(), {
        lang: s.identity.lang(),
        canWriteOff: mayWriteOff(s, ownerLookup),
      }),
    );
  },
  /** Open invoices of one customer (payment form), oldest due first. */
  openInvoices(customerId: string): OpenInvoiceView[] {
    const s = services();
    return answer(s, () => {
      const today = s.clock.today();
      const id = String(customerId ?? '');
      // Blank due dates as issue date + terms, as the split receipt allocates them (oldest due first).
      const terms = findRow(s.store, 'customers', 'id', id)?.record.termsDays ?? null;
      return s.store
        .read('invoices')
        .rows.map((r) => r.record)
        .filter((i) => i.customerId === id && isOpenInvoice(i))
        .map((i) => openInvoiceView(i.dueDate ? i : { ...i, dueDate: effectiveDueDate(i, terms) }, today))
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
  /** Admins only: posts a test message (no ledger data) to the configured WeCom / DingTalk robots. */
  sendChatTest(): ChatTestResult {
    const s = services();
    const lang = s.identity.lang();
    if (!mayEditSettings(s, settingRows(s.store), ownerLookup))
      return { ok: false, message: t(lang, SETTINGS_TEXT.notAdmin) };
    if (!chatTest) throw new Error('Customer Ledger: the chat test sender is not wired (src/handlers/sidebar.ts)');
    return chatTest(s.store.settings(), lang, s.clock.nowStamp());
  },
  /** Headline figures of the last report build, for the home view's cards (null before the first build). */
  reportCards(): ReportCards | null {
    return services().reportCards?.() ?? null;
  },
  /** Rebuilds the Reports sheet as of a day ('yyyy-MM-dd', '' = today; never after today) and returns its cards. */
  buildReportsAsOf(day: string): BuildReportsResult | BuildReportsRefusal {
    const s = services();
    if (!s.buildReports) throw new Error('Customer Ledger: reports are not wired (src/handlers/sidebar.ts)');
    return s.buildReports(String(day ?? ''));
  },
  /** Invoice-level backtest as of `cutoff` ('' = the default cut-off), in the user's language. */
  backtestRun(cutoff: string): BacktestView {
    const s = services();
    return backtestView({ store: s.store, clock: s.clock, lang: s.identity.lang() }, String(cutoff ?? ''));
  },
  /** Admins only: a pending-approval invoice becomes open (reminders apply from then on); audited. */
  approveInvoice(id: string): SaveResult {
    return approveInvoice(services(), String(id ?? ''), ownerLookup);
  },
  /** Checks an import and plans every row without writing: mapping, first rows as they will be saved, counts. */
  importPreview(request: ImportRequest): ImportPreviewResult {
    return importPreview(importServices(), request);
  },
  /** Imports the next batches (resumable: call again while `done` is false). Rejected rows go to the report sheet. */
  importRun(request: ImportRequest): ImportRunResult {
    return importRun(importServices(), request);
  },
  /** The ledger's sheets (all, or the roles asked for) as tables; the sidebar writes the XLSX or CSV file. */
  exportData(request: ExportRequest): ExportResult {
    const s = importServices();
    return exportData(s.exportReader, request, s.identity.lang());
  },
  /** Statement of account or balance confirmation letter to one customer, now (admins or its account manager). */
  sendStatement(req: StatementRequest): StatementResult {
    const s = services();
    return answer(s, () => s.sendStatement(req));
  },
  /** Customer 360, per open invoice: dispute / clear dispute, promise to pay (date), write off (admins); audited. */
  invoiceAction(req: InvoiceActionRequest): SaveResult {
    return invoiceAction(services(), req, ownerLookup);
  },
  /** Customer 360: resolves an open interaction with its resolution text; audited. */
  resolveInteraction(req: ResolveInteractionRequest): SaveResult {
    return resolveInteraction(services(), req);
  },
  /** One receipt split across a customer's open invoices (oldest due first or chosen); one payment row each. */
  saveReceipt(save: ReceiptSave): SaveResult {
    return saveReceipt(services(), save);
  },
  /**
   * The home view's reminder status (on/off, runs, today's exact count, quota), asked once the home view is on
   * screen: its count plans today's run over the whole ledger, which the one start-up call does not read.
   */
  reminderStatus(): ReminderStatusView | null {
    return sidebarReminderStatus(services());
  },
};
export type Rpc = typeof rpc;
