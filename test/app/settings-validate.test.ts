// The strict settings checks (src/domain/settings-validate.ts) that the sidebar and the save share. They must
// accept exactly what the lenient feature parsers would use as typed (never a value the daily run would silently
// replace by its default), and refuse with a message naming the setting and the rule.
import * as fc from 'fast-check';
import { parseReminderSettings, parseStages, REMINDER_KEYS } from '../../src/domain/reminders/settings';
import { templateKey } from '../../src/domain/reminders/templates';
import { binsKey, parseCutoffs, parseScoringSettings, SCORING_KEYS } from '../../src/domain/scoring/settings';
import { ALL_SETTINGS, withDefaults } from '../../src/domain/settings';
import { isMultilineSetting, validateSetting, validateSettings } from '../../src/domain/settings-validate';

const ok = (key: string, v: string) => validateSetting(key, v, 'en').ok;
const msg = (key: string, v: string, lang: 'en' | 'zh-CN' = 'en') => {
  const r = validateSetting(key, v, lang);
  return r.ok ? '' : r.message;
};

describe('validateSetting', () => {
  test('every default value is accepted as it is', () => {
    for (const d of ALL_SETTINGS)
      expect([d.key, validateSetting(d.key, d.defaultValue, 'en')]).toEqual([
        d.key,
        { ok: true, value: isMultilineSetting(d.key) ? d.defaultValue : d.defaultValue.trim() },
      ]);
  });

  test('reminder hour: accepted exactly when the reminder parser uses it as typed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -30, max: 60 }).map(String), fc.string({ maxLength: 4 })), (v) => {
        const used = parseReminderSettings(withDefaults({ [REMINDER_KEYS.hour]: v })).hour;
        const accepted = ok(REMINDER_KEYS.hour, v);
        if (accepted) expect(used).toBe(Number(v.trim()));
        else expect(/^\s*\d+\s*$/.test(v) && Number(v) >= 0 && Number(v) <= 23).toBe(false);
      }),
    );
  });

  test('reminder stages: an accepted list is parsed as typed, never replaced by the defaults', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -400, max: 4000 }), { minLength: 1, maxLength: 6 }), (nums) => {
        const v = nums.join(', ');
        const inRange = nums.every((n) => n >= -365 && n <= 3650);
        expect(ok(REMINDER_KEYS.stages, v)).toBe(inRange);
        if (inRange) expect(parseStages(v)).toEqual([...new Set(nums)].sort((a, b) => a - b));
      }),
    );
    expect(msg(REMINDER_KEYS.stages, '1, a, 7')).toMatch(/Reminder stages \(reminders.stages\): must be whole numbers/);
  });

  test('grade cut-offs and points tables: accepted exactly when the scoring parser reports no problem', () => {
    const cases = ['AAA:800, AA:760, A:720, BBB:680, BB:640, B:600, CCC:560, CC:500', 'AAA:800, AA:900', 'x', ''];
    for (const v of cases.slice(0, 3)) expect(ok(SCORING_KEYS.cutoffs, v)).toBe(parseCutoffs(v) !== null);
    expect(msg(SCORING_KEYS.cutoffs, '')).toMatch(/must not be blank/);
    const key = binsKey('maxDaysLate');
    for (const v of ['0:60, 30:30, *:0', '0:0, 30:30, *:60', '30:10, 0:20, *:0', 'nonsense']) {
      const problems = parseScoringSettings(withDefaults({ [key]: v })).problems.filter((p) => p.key === key);
      expect([v, ok(key, v)]).toEqual([v, problems.length === 0]);
    }
    expect(msg(key, '0:0, 30:30, *:60')).toMatch(/points must not increase as behaviour worsens/);
    expect(msg(key, '30:10, 0:20, *:0', 'zh-CN')).toMatch(/上限须递增/);
  });

  test('e-mail lists, reply-to, currency, languages, flags', () => {
    expect(ok('adminEmails', '')).toBe(true);
    expect(ok('adminEmails', 'a@example.com；b@example.com, c@example.com')).toBe(true);
    expect(msg('adminEmails', 'a@example.com, b@')).toMatch(/Admin e-mails \(adminEmails\): .*invalid: b@$/);
    expect(ok(REMINDER_KEYS.replyTo, '')).toBe(true);
    expect(msg(REMINDER_KEYS.replyTo, 'a@example.com, b@example.com')).toMatch(/a valid e-mail address, or blank/);
    expect(validateSetting('defaultCurrency', ' eur ', 'en')).toEqual({ ok: true, value: 'EUR' });
    expect(msg('defaultCurrency', '人民币', 'zh-CN')).toBe(
      '默认币种（defaultCurrency）：须为 3 位字母的 ISO 币种代码，如 CNY、USD',
    );
    expect(ok('language', '')).toBe(true);
    expect(ok('language', 'fr')).toBe(false);
    expect(ok(REMINDER_KEYS.digestLanguage, '')).toBe(false);
    expect(ok('allowOverpayment', 'TRUE')).toBe(true);
    expect(msg('allowOverpayment', 'maybe')).toMatch(/must be true or false/);
    expect(ok(SCORING_KEYS.highRiskOverLimit, '否')).toBe(true);
    expect(ok(REMINDER_KEYS.minAmount, '1,000.50')).toBe(true);
    expect(msg(REMINDER_KEYS.minAmount, '-5')).toMatch(/amount of 0 or more/);
    expect(msg(SCORING_KEYS.vipGrades, 'AAA, Z')).toMatch(/unknown: Z$/);
  });

  test('templates: only the renderer’s placeholders; bodies keep their line breaks', () => {
    const body = templateKey('overdue', 'en', 'body');
    expect(validateSetting(body, 'Dear {customer},\n\n{invoices}\n', 'en')).toEqual({
      ok: true,
      value: 'Dear {customer},\n\n{invoices}\n',
    });
    expect(msg(body, 'Dear {client} {customer} {amount}')).toMatch(/unknown placeholder\(s\) \{client\} \{amount\}/);
    expect(ok(templateKey('final', 'zh-CN', 'subject'), '')).toBe(true);
  });

  test('length limits and unknown keys', () => {
    expect(msg('companyName', 'x'.repeat(201))).toMatch(/at most 200 characters/);
    expect(ok(templateKey('final', 'en', 'body'), 'x'.repeat(50000))).toBe(true);
    expect(ok(templateKey('final', 'en', 'body'), 'x'.repeat(50001))).toBe(false);
    expect(msg('nope', '1')).toBe('nope (nope): is not a known setting');
  });

  test('validateSettings: all or nothing', () => {
    expect(validateSettings({ companyName: ' A ', [REMINDER_KEYS.hour]: '8' }, 'en')).toEqual({
      values: { companyName: 'A', [REMINDER_KEYS.hour]: '8' },
      errors: [],
    });
    const bad = validateSettings({ companyName: 'A', [REMINDER_KEYS.hour]: '99' }, 'en');
    expect(bad.values).toEqual({});
    expect(bad.errors.map((e) => e.field)).toEqual([REMINDER_KEYS.hour]);
  });
});
