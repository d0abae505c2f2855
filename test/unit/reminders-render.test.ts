import { addDays } from '../../src/domain/day';
import { buildDigests, DIGEST_MAX_ROWS, findAnomalies } from '../../src/domain/reminders/digest';
import { pairsOf } from '../../src/domain/reminders/history';
import { planReminders } from '../../src/domain/reminders/plan';
import { escapeHtml, renderReminder } from '../../src/domain/reminders/render';
import { parseReminderSettings, parseStages, REMINDER_SETTINGS } from '../../src/domain/reminders/settings';
import { templateKey } from '../../src/domain/reminders/templates';
import { customer, invoice } from '../fakes/reminder-fakes';

const TODAY = '2026-03-20';
const due = (offset: number) => addDays(TODAY, -offset);

describe('settings', () => {
  it('declares every key once, bilingual', () => {
    const keys = REMINDER_SETTINGS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of REMINDER_SETTINGS) expect(s.description['zh-CN'] && s.description.en).toBeTruthy();
  });
  it('falls back to defaults on bad values', () => {
    const c = parseReminderSettings({
      'reminders.hour': '25',
      'reminders.stages': '1,x',
      'reminders.minAmount': 'abc',
    });
    expect([c.hour, c.stages, c.minAmount]).toEqual([9, [-3, 1, 7, 15, 30], 0]);
  });
  it('parses stages in any order and full-width commas, and the minimum in cents', () => {
    expect(parseStages('30，7, 1 ,-3')).toEqual([-3, 1, 7, 30]);
    expect(parseReminderSettings({ 'reminders.minAmount': '1,000.5' }).minAmount).toBe(100050);
  });
});

describe('renderReminder', () => {
  const evil = '<script>alert(1)</script>';
  const render = (over = {}, settings: Record<string, string> = {}) => {
    const config = parseReminderSettings({ companyName: 'A&B "Co"', ...settings });
    const plan = planReminders({
      today: TODAY,
      config,
      customers: [customer('C1', { name: evil, ...over })],
      invoices: [invoice('I<1>', 'C1', due(7), 123456, { project: evil, currency: 'USD' })],
      history: [],
    });
    return renderReminder(plan.messages[0], config);
  };

  it('escapes every user value in the HTML body, keeps the text body readable', () => {
    const m = render();
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain(escapeHtml(evil));
    expect(m.html).toContain('I&lt;1&gt;');
    expect(m.html).toContain('A&amp;B &quot;Co&quot;');
    expect(m.text).toContain(evil);
    expect(m.text).toContain('USD 1,234.56');
    expect(m.html).toContain('USD 1,234.56');
  });

  it('signs with a localized fallback while the company name setting is blank (no "【】" subjects)', () => {
    const zh = render({ language: 'zh-CN' }, { companyName: '' });
    const en = render({ language: 'en' }, { companyName: '  ' });
    expect(zh.subject).toMatch(/^财务部：/);
    expect(zh.text.trim().endsWith('财务部')).toBe(true);
    expect(en.subject).toMatch(/^Accounts Receivable: /);
    expect(en.subject).not.toMatch(/^: /);
  });

  it('uses the customer language and the editable template with placeholders', () => {
    const zh = render({ language: 'zh-CN' });
    expect(zh.subject).toContain('逾期');
    const custom = render(
      {},
      { [templateKey('overdue', 'en', 'subject')]: 'Pay {total} now, {customer} ({daysOverdue}d)' },
    );
    expect(custom.subject).toBe(`Pay USD 1,234.56 now, ${evil} (7d)`);
  });

  it('shows the real days overdue per line, right-aligned amounts, a total row, ¥ for CNY (issue #16)', () => {
    const config = parseReminderSettings({ companyName: '华东贸易' });
    const plan = planReminders({
      today: TODAY,
      config,
      customers: [customer('C1', { language: 'zh-CN' })],
      invoices: [invoice('I1', 'C1', due(29), 1234567), invoice('I2', 'C1', due(0), 5000)],
      history: [],
    });
    expect(plan.messages).toHaveLength(1);
    const m = renderReminder(plan.messages[0], config);
    expect(m.subject).toBe('华东贸易：逾期付款提醒，2 笔账款，最长逾期 29 天');
    expect(m.text).toContain('逾期 29 天');
    expect(m.text).not.toContain('逾期 15 天');
    expect(m.text).toContain('今日到期');
    expect(m.text).toMatch(/合计 \|.*\| ¥12,345\.67\n/);
    expect(m.text).toMatch(/合计 \|.*\| ¥50\.00\n/);
    expect(m.text).toContain('逾期合计：¥12,345.67');
    expect(m.text).toContain('已逾期账款');
    expect(m.text).toContain('即将到期账款');
    expect(m.html).toContain('text-align:right">¥12,345.67</td>');
    expect(m.html).not.toContain('CNY');
    expect(m.text).not.toContain('【');
  });

  it('final notice: 金额大写 for a CNY total, payment instructions and signature from settings (issue #16)', () => {
    const settings = {
      companyName: 'ACME',
      'reminders.payment.payee': '上海某某有限公司',
      'reminders.payment.bank': '中国工商银行上海分行',
      'reminders.payment.account': '1001 2345 6789 0123 456',
      'reminders.signature': '应收账款部\n电话 021-12345678',
    };
    const config = parseReminderSettings(settings);
    const msg = (lang: 'zh-CN' | 'en', cur = 'CNY') =>
      planReminders({
        today: TODAY,
        config,
        customers: [customer('C1', { language: lang })],
        invoices: [invoice('I1', 'C1', due(31), 1234567, { currency: cur })],
        history: [],
      }).messages[0];
    const zh = renderReminder(msg('zh-CN'), config);
    expect(zh.text).toContain('合计金额（大写）：人民币壹万贰仟叁佰肆拾伍元陆角柒分');
    expect(zh.text).toContain('收款单位：上海某某有限公司');
    expect(zh.text).toContain('银行账号：1001 2345 6789 0123 456');
    expect(zh.text.trim().endsWith('应收账款部\n电话 021-12345678')).toBe(true);
    expect(zh.html).toContain('应收账款部<br>');
    expect(renderReminder(msg('zh-CN', 'USD'), config).text).not.toContain('大写');
    const en = renderReminder(msg('en'), config);
    expect(en.text).toContain('Payee: 上海某某有限公司');
    expect(en.text).toContain('This is a final notice about 1 invoice overdue, the oldest 31 days late');
    expect(en.text).toContain('31 days overdue');
    expect(en.subject).toBe('ACME: FINAL NOTICE — ¥12,345.67 overdue');
  });

  it('uses correct English plurals and "due today" / "due in 1 day" (issue #16)', () => {
    const config = parseReminderSettings({ companyName: 'ACME', 'reminders.stages': '-3,0,1,7,15,30' });
    const one = planReminders({
      today: TODAY,
      config,
      customers: [customer('C1', { language: 'en' })],
      invoices: [invoice('I1', 'C1', due(1), 100)],
      history: [],
    }).messages[0];
    const m = renderReminder(one, config);
    expect(m.subject).toBe('ACME: overdue payment — 1 invoice, up to 1 day late');
    expect(m.text).toContain('1 day overdue');
    const up = planReminders({
      today: TODAY,
      config,
      customers: [customer('C1', { language: 'en' })],
      invoices: [invoice('I1', 'C1', due(0), 100), invoice('I2', 'C1', due(-1), 100), invoice('I3', 'C1', due(-3), 1)],
      history: [],
    }).messages[0];
    const u = renderReminder(up, config);
    expect(u.subject).toBe('ACME: payment reminder — 3 invoices due soon');
    expect(u.text).toContain('due today');
    expect(u.text).toContain('due in 1 day');
    expect(u.text).toContain('due in 3 days');
    expect(u.text).not.toContain('(s)');
  });

  it('escapes markup typed into the template itself', () => {
    const m = render({}, { [templateKey('overdue', 'en', 'body')]: '<b>Hi</b> {customer}\n{invoices}' });
    expect(m.html).toContain('&lt;b&gt;Hi&lt;/b&gt;');
    expect(m.html).toContain('<table');
  });
});

