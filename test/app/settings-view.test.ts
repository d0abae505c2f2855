// The settings view use case (src/app/settings-view.ts) over an in-memory Settings sheet: every known setting once,
// grouped, valued from the sheet (defaults for missing rows), localized, versioned, and editable by admins only.
import { settingsView } from '../../src/app/settings-view';
import { REMINDER_KEYS } from '../../src/domain/reminders/settings';
import { ALL_SETTINGS, WORKBOOK_KEYS } from '../../src/domain/settings';
import { OWNER, settingsServices, settingsSheet } from './settings-fakes';

const itemsOf = (v: ReturnType<typeof settingsView>) => v.groups.flatMap((g) => g.items);

describe('settingsView', () => {
  test('lists every known setting exactly once, with the sheet value and the reader-language description', () => {
    const k = settingsServices(settingsSheet({ [WORKBOOK_KEYS.companyName]: 'Acme Ltd', [REMINDER_KEYS.hour]: '7' }));
    const view = settingsView(k.services, k.owner);
    const keys = itemsOf(view).map((i) => i.key);
    expect(keys.sort()).toEqual(ALL_SETTINGS.map((d) => d.key).sort());
    const byKey = new Map(itemsOf(view).map((i) => [i.key, i]));
    expect(byKey.get(WORKBOOK_KEYS.companyName)).toMatchObject({ value: 'Acme Ltd', missing: false });
    expect(byKey.get(REMINDER_KEYS.hour)).toMatchObject({
      value: '7',
      defaultValue: '9',
      name: 'Hour of the daily reminder run',
      description: 'Hour of the daily reminder run (0–23, spreadsheet time zone)',
    });
  });

  test('groups: company & e-mail first, then workbook, reminders, chat alerts, scoring, segments, templates', () => {
    const k = settingsServices();
    const view = settingsView(k.services, k.owner);
    expect(view.groups.map((g) => g.id)).toEqual([
      'company',
      'workbook',
      'reminders',
      'chat',
      'scoring',
      'segments',
      'templates',
    ]);
    expect(view.groups[0].title).toBe('Company & e-mail');
    expect(view.groups[0].items.map((i) => i.key)).toEqual([
      'companyName',
      'reminders.senderName',
      'reminders.replyTo',
      'adminEmails',
      'reminders.financeRecipients',
      'reminders.digestLanguage',
      'reminders.payment.payee',
      'reminders.payment.bank',
      'reminders.payment.account',
      'reminders.signature',
    ]);
    const templates = view.groups.find((g) => g.id === 'templates')!;
    // 3 kinds × 3 languages × subject/body, plus each kind's wording for VIP and high-risk customers (3 × 2 × 3 × 2)
    expect(templates.items).toHaveLength(54);
    expect(templates.items.filter((i) => i.multiline).map((i) => i.key)).toEqual(
      templates.items.filter((i) => i.key.endsWith('.body')).map((i) => i.key),
    );
    expect(view.groups.find((g) => g.id === 'reminders')!.items.every((i) => !i.multiline)).toBe(true);
  });

  test('in Chinese: group titles, names and descriptions are Chinese', () => {
    const k = settingsServices(settingsSheet(), 'zh-CN');
    const view = settingsView(k.services, k.owner);
    expect(view.lang).toBe('zh-CN');
    expect(view.groups[0].title).toBe('公司与邮件');
    const hour = itemsOf(view).find((i) => i.key === REMINDER_KEYS.hour)!;
    expect(hour.name).toBe('每日催收的时间');
    expect(hour.description).toMatch(/0–23 点/);
  });

  test('a key missing from the sheet shows its default and is marked missing', () => {
    const k = settingsServices(settingsSheet({}, [REMINDER_KEYS.graceDays]));
    const item = itemsOf(settingsView(k.services, k.owner)).find((i) => i.key === REMINDER_KEYS.graceDays)!;
    expect(item).toMatchObject({ value: '0', missing: true });
  });

  test('the version changes with any value, and with a row appearing, but not with descriptions', () => {
    const base = settingsSheet();
    const v = (rows: typeof base) => {
      const k = settingsServices(rows);
      return settingsView(k.services, k.owner).version;
    };
    const v0 = v(base);
    expect(v0).toMatch(/^[0-9a-f]{32}$/);
    expect(v(settingsSheet())).toBe(v0);
    expect(v(settingsSheet({ [REMINDER_KEYS.stages]: '1,7' }))).not.toBe(v0);
    expect(v(settingsSheet({ [WORKBOOK_KEYS.companyName]: '' }, [WORKBOOK_KEYS.companyName]))).not.toBe(v0);
    expect(v(base.map((r) => ({ ...r, description: 'x' })))).toBe(v0);
  });

  test('admins may edit: the owner, or a user in the admin list (then the owner is not even asked)', () => {
    const owner = settingsServices();
    owner.identity.email = OWNER;
    expect(settingsView(owner.services, owner.owner)).toMatchObject({ canEdit: true, problem: '' });

    const listed = settingsServices(settingsSheet({ adminEmails: 'bob@example.com, Alice@Example.com' }));
    expect(settingsView(listed.services, listed.owner).canEdit).toBe(true);
    expect(listed.ownerAsked()).toBe(0);

    const other = settingsServices(settingsSheet({ adminEmails: 'bob@example.com' }));
    const view = settingsView(other.services, other.owner);
    expect(view.canEdit).toBe(false);
    expect(view.problem).toMatch(/Only admins can change settings/);
    expect(itemsOf(view).length).toBe(ALL_SETTINGS.length);
  });

  test('without an owner lookup (not wired), only the admin list grants editing (fails closed)', () => {
    const k = settingsServices();
    k.identity.email = OWNER;
    expect(settingsView(k.services, null).canEdit).toBe(false);
  });

  test('a Settings sheet that cannot be read gives an empty read-only view that says what to do', () => {
    const k = settingsServices();
    k.store.read = () => {
      throw Object.assign(new Error('gone'), {
        text: { 'zh-CN': '找不到“设置”表。', en: 'The Settings sheet is missing.' },
      });
    };
    const view = settingsView(k.services, k.owner);
    expect(view).toMatchObject({ canEdit: false, groups: [], problem: 'The Settings sheet is missing.' });
  });
});
