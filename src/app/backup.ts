// The weekly backup (PRODUCT.md §12): once enabled by an admin, the hourly trigger that runs the reminders also
// e-mails the admins (and the owner) every ledger sheet as one ZIP of UTF-8 CSV files, at most once per 7 days.
// MailApp takes at most 25 MB of attachments per message (gas-runtime-notes §8): a larger backup is not attached and
// the mail says so and how to download the export instead. Restore = importing those CSV files (src/app/import-run.ts).
import { daysBetween, type IsoDay } from '../domain/day';
import { csvText } from '../domain/export-csv';
import { type Catalog, type Lang, t } from '../domain/i18n';
import type { ExportReader } from './export-data';
import { ROLES } from './ports';

export interface BackupState {
  enabled: boolean;
  /** Who enabled it (an admin). */
  by: string;
  /** Day of the last backup mail ('' = none yet). */
  lastDay: IsoDay;
}

/** Attachments above this are not sent: 25 MB is MailApp's limit, less room for the message itself. */
export const BACKUP_ATTACHMENT_LIMIT = 24 * 1024 * 1024;
export const BACKUP_EVERY_DAYS = 7;

export interface BackupPorts {
  state: { load(): BackupState | null; save(s: BackupState): void };
  read: ExportReader;
  today(): IsoDay;
  lang: Lang;
  company: string;
  recipients(): string[];
  /** Zips the files (one call); returns the archive and its size in bytes. */
  zip(files: ReadonlyArray<{ name: string; text: string }>, name: string): { size: number; archive: unknown };
  send(to: readonly string[], subject: string, body: string, attachment: unknown | null): void;
}

export const BACKUP_TEXT = {
  subject: { 'zh-CN': '{company}客户台账每周备份（{day}）', en: '{company}Customer Ledger weekly backup ({day})' },
  attached: {
    'zh-CN':
      '附件为客户台账截至 {day} 的全部工作表：ZIP 内每个工作表一个 UTF-8 CSV 文件，共 {rows} 行。\n恢复方法：在侧边栏“导入数据”中选择“CSV 或 Excel (XLSX) 文件”，依次导入 客户、应收账款、回款、服务记录 的 CSV 文件（按标题自动对应，已存在的记录会跳过）。',
    en: 'Attached: every sheet of the Customer Ledger as of {day}, one UTF-8 CSV file per sheet in a ZIP, {rows} rows in all.\nTo restore: in the sidebar, Import data → “A CSV or Excel (XLSX) file”, import the Customers, Receivables, Payments and Interactions CSV files in that order (headers map automatically; existing records are skipped).',
  },
  tooLarge: {
    'zh-CN':
      '本周的台账备份压缩后为 {mb} MB，超过 Apps Script 邮件附件上限（每封 25 MB），因此本邮件没有附件。请在侧边栏“导入数据 → 导出”中下载全部工作表的 XLSX 文件保存。',
    en: 'This week’s ledger backup is {mb} MB compressed, more than the 25 MB of attachments an Apps Script e-mail may carry, so this message has no attachment. Download every sheet as XLSX from the sidebar: Import data → Export.',
  },
  enabled: {
    'zh-CN': '已开启每周备份：每 7 天把全部工作表以附件发送给管理员（随每日催收的定时任务运行）。',
    en: 'Weekly backup is on: every 7 days the admins get every sheet as an attachment (run by the daily reminders’ trigger).',
  },
  disabled: { 'zh-CN': '已关闭每周备份。', en: 'Weekly backup is off.' },
  needsTrigger: {
    'zh-CN': '每周备份随每日催收的每小时定时任务运行。请先在菜单中“开启每日催收”，再开启每周备份。',
    en: 'The weekly backup runs with the daily reminders’ hourly trigger. Enable daily reminders from the menu first, then the weekly backup.',
  },
  notAdmin: {
    'zh-CN': '只有管理员（设置中的管理员邮箱，或表格所有者）可以更改每周备份。',
    en: 'Only admins (the admin e-mails in Settings, or the spreadsheet owner) can change the weekly backup.',
  },
} satisfies Catalog;

export type BackupOutcome = 'off' | 'not-due' | 'no-recipients' | 'attached' | 'too-large';

/** Sends the backup if it is on and due; returns what happened. */
export function runBackupIfDue(p: BackupPorts): BackupOutcome {
  const s = p.state.load();
  if (!s?.enabled) return 'off';
  const today = p.today();
  if (s.lastDay && daysBetween(s.lastDay, today) < BACKUP_EVERY_DAYS) return 'not-due';
  const to = p.recipients();
  if (!to.length) return 'no-recipients';
  const files: Array<{ name: string; text: string }> = [];
  let rows = 0;
  for (const role of ROLES) {
    const sheet = p.read(role);
    if (!sheet) continue;
    rows += sheet.rows.length;
    files.push({ name: `${sheet.name.replace(/[\\/:*?"<>|]/g, '_')}.csv`, text: csvText(sheet.header, sheet.rows) });
  }
  const zip = p.zip(files, `customer-ledger-${today}.zip`);
  const subject = t(p.lang, BACKUP_TEXT.subject, { company: p.company ? `${p.company} ` : '', day: today }).trim();
  const fits = zip.size <= BACKUP_ATTACHMENT_LIMIT;
  const body = fits
    ? t(p.lang, BACKUP_TEXT.attached, { day: today, rows })
    : t(p.lang, BACKUP_TEXT.tooLarge, { mb: (zip.size / 1048576).toFixed(1) });
  p.send(to, subject, body, fits ? zip.archive : null);
  p.state.save({ ...s, lastDay: today });
  return fits ? 'attached' : 'too-large';
}
