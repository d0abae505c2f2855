// Every Apps Script global of the add-on, one forwarding line each. The build turns each export into a real
// top-level function declaration (same parameter names, same JSDoc) in dist/Code.js. These names are the public
// contract (PRODUCT.md §8): installed triggers and users' formulas refer to them, so they never change.
import * as backup from './handlers/backup';
import * as customFunctions from './handlers/custom-functions';
import * as imports from './handlers/import';
import * as menu from './handlers/menu';
import * as reminders from './handlers/reminders';
import * as reports from './handlers/reports';
import * as scoring from './handlers/scoring';
// Side effect: wires the Apps Script services into rpc (rpc.ts stays free of them for the sidebar's types).
import './handlers/sidebar';
import * as workbook from './handlers/workbook';
import { rpc } from './rpc';

// ── Simple triggers and menu ────────────────────────────────────────────────────────────────────────────────────
export function onOpen(e: GoogleAppsScript.Events.SheetsOnOpen) { return menu.onOpen(e); }
export function onInstall(e: GoogleAppsScript.Events.AddonOnInstall) { return menu.onInstall(e); }
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit) { return workbook.onEdit(e); }
export function showSidebar() { return menu.showSidebar(); }

// ── Menu actions ────────────────────────────────────────────────────────────────────────────────────────────────
export function setupWorkbook() { return workbook.setupWorkbook(); }
export function refreshLedger() { return workbook.refreshLedger(); }
export function verifyAuditLog() { return workbook.verifyAuditLog(); }
export function rescoreCustomers() { return scoring.rescoreCustomers(); }
export function runBacktest(options?: Parameters<typeof scoring.runBacktest>[0]) { return scoring.runBacktest(options); }
export function previewReminders() { return reminders.previewReminders(); }
export function runRemindersNow() { return reminders.runRemindersNow(); }
export function enableDailyReminders() { return reminders.enableDailyReminders(); }
export function disableDailyReminders() { return reminders.disableDailyReminders(); }
export function buildReports() { return reports.buildReports(); }
export function showImport() { return imports.showImport(); }
export function enableWeeklyBackup() { return backup.enableWeeklyBackup(); }
export function disableWeeklyBackup() { return backup.disableWeeklyBackup(); }

// ── Installable trigger ─────────────────────────────────────────────────────────────────────────────────────────
export function runDailyReminders(e: GoogleAppsScript.Events.TimeDriven) { return reminders.runDailyReminders(e); }

// ── Custom functions ────────────────────────────────────────────────────────────────────────────────────────────
/**
 * Days past due (0 when not yet due or when nothing is outstanding). Accepts a single date or a column range.
 * 逾期天数：未到期或已结清时为 0。可传入单个日期或整列区域。
 *
 * @param {Date|Date[][]} due_date The due date, or a column of due dates. 到期日（单元格或整列）。
 * @param {number|number[][]} [outstanding] Optional: amount still owed; 0 means settled (never overdue). 可选：未收金额，为 0 表示已结清。
 * @param {Date} [as_of] Optional: the day to count to; defaults to today in the spreadsheet's time zone. 可选：计算截至日，默认今天。
 * @return {number|number[][]} Days overdue. 逾期天数。
 * @customfunction
 */
export function DAYS_OVERDUE(due_date: unknown, outstanding?: unknown, as_of?: unknown) { return customFunctions.DAYS_OVERDUE(due_date, outstanding, as_of); }

/**
 * Aging bucket of a receivable: current, 1-30, 31-60, 61-90 or 90+ days past due. Accepts a single date or a column range.
 * 账龄区间：未逾期、1-30、31-60、61-90、90+ 天。可传入单个日期或整列区域。
 *
 * @param {Date|Date[][]} due_date The due date, or a column of due dates. 到期日（单元格或整列）。
 * @param {number|number[][]} [outstanding] Optional: amount still owed; 0 means settled. 可选：未收金额，为 0 表示已结清。
 * @param {Date} [as_of] Optional: the day to count to; defaults to today in the spreadsheet's time zone. 可选：计算截至日，默认今天。
 * @return {string|string[][]} The aging bucket. 账龄区间。
 * @customfunction
 */
export function AGING_BUCKET(due_date: unknown, outstanding?: unknown, as_of?: unknown) { return customFunctions.AGING_BUCKET(due_date, outstanding, as_of); }

