// PRODUCT.md §15 domain parts: the China working-day calendar (data from the pinned `chinese-days` package), the
// chat message size rule and markdown neutralisation, the per-robot queue, and the settings' localized validation.
import { cnCalendar, makeCalendar, WEEKDAY_CALENDAR, workingOffset } from '../../src/domain/calendar/cn-workdays';
import { calendarNotice } from '../../src/domain/calendar/notice';
import { fitLines, MAX_CHAT_BYTES, plain, utf8Bytes } from '../../src/domain/chat/format';
import { allowance, emptyChatState, enqueue, MAX_ATTEMPTS, markFailed, markSent } from '../../src/domain/chat/queue';
import { dingtalkSignedUrl, readAnswer } from '../../src/domain/chat/robots';
import { parseChatSettings } from '../../src/domain/chat/settings';
import { addDays, dayNumber } from '../../src/domain/day';
import { validateSetting } from '../../src/domain/settings-validate';

describe('working-day calendar', () => {
  const cal = cnCalendar();
  test.each([
    ['2026-10-01', false], // 国庆节
    ['2026-10-07', false],
    ['2026-10-08', true], // Thursday after the holiday
    ['2026-10-10', true], // Saturday make-up day (调休)
    ['2026-10-11', false], // Sunday
    ['2026-02-14', true], // Saturday make-up day before 春节
    ['2026-02-17', false], // 春节
    ['2026-03-02', true],
  ])('%s working: %s', (day, working) => {
    expect(cal.isWorkingDay(day)).toBe(working);
  });

  test('covers 2025 and 2026; 2027 is not in the pinned data yet', () => {
    expect(cal.covers(2025)).toBe(true);
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
    expect(cal.holidayName('2026-10-01')).toEqual({ 'zh-CN': '国庆节', 'zh-TW': '國慶節', en: 'National Day' });
  });

  test('workingDaysBetween agrees with counting day by day (2025–2027)', () => {
    const from = dayNumber('2025-01-01');
    for (let step = 0; step < 40; step++) {
      const a = from + step * 23;
      const b = a + ((step * 37) % 200);
      let count = 0;
      for (let n = a + 1; n <= b; n++) if (cal.isWorkingDay(addDays('1970-01-01', n))) count++;
      expect([a, b, cal.workingDaysBetween(a, b)]).toEqual([a, b, count]);
    }
  });

  test('workingOffset: after the due day, working days passed; before it, minus working days left', () => {
    const due = dayNumber('2026-09-30');
    expect(workingOffset(cal, due, dayNumber('2026-10-07'))).toBeNull(); // past due, no working day yet
    expect(workingOffset(cal, due, dayNumber('2026-10-08'))).toBe(1);
    expect(workingOffset(cal, due, dayNumber('2026-10-15'))).toBe(7);
    expect(workingOffset(cal, dayNumber('2026-10-09'), dayNumber('2026-09-30'))).toBe(-2); // 10-08, 10-09
    expect(workingOffset(WEEKDAY_CALENDAR, dayNumber('2026-10-02'), dayNumber('2026-10-05'))).toBe(1); // Fri → Mon
  });

  test('the December notice: only in December, only when on, only when next year is missing', () => {
    expect(calendarNotice('2026-12-03', true, cal, 'zh-CN')).toMatch(/2027/);
    expect(calendarNotice('2026-12-03', true, cal, 'en')).toMatch(/no 2027 holiday schedule/);
    expect(calendarNotice('2026-11-30', true, cal, 'zh-CN')).toBe('');
    expect(calendarNotice('2026-12-03', false, cal, 'zh-CN')).toBe('');
    expect(calendarNotice('2025-12-03', true, cal, 'zh-CN')).toBe('');
    const withNext = makeCalendar({ holidays: { '2027-01-01': "New Year's Day,元旦,1" }, workdays: {} });
    expect(calendarNotice('2026-12-03', true, withNext, 'zh-CN')).toBe('');
  });
});

