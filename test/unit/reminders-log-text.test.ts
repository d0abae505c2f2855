// The reminder log in words (issue #16): every code the engine writes has zh-CN and en text; old rows (codes only)
// are rendered from their codes; unknown text is shown as written.
import { logResultText, logStageText } from '../../src/domain/reminders/log-text';

describe('logResultText', () => {
  test.each([
    ['sent', '已发送', 'Sent'],
    ['skipped:paid', '已跳过：已结清', 'Skipped: Paid'],
    ['skipped:disputed', '已跳过：争议中', 'Skipped: Disputed'],
    ['skipped:superseded', '已跳过：已被更高阶段取代', 'Skipped: Superseded by a later stage'],
    ['deferred:quota', '已延后：今日邮件配额已用完', "Deferred: today's e-mail quota is used up"],
    ['failed', '发送失败（下次运行重试）', 'Failed (retried next run)'],
    ['something else', 'something else', 'something else'],
  ])('%s → %s / %s', (code, zh, en) => {
    expect(logResultText('zh-CN', code)).toBe(zh);
    expect(logResultText('en', code)).toBe(en);
  });
  test('uncertain says it is not sent again', () => {
    expect(logResultText('en', 'uncertain')).toMatch(/not sent again/);
  });
});

describe('logStageText', () => {
  test.each([
    ['15', null, '逾期 15 天', '15 days overdue'],
    ['30', 30, '最终通知（逾期 30 天）', 'Final notice (30 days overdue)'],
    ['-3', null, '到期前 3 天', '3 days before due'],
    ['-3,1,7', 30, '到期前 3 天、逾期 1 天、逾期 7 天', '3 days before due, 1 day overdue, 7 days overdue'],
    ['digest', null, '内部汇总', 'Internal digest'],
    ['abc', null, 'abc', 'abc'],
  ])('%s → %s / %s', (code, final, zh, en) => {
    expect(logStageText('zh-CN', code, final)).toBe(zh);
    expect(logStageText('en', code, final)).toBe(en);
  });
});
