// Settings edited from the sidebar (PRODUCT.md §1 "editable in the sheet and in the sidebar", §7 admins only): the
// spreadsheet owner may always edit, others only when listed as admins; a bad value writes nothing.
import type { SettingsSaveResult, SettingsView } from '../../src/app/sidebar-types';
import { newEnv, rows, sheetName } from './harness';

function settingValue(env: ReturnType<typeof newEnv>, key: string): unknown {
  return rows(env, sheetName('settings')).find((r) => r['键'] === key)?.['值'];
}

describe('settings in the sidebar', () => {
  test('the owner edits a fresh workbook (empty admin list); the sheet changes and an audit row is written', () => {
    const env = newEnv();
    const view = env.callRpc('settingsView', []) as SettingsView;
    expect(view.canEdit).toBe(true);
    const keys = view.groups.flatMap((g) => g.items.map((i) => i.key));
    expect(keys).toContain('companyName');
    const r = env.callRpc('saveSettings', [
      { version: view.version, values: { companyName: '示例贸易有限公司' }, lang: 'zh-CN' },
    ]) as SettingsSaveResult;
    expect(r.ok).toBe(true);
    expect(settingValue(env, 'companyName')).toBe('示例贸易有限公司');
    const audit = rows(env, sheetName('audit'));
    expect(audit.some((a) => String(a['新值']).includes('示例贸易有限公司'))).toBe(true);
  });

  test('an invalid reminder hour is refused with a message naming the setting; nothing is written', () => {
    const env = newEnv();
    const view = env.callRpc('settingsView', []) as SettingsView;
    const hourKey = view.groups.flatMap((g) => g.items.map((i) => i.key)).find((k) => /hour/i.test(k));
    expect(hourKey).toBeDefined();
    const before = settingValue(env, hourKey!);
    const r = env.callRpc('saveSettings', [
      { version: view.version, values: { companyName: '新名字', [hourKey!]: '25' }, lang: 'en' },
    ]) as SettingsSaveResult;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toContain(hourKey);
    expect(r.errors.find((e) => e.field === hourKey)?.message).toMatch(/0.*23/);
    expect(settingValue(env, hourKey!)).toBe(before);
    expect(settingValue(env, 'companyName')).not.toBe('新名字');
  });

  test('another editor who is not an admin sees the settings read-only and cannot save', () => {
    const env = newEnv();
    const view = env.callRpc('settingsView', [], { user: 'clerk@example.com' }) as SettingsView;
    expect(view.canEdit).toBe(false);
    const r = env.callRpc('saveSettings', [{ version: view.version, values: { companyName: 'x' } }], {
      user: 'clerk@example.com',
    }) as SettingsSaveResult;
    expect(r.ok).toBe(false);
    expect(settingValue(env, 'companyName')).not.toBe('x');
  });
});
