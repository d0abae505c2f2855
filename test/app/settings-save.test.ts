// Saving settings from the sidebar (src/app/save-settings.ts) over an in-memory store: only changed value cells are
// written, under the lock, with audit rows; any invalid value, a stale view, a non-admin or a busy lock writes nothing.
import { saveSettings } from '../../src/app/save-settings';
import { settingsView } from '../../src/app/settings-view';
import { REMINDER_KEYS } from '../../src/domain/reminders/settings';
import { SCORING_KEYS } from '../../src/domain/scoring/settings';
import { WORKBOOK_KEYS } from '../../src/domain/settings';
import { OWNER, settingsServices, settingsSheet, sheetValue } from './settings-fakes';

type Kit = ReturnType<typeof settingsServices>;

function ownerKit(rows = settingsSheet(), lang: 'en' | 'zh-CN' = 'en'): Kit {
  const k = settingsServices(rows, lang);
  k.identity.email = OWNER;
  return k;
}

const versionOf = (k: Kit) => settingsView(k.services, k.owner).version;
const snapshot = (k: Kit) => JSON.stringify(k.store.tables);

describe('saveSettings', () => {
  test('writes only the changed value cells, with one audit row each, and returns the new view', () => {
    const k = ownerKit();
    const version = versionOf(k);
    const before = k.store.records('settings');
    const updates: Array<{ rows: number[]; fields: readonly string[] }> = [];
    const update = k.store.update.bind(k.store);
    k.store.update = (role, changes, fields) => {
      updates.push({ rows: changes.map((c) => c.row), fields: fields as readonly string[] });
      update(role, changes, fields);
    };
    const r = saveSettings(
      k.services,
      { version, values: { companyName: '  Acme Trading Ltd ', [REMINDER_KEYS.hour]: '7', defaultCurrency: 'CNY' } },
      k.owner,
    );
    expect(r).toMatchObject({ ok: true, message: '2 settings saved.' });
    if (!r.ok) return;
    expect(r.changed.sort()).toEqual(['companyName', REMINDER_KEYS.hour].sort());
    expect(sheetValue(k.store, 'companyName')).toBe('Acme Trading Ltd');
    expect(sheetValue(k.store, REMINDER_KEYS.hour)).toBe('7');
    expect(updates).toHaveLength(1);
    expect(updates[0].fields).toEqual(['value']);
    expect(updates[0].rows).toHaveLength(2);
    const after = k.store.records('settings');
    const untouched = before.filter((b) => b.key !== 'companyName' && b.key !== REMINDER_KEYS.hour);
    for (const b of untouched) expect(after.find((a) => a.key === b.key)).toEqual(b);
    expect(k.store.records('audit')).toEqual([
      expect.objectContaining({
        action: 'update',
        sheet: 'settings',
        recordId: 'companyName',
        field: 'value',
        oldValue: '',
        newValue: 'Acme Trading Ltd',
        user: OWNER,
        source: 'sidebar',
        at: '2026-03-02 09:00:00',
      }),
      expect.objectContaining({ recordId: REMINDER_KEYS.hour, oldValue: '9', newValue: '7' }),
    ]);
    expect(k.store.records('audit')[1].hash).toMatch(/\w{16,}/);
    expect(r.view.version).toBe(versionOf(k));
    expect(r.view.version).not.toBe(version);
    expect(k.lock.acquisitions).toBe(1);
    expect(k.lock.held).toBe(false);
  });

  test('a key missing from the sheet is appended with its description when changed; left at default, not at all', () => {
    const k = ownerKit(settingsSheet({}, [REMINDER_KEYS.graceDays, REMINDER_KEYS.minAmount]));
    const r = saveSettings(
      k.services,
      { version: versionOf(k), values: { [REMINDER_KEYS.graceDays]: '3', [REMINDER_KEYS.minAmount]: '0' } },
      k.owner,
    );
    expect(r).toMatchObject({ ok: true, changed: [REMINDER_KEYS.graceDays] });
    const rows = k.store.records('settings');
    expect(rows[rows.length - 1]).toEqual({
      key: REMINDER_KEYS.graceDays,
      value: '3',
      description: 'Grace days added before each overdue stage',
    });
    expect(sheetValue(k.store, REMINDER_KEYS.minAmount)).toBeUndefined();
    expect(k.store.records('audit')).toEqual([
      expect.objectContaining({ action: 'create', recordId: REMINDER_KEYS.graceDays }),
    ]);
  });

  test('values are stored in canonical spelling (currency in capitals, grade lists upper-case)', () => {
    const k = ownerKit();
    const r = saveSettings(
      k.services,
      { version: versionOf(k), values: { defaultCurrency: 'usd', [SCORING_KEYS.vipGrades]: 'aaa, aa' } },
      k.owner,
    );
    expect(r.ok).toBe(true);
    expect(sheetValue(k.store, 'defaultCurrency')).toBe('USD');
    expect(sheetValue(k.store, SCORING_KEYS.vipGrades)).toBe('AAA, AA');
  });

  test('nothing changed: success without any write or audit row', () => {
    const k = ownerKit();
    const before = snapshot(k);
    const r = saveSettings(k.services, { version: versionOf(k), values: { companyName: '' } }, k.owner);
    expect(r).toMatchObject({ ok: true, changed: [], message: 'Nothing changed; nothing to save.' });
    expect(snapshot(k)).toBe(before);
  });

  test('one invalid value among valid ones: nothing is written, each error names the setting and the rule (en)', () => {
    const k = ownerKit();
    const before = snapshot(k);
    const r = saveSettings(
      k.services,
      {
        version: versionOf(k),
        values: {
          companyName: 'Acme',
          [REMINDER_KEYS.hour]: '24',
          [REMINDER_KEYS.financeRecipients]: 'fin@example.com, not-an-email',
          defaultCurrency: 'RMBX',
        },
      },
      k.owner,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('validation');
    expect(r.message).toMatch(/3 fields need attention/);
    expect(r.errors).toEqual([
      {
        field: REMINDER_KEYS.hour,
        message: 'Hour of the daily reminder run (reminders.hour): must be a whole number from 0 to 23',
      },
      {
        field: REMINDER_KEYS.financeRecipients,
        message: expect.stringMatching(/^Finance digest recipients .*invalid: not-an-email$/),
      },
      { field: 'defaultCurrency', message: expect.stringMatching(/3-letter ISO currency code/) },
    ]);
    expect(snapshot(k)).toBe(before);
    expect(k.lock.acquisitions).toBe(0);
  });

  test('the same failures in Chinese', () => {
    const k = ownerKit(settingsSheet(), 'zh-CN');
    const r = saveSettings(
      k.services,
      { version: versionOf(k), values: { [REMINDER_KEYS.hour]: '二十', [SCORING_KEYS.cutoffs]: 'AAA:700, AA:760' } },
      k.owner,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe('有 2 处需要修改，请按字段提示更正后再保存。');
    expect(r.errors[0].message).toBe('每日催收的时间（reminders.hour）：须为 0 到 23 之间的整数');
    expect(r.errors[1].message).toMatch(/^等级分数线（scoring.gradeCutoffs）：须按 AAA…CC 各列一次且分数递减/);
  });

  test('the lang of the save wins over the identity for messages', () => {
    const k = ownerKit();
    const r = saveSettings(k.services, { version: '', values: { [REMINDER_KEYS.hour]: '-1' }, lang: 'zh-CN' }, k.owner);
    expect(!r.ok && r.errors[0].message).toMatch(/须为 0 到 23 之间的整数/);
  });

  test('a stale view is refused as a conflict and nothing is written', () => {
    const k = ownerKit();
    const version = versionOf(k);
    const hour = k.store.tables.settings.find((s) => s.record.key === REMINDER_KEYS.hour)!;
    k.store.update('settings', [{ row: hour.row, record: { value: '6' } }], ['value']);
    const before = snapshot(k);
    const r = saveSettings(k.services, { version, values: { companyName: 'Late Co' } }, k.owner);
    expect(r).toMatchObject({ ok: false, reason: 'conflict' });
    expect(!r.ok && r.message).toMatch(/settings were changed after you opened them/);
    expect(snapshot(k)).toBe(before);
    expect(k.lock.held).toBe(false);
  });

  test('a non-admin is refused and nothing is written; a listed admin may save', () => {
    const k = settingsServices(settingsSheet({ adminEmails: 'bob@example.com' }));
    const before = snapshot(k);
    const r = saveSettings(k.services, { version: versionOf(k), values: { companyName: 'X' } }, k.owner);
    expect(r).toMatchObject({ ok: false, reason: 'not-admin' });
    expect(snapshot(k)).toBe(before);
    k.identity.email = 'bob@example.com';
    expect(saveSettings(k.services, { version: versionOf(k), values: { companyName: 'X' } }, k.owner).ok).toBe(true);
  });

  test('while another save holds the lock: busy, nothing written', () => {
    const k = ownerKit();
    k.lock.busy = true;
    const before = snapshot(k);
    const r = saveSettings(k.services, { version: versionOf(k), values: { companyName: 'X' } }, k.owner);
    expect(r).toMatchObject({ ok: false, reason: 'busy' });
    expect(snapshot(k)).toBe(before);
  });

  test('untrusted payloads: unknown keys are refused, a non-object values is an empty save', () => {
    const k = ownerKit();
    const r = saveSettings(k.services, { version: versionOf(k), values: { 'evil.key': '1' } }, k.owner);
    expect(r).toMatchObject({ ok: false, reason: 'validation', errors: [{ field: 'evil.key' }] });
    const bad = saveSettings(k.services, { version: versionOf(k), values: 'x' } as never, k.owner);
    expect(bad).toMatchObject({ ok: true, changed: [] });
  });

  test('formula-looking text passes validation unchanged (the sheet adapter stores it as text)', () => {
    const k = ownerKit();
    const r = saveSettings(
      k.services,
      {
        version: versionOf(k),
        values: { companyName: '=IMPORTXML("http://x","//a")', [WORKBOOK_KEYS.industries]: '+1,@x' },
      },
      k.owner,
    );
    expect(r.ok).toBe(true);
    expect(sheetValue(k.store, 'companyName')).toBe('=IMPORTXML("http://x","//a")');
    expect(sheetValue(k.store, 'industries')).toBe('+1,@x');
  });
});