describe('digests and anomalies', () => {
  const config = parseReminderSettings({
    'reminders.financeRecipients': 'fin@example.com; cfo@example.com',
    companyName: 'ACME',
  });
  const customers = [
    customer('C1', { manager: 'am1@example.com', creditLimit: 1000 }),
    customer('C2', { manager: 'am2@example.com', name: '<i>x</i>' }),
  ];
  const invoices = [
    invoice('I1', 'C1', due(5), 5000),
    invoice('I2', 'C2', due(95), 700),
    invoice('I3', 'C2', due(-5), 700),
    invoice('I4', 'C2', due(10), 700, { status: 'written-off' }),
  ];

  it('finds over-limit, 90+ days overdue and grade drops of two or more steps', () => {
    const a = findAnomalies({
      today: TODAY,
      config,
      customers,
      invoices,
      gradeDrops: [
        { customerId: 'C1', from: 'A', to: 'BB', steps: 2 },
        { customerId: 'C2', from: 'A', to: 'BBB', steps: 1 },
      ],
    });
    expect(a.map((x) => [x.kind, x.customerId])).toEqual([
      ['over-limit', 'C1'],
      ['very-overdue', 'C2'],
      ['grade-drop', 'C1'],
    ]);
  });

  it('sends one digest per manager and one to finance, escaped', () => {
    const d = buildDigests({ today: TODAY, config, customers, invoices, gradeDrops: [] });
    expect(d.map((x) => x.to)).toEqual([
      ['am1@example.com'],
      ['am2@example.com'],
      ['fin@example.com', 'cfo@example.com'],
    ]);
    expect(d[1].text).toContain('I2');
    expect(d[1].text).not.toContain('I1');
    expect(d[1].html).toContain('&lt;i&gt;x&lt;/i&gt;');
    expect(d[2].customerCount).toBe(2);
    expect(d[0].id).not.toBe(d[1].id);
  });

  it('caps the listed rows and counts the rest (mail bodies are size-limited)', () => {
    const many = Array.from({ length: DIGEST_MAX_ROWS + 7 }, (_, k) => invoice(`J${k}`, 'C1', due(5 + k), 100));
    const [digest] = buildDigests({ today: TODAY, config, customers: [customers[0]], invoices: many, gradeDrops: [] });
    expect(digest.html.match(/<tr>/g)?.length).toBe(DIGEST_MAX_ROWS + 1);
    expect(digest.text).toContain('另有 7 笔逾期账款'); // digests use the digest language (default zh-CN)
    expect(digest.text).toContain(`J${DIGEST_MAX_ROWS + 6}`); // longest overdue listed first
  });
});

describe('log history', () => {
  it('pairs invoice and stage lists as written by the run', () => {
    expect(pairsOf({ invoiceIds: 'I1', stage: '7' })).toEqual([['I1', 7]]);
    expect(pairsOf({ invoiceIds: 'I1, I2', stage: '7, 1' })).toEqual([
      ['I1', 7],
      ['I2', 1],
    ]);
    expect(pairsOf({ invoiceIds: 'I1', stage: '-3,1,7' })).toEqual([
      ['I1', -3],
      ['I1', 1],
      ['I1', 7],
    ]);
    expect(pairsOf({ invoiceIds: '', stage: 'digest' })).toEqual([]);
  });
});
