// The backtest view and the customer 360's recommendation in the BUILT sidebar, real Chromium, on the playground's
// demo workbook (built by the add-on itself: setup, refresh, rescore), in a Chinese and an English workbook.
// Screenshots go to artifacts/screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { createEnvironment } from '../../emulator/src/index';
import { buildDemoWorkbook } from '../../emulator/playground/demo-workbook';
import { launchChromium, SCREENSHOTS, type SidebarServer, serveSidebar } from './harness';
import { DIST, OWNER } from './sidebar-fixtures';

let browser: Browser | null = null;

const LANGS = {
  'zh-CN': {
    locale: 'zh_CN',
    sheet: '客户',
    cols: { segment: '客户分类', grade: '信用等级', reasons: '建议依据', id: '客户编号' },
    highRisk: '高风险',
    verdict: /评分卡的排序(优于|没有优于)简单规则/,
    cutoffLine: '按 2026-05-31 当日已知数据评分',
    naive: /简单规则（客户截止日前已结清单据的逾期占比）：AUC 0\.\d{3}/,
    nr: '未评级客户的单据',
    futureRefused: '回测截止日：请输入早于今天（2026-11-20）的日期',
    segmentReason: /高风险等级|最久逾期|超过信用额度/,
    card: ['建议额度与账期', '高风险：账期不超过 15 天'],
    terms: /^(预付款|\d+ 天)$/,
    shot: 'zh',
  },
  en: {
    locale: 'en_US',
    sheet: 'Customers',
    cols: { segment: 'Segment', grade: 'Credit grade', reasons: 'Recommendation reasons', id: 'Customer ID' },
    highRisk: 'High-risk',
    verdict: /The scorecard (ranks|does not rank) better than the naive rule/,
    cutoffLine: 'customers scored from what was known on 2026-05-31',
    naive: /Naive rule \(the customer’s share of invoices settled before the cut-off that were late\): AUC 0\.\d{3}/,
    nr: 'invoices belong to not-rated customers',
    futureRefused: 'Backtest cut-off: enter a date before today (2026-11-20)',
    segmentReason: /high-risk grade|oldest overdue|credit limit/i,
    card: ['Recommended limit and terms', 'High-risk: terms at most 15 days'],
    terms: /^(Prepayment|\d+ days)$/i,
    shot: 'en',
  },
} as const;

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(Object.entries(LANGS))('%s workbook', (lang, L) => {
  let server: SidebarServer | null = null;
  let highRiskId = '';
  beforeAll(async () => {
    const env = createEnvironment({ owner: OWNER, locale: L.locale, now: '2026-11-20T10:00:00+08:00' });
    env.loadBuild(DIST);
    buildDemoWorkbook(env, { seed: 20261120, user: OWNER });
    // a high-risk customer with a recommendation, read back from the customers sheet
    const [head, ...rows] = env.values(L.sheet);
    const at = (h: string) => head.indexOf(h);
    const hr = rows.find(
      (r) => r[at(L.cols.segment)] === L.highRisk && r[at(L.cols.grade)] !== 'NR' && r[at(L.cols.reasons)],
    );
    highRiskId = String(hr?.[at(L.cols.id)] ?? '');
    server = await serveSidebar(env, { user: OWNER });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  async function page() {
    const context = await browser!.newContext({ viewport: { width: 300, height: 1100 }, locale: lang });
    const p = await context.newPage();
    await p.goto(server!.url);
    await p.waitForSelector('body[data-ready="true"]');
    return p;
  }

  test('backtest view: a cut-off in, the invoice-level verdict against the naive rule and both tables out', async () => {
    if (!browser) return;
    const p = await page();
    await p.click('#act-backtest');
    await p.fill('#backtest-cutoff', '2026-05-31');
    await p.click('#backtest-run');
    await p.waitForSelector('#backtest-grades');
    expect(await p.textContent('#backtest-verdict')).toMatch(L.verdict);
    const text = await p.textContent('#backtest-result');
    expect(text).toContain(L.cutoffLine);
    expect(text).toMatch(L.naive);
    expect(text).toContain(L.nr);
    expect(await p.$$eval('#backtest-customers .backtest-line', (els) => els.length)).toBeGreaterThan(2);
    await p.screenshot({ path: path.join(SCREENSHOTS, `backtest-${L.shot}.png`), fullPage: true });
    // a cut-off in the future is refused with the rule
    await p.fill('#backtest-cutoff', '2027-01-01');
    await p.click('#backtest-run');
    await p.waitForSelector('#backtest-error');
    expect(await p.textContent('#backtest-error')).toContain(L.futureRefused);
  });

  test('customer 360 shows the segment reason and the recommended limit and terms with reasons', async () => {
    if (!browser) return;
    expect(highRiskId).not.toBe('');
    const p = await page();
    await p.fill('#search', highRiskId);
    await p.click(`#search-results li[data-id="${highRiskId}"]`);
    await p.waitForSelector('#c360-recommendation');
    expect(await p.textContent('#c360-segment-reason')).toMatch(L.segmentReason);
    const card = await p.textContent('#c360-recommendation');
    for (const s of L.card) expect(card).toContain(s);
    expect(await p.textContent('#c360-rec-terms')).toMatch(L.terms);
    await p.screenshot({ path: path.join(SCREENSHOTS, `customer-360-recommendation-${L.shot}.png`) });
  });
});
