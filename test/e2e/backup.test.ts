// PRODUCT.md §12 backup on the built bundle: an admin enables the weekly backup from the menu (it rides on the
// daily reminders' single hourly trigger); the trigger e-mails the admins a ZIP of one CSV per sheet at most once per
// 7 days, and the CSV reads back with the import's file reader (restore = import). Non-admins and a workbook without
// the hourly trigger are refused. The too-large branch (over MailApp's 25 MB) is tested on the use case below.
import { unzipSync } from 'fflate';
import { BACKUP_ATTACHMENT_LIMIT, type BackupPorts, type BackupState, runBackupIfDue } from '../../src/app/backup';
import { readFileTable } from '../../sidebar/src/file-table';
import { lastAlert, mustSave, newEnv, OWNER, saveCustomer } from './harness';

const backups = (env: ReturnType<typeof newEnv>) => env.outbox.filter((m) => m.subject.includes('每周备份'));

describe('weekly backup e-mail', () => {
  test('refused without the hourly trigger and for non-admins; nothing stored', () => {
    const env = newEnv();
    env.clickMenu('enableWeeklyBackup');
    expect(lastAlert(env)).toContain('请先在菜单中“开启每日催收”');
    expect(env.properties.document()['customerLedger.backup']).toBeUndefined();
    env.clickMenu('enableDailyReminders');
    env.openAsUser('bob@example.com');
    env.clickMenu('enableWeeklyBackup', { user: 'bob@example.com' });
    expect(lastAlert(env)).toContain('只有管理员');
    expect(env.properties.document()['customerLedger.backup']).toBeUndefined();
  });

  test('the hourly trigger mails the admins every sheet as CSV in a ZIP, once per 7 days', () => {
    const env = newEnv();
    mustSave(
      saveCustomer(env, { name: '北京华星科技有限公司', type: 'company', status: 'active', phone: '010-62345678' }),
    );
    env.clickMenu('enableDailyReminders');
    env.clickMenu('enableWeeklyBackup');
    expect(lastAlert(env)).toContain('已开启每周备份');
    env.advance({ hours: 1 });
    const [mail] = backups(env);
    expect(mail).toBeDefined();
    expect(mail.to).toBe(OWNER);
    expect(mail.body).toContain('恢复方法');
    const att = mail.attachments?.[0];
    expect(att?.contentType).toBe('application/zip');
    const files = unzipSync(new Uint8Array(Buffer.from(att!.base64, 'base64')));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['客户.csv', '应收账款.csv', '回款.csv', '服务记录.csv', '操作日志.csv', '设置.csv']),
    );
    const customers = readFileTable('客户.csv', files['客户.csv']);
    if (!customers.ok) throw new Error(customers.code);
    expect(customers.header[0]).toBe('客户编号');
    expect(customers.rows.map((r) => r[1])).toEqual(['北京华星科技有限公司']);
    expect(customers.rows[0][4]).toBe('010-62345678');

    for (let d = 0; d < 6; d++) env.advance({ days: 1 });
    expect(backups(env)).toHaveLength(1);
    env.advance({ days: 1 });
    expect(backups(env)).toHaveLength(2);
    env.clickMenu('disableWeeklyBackup');
    for (let d = 0; d < 8; d++) env.advance({ days: 1 });
    expect(backups(env)).toHaveLength(2);
  });
});

describe('backup use case', () => {
  function ports(size: number, state: BackupState | null) {
    const sent: Array<{ to: readonly string[]; subject: string; body: string; attachment: unknown }> = [];
    let saved: BackupState | null = state;
    const p: BackupPorts = {
      state: { load: () => saved, save: (s) => (saved = s) },
      read: (role) =>
        role === 'customers' ? { role, name: '客户', header: ['客户编号'], rows: [['0001'], ['0002']] } : null,
      today: () => '2026-03-09',
      lang: 'en',
      company: 'ACME',
      recipients: () => ['owner@example.com'],
      zip: () => ({ size, archive: 'zip-blob' }),
      send: (to, subject, body, attachment) => sent.push({ to, subject, body, attachment }),
    };
    return { p, sent, state: () => saved };
  }

  test('over the attachment limit: no attachment, the mail says so and how to export instead', () => {
    const f = ports(BACKUP_ATTACHMENT_LIMIT + 1, { enabled: true, by: 'a', lastDay: '' });
    expect(runBackupIfDue(f.p)).toBe('too-large');
    expect(f.sent).toHaveLength(1);
    expect(f.sent[0].attachment).toBeNull();
    expect(f.sent[0].body).toContain('more than the 25 MB');
    expect(f.sent[0].subject).toBe('ACME Customer Ledger weekly backup (2026-03-09)');
    expect(f.state()?.lastDay).toBe('2026-03-09');
  });

  test('within the limit the zip is attached; not due within 7 days; off does nothing', () => {
    const ok = ports(1000, { enabled: true, by: 'a', lastDay: '2026-03-02' });
    expect(runBackupIfDue(ok.p)).toBe('attached');
    expect(ok.sent[0].attachment).toBe('zip-blob');
    expect(ok.sent[0].body).toContain('2 rows in all');
    expect(runBackupIfDue(ports(1000, { enabled: true, by: 'a', lastDay: '2026-03-03' }).p)).toBe('not-due');
    expect(runBackupIfDue(ports(1000, { enabled: false, by: 'a', lastDay: '' }).p)).toBe('off');
  });
});
