// The backtest view and the customer 360's recommendation in the BUILT sidebar, real Chromium, on the playground's
// demo workbook (built by the add-on itself: setup, refresh, rescore). Screenshots go to artifacts/screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { createEnvironment } from '../../emulator/src/index';
import { buildDemoWorkbook } from '../../emulator/playground/demo-workbook';
import { launchChromium, SCREENSHOTS, type SidebarServer, serveSidebar } from './harness';
import { DIST, OWNER } from './sidebar-fixtures';

let browser: Browser | null = null;
let server: SidebarServer | null = null;
let highRiskId = '';

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const env = createEnvironment({ owner: OWNER, locale: 'zh_CN', now: '2026-11-20T10:00:00+08:00' });
  env.loadBuild(DIST);
  buildDemoWorkbook(env, { seed: 20261120, user: OWNER });
  // a high-risk customer with a recommendation, read back from the customers sheet
  const [head, ...rows] = env.values('客户');
  const at = (h: string) => head.indexOf(h);
  const hr = rows.find((r) => r[at('客户分类')] === '高风险' && r[at('信用等级')] !== 'NR' && r[at('建议依据')]);
  highRiskId = String(hr?.[at('客户编号')] ?? '');
  server = await serveSidebar(env, { user: OWNER });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function page() {
  const context = await browser!.newContext({ viewport: { width: 300, height: 1100 }, locale: 'zh-CN' });
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
  const verdict = await p.textContent('#backtest-verdict');
  expect(verdict).toMatch(/评分卡的排序(优于|没有优于)简单规则/);
  const text = await p.textContent('#backtest-result');
  expect(text).toContain('按 2026-05-31 当日已知数据评分');
  expect(text).toMatch(/简单规则（客户截止日前已结清单据的逾期占比）：AUC 0\.\d{3}/);
  expect(text).toContain('未评级客户的单据');
  expect(await p.$$eval('#backtest-customers .backtest-line', (els) => els.length)).toBeGreaterThan(2);
  await p.screenshot({ path: path.join(SCREENSHOTS, 'backtest-zh.png'), fullPage: true });
  // a cut-off in the future is refused with the rule
  await p.fill('#backtest-cutoff', '2027-01-01');
  await p.click('#backtest-run');
  await p.waitForSelector('#backtest-error');
  expect(await p.textContent('#backtest-error')).toContain('回测截止日：请输入早于今天（2026-11-20）的日期');
});

test('customer 360 shows the segment reason and the recommended limit and terms with reasons', async () => {
  if (!browser) return;
  expect(highRiskId).not.toBe('');
  const p = await page();
  await p.fill('#search', highRiskId);
  await p.click(`#search-results li[data-id="${highRiskId}"]`);
  await p.waitForSelector('#c360-recommendation');
  expect(await p.textContent('#c360-segment-reason')).toMatch(/高风险等级|最久逾期|超过信用额度/);
  const card = await p.textContent('#c360-recommendation');
  expect(card).toContain('建议额度与账期');
  expect(card).toContain('高风险：账期不超过 15 天');
  expect(await p.textContent('#c360-rec-terms')).toMatch(/^(预付款|\d+ 天)$/);
  await p.screenshot({ path: path.join(SCREENSHOTS, 'customer-360-recommendation-zh.png') });
});
