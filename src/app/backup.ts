// The weekly backup (PRODUCT.md §12): once enabled by an admin, the hourly trigger that runs the reminders also
// e-mails the admins (and the owner) every ledger sheet as one ZIP of UTF-8 CSV files, at most once per 7 days.
// MailApp takes at most 25 MB of attachments per message (gas-runtime-notes §8): a larger backup is not attached and
// the mail says so and how to download the export instead. Restore = importing those CSV files (src/app/import-run.ts).
import { daysBetween, type IsoDay } from '../domain/day';
import { csvText } from '../domain/export-csv';
import { type Catalog, type Lang, t, msg } from '../domain/i18n';
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
  subject: msg('app/backup.BACKUP_TEXT.subject'),
  attached: msg('app/backup.BACKUP_TEXT.attached'),
  tooLarge: msg('app/backup.BACKUP_TEXT.tooLarge'),
  enabled: msg('app/backup.BACKUP_TEXT.enabled'),
  disabled: msg('app/backup.BACKUP_TEXT.disabled'),
  needsTrigger: msg('app/backup.BACKUP_TEXT.needsTrigger'),
  notAdmin: msg('app/backup.BACKUP_TEXT.notAdmin'),
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
