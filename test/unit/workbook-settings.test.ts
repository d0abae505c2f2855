import { ALL_SETTINGS, listSetting, withDefaults } from '../../src/domain/settings';

describe('settings', () => {
  test('all settings have unique keys and defaults fill missing ones', () => {
    const keys = ALL_SETTINGS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const m = withDefaults({ defaultCurrency: 'USD' });
    expect(m.defaultCurrency).toBe('USD');
    expect(m.companyName).toBe('');
    expect(m.allowOverpayment).toBe('false');
  });
  test('list settings split on commas (ASCII or full-width), semicolons and newlines', () => {
    expect(listSetting('a@x.com, b@x.com；c@x.com\n')).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
  });
});