/**
 * Credit score 300–850 from payment behaviour (the add-on's scorecard). Each argument may be a value or a column range.
 * 信用评分（300–850），按回款表现计算。每个参数可为单个值或整列区域。
 *
 * @param {number|number[][]} on_time_ratio Share of invoices paid on time (by due date + grace), 0–1 (e.g. 0.95 or 95%). 按时回款单据占比（0–1）。
 * @param {number|number[][]} avg_days_late Amount-weighted average days late, ≥ 0. 金额加权平均逾期天数。
 * @param {number|number[][]} max_days_late Maximum days late, ≥ 0. 最长逾期天数。
 * @param {number|number[][]} utilization Outstanding ÷ credit limit, ≥ 0 (e.g. 0.6 or 60%); blank when there is no limit. 额度使用率（应收余额 ÷ 信用额度），无额度留空。
 * @param {number|number[][]} tenure_months Months since the first invoice, ≥ 0. 合作月数。
 * @param {number|number[][]} [disputes_12m] Optional: disputes and complaints in the last 12 months, ≥ 0. 可选：近 12 个月争议与投诉次数。
 * @return {number|number[][]} The credit score. 信用评分。
 * @customfunction
 */
export function CREDIT_SCORE(on_time_ratio: unknown, avg_days_late: unknown, max_days_late: unknown, utilization: unknown, tenure_months: unknown, disputes_12m?: unknown) { return customFunctions.CREDIT_SCORE(on_time_ratio, avg_days_late, max_days_late, utilization, tenure_months, disputes_12m); }

/**
 * Credit grade (AAA … C) for a score, by the cut-offs in the Settings sheet defaults. Accepts a value or a column range.
 * 信用等级（AAA…C），按评分换算。可传入单个值或整列区域。
 *
 * @param {number|number[][]} score A credit score 300–850. 信用评分（300–850）。
 * @return {string|string[][]} The grade. 信用等级。
 * @customfunction
 */
export function CREDIT_GRADE(score: unknown) { return customFunctions.CREDIT_GRADE(score); }

// ── Sidebar RPC (google.script.run) — the list lives in src/rpc.ts ─────────────────────────────────────────────
export function sidebarStart() { return rpc.sidebarStart(); }
export function customer360(id: string) { return rpc.customer360(id); }
export function openInvoices(customerId: string) { return rpc.openInvoices(customerId); }
export function saveCustomer(save: Parameters<typeof rpc.saveCustomer>[0]) { return rpc.saveCustomer(save); }
export function saveInvoice(save: Parameters<typeof rpc.saveInvoice>[0]) { return rpc.saveInvoice(save); }
export function savePayment(save: Parameters<typeof rpc.savePayment>[0]) { return rpc.savePayment(save); }
export function saveInteraction(save: Parameters<typeof rpc.saveInteraction>[0]) { return rpc.saveInteraction(save); }
export function setRemindersPaused(id: string, paused: boolean, version: string) { return rpc.setRemindersPaused(id, paused, version); }
export function reminderPreview() { return rpc.reminderPreview(); }
export function settingsView() { return rpc.settingsView(); }
export function saveSettings(save: Parameters<typeof rpc.saveSettings>[0]) { return rpc.saveSettings(save); }
export function sendChatTest() { return rpc.sendChatTest(); }
export function reportCards() { return rpc.reportCards(); }
export function buildReportsAsOf(day: string) { return rpc.buildReportsAsOf(day); }
export function backtestRun(cutoff: string) { return rpc.backtestRun(cutoff); }
export function approveInvoice(id: string) { return rpc.approveInvoice(id); }
export function importPreview(request: Parameters<typeof rpc.importPreview>[0]) { return rpc.importPreview(request); }
export function importRun(request: Parameters<typeof rpc.importRun>[0]) { return rpc.importRun(request); }
export function exportData(request: Parameters<typeof rpc.exportData>[0]) { return rpc.exportData(request); }
export function sendStatement(req: Parameters<typeof rpc.sendStatement>[0]) { return rpc.sendStatement(req); }
export function invoiceAction(req: Parameters<typeof rpc.invoiceAction>[0]) { return rpc.invoiceAction(req); }
export function resolveInteraction(req: Parameters<typeof rpc.resolveInteraction>[0]) { return rpc.resolveInteraction(req); }
export function saveReceipt(save: Parameters<typeof rpc.saveReceipt>[0]) { return rpc.saveReceipt(save); }
export function reminderStatus() { return rpc.reminderStatus(); }