describe('chat messages', () => {
  test('utf8Bytes matches Buffer.byteLength (ASCII, CJK, emoji)', () => {
    for (const s of ['abc', '客户台账', 'a😀b', '¥1,234.50 逾期'])
      expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });

  test('fitLines keeps whole lines within 4096 bytes and says how many were left out', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `- 客户${i}：CNY 1,000.00，最长逾期 ${i} 天`);
    const text = fitLines(lines, 'zh-CN');
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(MAX_CHAT_BYTES);
    expect(text).toMatch(/另有 \d+ 项未列出$/);
    expect(fitLines(['a', 'b'], 'en')).toBe('a\nb');
  });

  test('user text cannot inject markdown, links or <@mentions>', () => {
    expect(plain('**粗体** [link](http://x) <@all>\n# 标题')).toBe('粗体 link (http://x) @all 标题');
  });

  test('DingTalk signature goes URL-encoded into the webhook; answers need errcode 0', () => {
    expect(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=t', 1700000000000, 'a+b/c=')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign=a%2Bb%2Fc%3D',
    );
    expect(readAnswer(200, '{"errcode":0,"errmsg":"ok"}').ok).toBe(true);
    expect(readAnswer(200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({
      ok: false,
      detail: 'HTTP 200 errcode 310000 sign not match',
      throttled: false,
    });
    expect(readAnswer(200, '{"errcode":45009,"errmsg":"api freq out of limit"}').throttled).toBe(true);
    expect(readAnswer(502, '<html>').ok).toBe(false);
  });
});

describe('chat queue', () => {
  test('20 per robot per rolling minute; sent ids are never queued again', () => {
    const s = emptyChatState();
    const msgs = Array.from({ length: 25 }, (_, i) => ({ id: `m${i}`, title: 't', text: 'x' }));
    expect(enqueue(s, msgs, ['wecom'], 0)).toBe(25);
    for (const q of s.queue.slice(0, 20)) markSent(s, q, 1000);
    expect(allowance(s, 'wecom', 1000)).toBe(0);
    expect(allowance(s, 'wecom', 61_000)).toBe(20);
    expect(allowance(s, 'dingtalk', 1000)).toBe(20);
    expect(enqueue(s, msgs, ['wecom'], 2000)).toBe(0);
    expect(s.queue).toHaveLength(5);
  });

  test('a failing item is kept until MAX_ATTEMPTS, then dropped', () => {
    const s = emptyChatState();
    enqueue(s, [{ id: 'x', title: 't', text: 'x' }], ['dingtalk'], 0);
    const item = s.queue[0];
    for (let i = 1; i < MAX_ATTEMPTS; i++) expect(markFailed(s, item, 'HTTP 502')).toBe(false);
    expect(markFailed(s, item, 'HTTP 502')).toBe(true);
    expect(s.queue).toHaveLength(0);
  });
});

describe('settings', () => {
  const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4';
  test('webhooks must be the services’ own addresses; messages are localized and name the field', () => {
    expect(validateSetting('chat.wecomWebhook', wecom, 'zh-CN')).toEqual({ ok: true, value: wecom });
    const bad = validateSetting('chat.wecomWebhook', 'https://evil.example.com/hook?key=1', 'zh-CN');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/企业微信群机器人.*chat\.wecomWebhook.*qyapi\.weixin\.qq\.com/);
    const badEn = validateSetting('chat.dingtalkSecret', 'abc', 'en');
    expect(!badEn.ok && badEn.message).toMatch(
      /DingTalk robot signing secret \(chat\.dingtalkSecret\): must be the signing secret starting with SEC/,
    );
    expect(validateSetting('chat.alerts', 'Digest, failures', 'en')).toEqual({ ok: true, value: 'digest,failures' });
    expect(validateSetting('chat.alerts', 'digest, weekly', 'en').ok).toBe(false);
    expect(validateSetting('calendar.stageDays', 'Working', 'en')).toEqual({ ok: true, value: 'working' });
    expect(validateSetting('calendar.cnWorkdays', 'maybe', 'zh-CN').ok).toBe(false);
  });

  test('the parser turns a robot off when its address or secret is unusable (the nightly run never stops)', () => {
    const c = parseChatSettings({
      'chat.wecomWebhook': 'https://evil.example.com/x',
      'chat.dingtalkWebhook': 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      'chat.dingtalkSecret': '',
      'chat.alerts': 'digest',
    });
    expect(c.webhooks).toEqual({ wecom: '', dingtalk: '' });
    expect([...c.alerts]).toEqual(['digest']);
  });
});
