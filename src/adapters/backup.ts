// The weekly backup's Apps Script side: its state in one document property, the ZIP made by Utilities.zip from one
// text blob per sheet (one service call per sheet plus one for the zip), and the mail through MailApp with the zip
// attached (gas-runtime-notes §8: at most 25 MB of attachments per message).
import type { BackupState } from '../app/backup';

const KEY = 'customerLedger.backup';

export function documentBackupState(): { load(): BackupState | null; save(s: BackupState): void } {
  const props = PropertiesService.getDocumentProperties();
  return {
    load() {
      try {
        const v = JSON.parse(props.getProperty(KEY) ?? 'null') as BackupState | null;
        return v && typeof v === 'object' ? v : null;
      } catch (_e) {
        return null;
      }
    },
    save(s) {
      props.setProperty(KEY, JSON.stringify(s));
    },
  };
}

export function utilitiesZip(files: ReadonlyArray<{ name: string; text: string }>, name: string) {
  const blobs = files.map((f) => Utilities.newBlob(f.text, 'text/csv', f.name));
  const archive = Utilities.zip(blobs, name);
  return { size: archive.getBytes().length, archive };
}

export function mailBackup(to: readonly string[], subject: string, body: string, attachment: unknown | null): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = { to: to.join(','), subject, body };
  if (attachment) message.attachments = [attachment as GoogleAppsScript.Base.BlobSource];
  MailApp.sendEmail(message);
}
