// PRODUCT.md §15 in real Chromium: the settings view's WeCom / DingTalk group with its test button (admins), the
// December notice when next year's working-day calendar is missing, and the playground's chat tab showing what the
// daily run posted to the robot stand-ins (the DingTalk one checks the signature). Screenshots:
// artifacts/screenshots/sidebar-settings-chat.png and playground-chat.png.
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Playground, startPlayground } from '../../emulator/playground/server';
import { launchChromium, SCREENSHOTS, type SidebarServer, serveSidebar } from './harness';
import { ledgerEnv, OWNER, roleSheet } from './sidebar-fixtures';

type Env = ReturnType<typeof ledgerEnv>;
const ROOT = path.resolve(__dirname, '../..');
const SECRET = 'SECbrowserTestSigningSecret01';

let browser: Browser | null = null;
const servers: SidebarServer[] = [];
let pg: Playground | null = null;
let dir = '';

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  await pg?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const it = (name: string, fn: () => Promise<void>) =>
  test(name, async () => {
    if (!browser) return; // launchChromium printed a loud warning
    await fn();
  }, 120_000);

function setSetting(env: Env, key: string, value: string): void {
  const name = roleSheet(env, 'settings');
  const row = env.values(name).findIndex((r) => r[0] === key) + 1;
  if (row < 1) throw new Error(`no settings row ${key}`);
  (env.spreadsheet as unknown as { api(): { getSheetByName(n: string): any } })
    .api()
    .getSheetByName(name)
    .getRange(row, 2)
    .setValue(value);
}

it('settings: the chat group tests both robots; the December notice says 2027 is missing', async () => {
  const env = ledgerEnv();
  env.setNow('2026-12-03T10:00:00+08:00');
  setSetting(env, 'adminEmails', OWNER);
  setSetting(env, 'chat.wecomWebhook', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=browser-test');
  setSetting(env, 'chat.dingtalkWebhook', 'https://oapi.dingtalk.com/robot/send?access_token=browsertest');
  setSetting(env, 'chat.dingtalkSecret', SECRET);
  setSetting(env, 'calendar.cnWorkdays', 'true');
  const bodies: string[] = [];
  env.http.register('qyapi.weixin.qq.com', (req) => {
    bodies.push(req.body);
    return { body: '{"errcode":0,"errmsg":"ok"}' };
  });
  env.http.register('oapi.dingtalk.com', (req) => {
    const ts = Number(req.query.timestamp);
    const ok = req.query.sign === createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
    if (ok) bodies.push(req.body);
    return { body: ok ? '{"errcode":0,"errmsg":"ok"}' : '{"errcode":310000,"errmsg":"sign not match"}' };
  });
  const server = await serveSidebar(env, { user: OWNER });
  servers.push(server);
  const context = await browser!.newContext({ viewport: { width: 300, height: 900 }, locale: 'en-US' });
  const page: Page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#act-settings');
  await page.waitForSelector('#settings-form');
  expect(await page.textContent('#settings-notice')).toContain('no 2027 holiday schedule');
  await page.click('details[data-group="chat"] summary');
  expect(await page.inputValue('[data-key="chat.dingtalkSecret"]')).toBe(SECRET);
  await page.click('#chat-test');
  await page.waitForSelector('#chat-test-result.ok');
  expect(await page.textContent('#chat-test-result')).toBe('WeCom: test message sent. DingTalk: test message sent.');
  expect(bodies).toHaveLength(2);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-settings-chat.png'), fullPage: true });
});

it('playground: the daily run posts to the robots; the chat tab shows the signed DingTalk digest', async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-chat-'));
  pg = await startPlayground({
    root: ROOT,
    port: 0,
    fresh: true,
    size: 300,
    seed: 7,
    locale: 'en_US',
    now: Date.parse('2026-03-02T08:00:00+08:00'),
    storeFile: path.join(dir, 'workbook.json'),
  });
  const page = await browser!.newPage({ viewport: { width: 1500, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(pg.url);
  await page.waitForSelector('.tab');
  await page.click('#menu-ext');
  await page.hover('#addon-menu');
  await page.click('#menu-pop [data-fn="enableDailyReminders"]');
  for (;;) {
    await page.waitForFunction(
      () => !document.body.classList.contains('busy') || document.querySelector('.modal-back'),
    );
    const modal = await page.$('.modal-back button.primary');
    if (modal) await modal.click();
    else if (!(await page.evaluate(() => document.body.classList.contains('busy')))) break;
  }
  await page.click('#plus-hour');
  await page.click('#plus-hour');
  await page.waitForFunction(() => Number(document.querySelector('#tab-chat .d-count')?.textContent) > 0, null, {
    timeout: 60000,
  });
  await page.click('#tab-chat');
  await page.waitForSelector('.chat-msg');
  const posted = pg.session.env.http.requests.filter((r) => r.url.includes('oapi.dingtalk.com'));
  expect(posted.length).toBeGreaterThan(0);
  expect(posted.every((r) => /&timestamp=\d{13}&sign=/.test(r.url) && r.response.includes('"errcode":0'))).toBe(true);
  expect(await page.locator('.chat-msg[data-robot="dingtalk"]').count()).toBeGreaterThan(0);
  expect(await page.locator('.chat-msg.failed').count()).toBe(0);
  expect(await page.locator('.chat-msg[data-robot="dingtalk"] .chat-head').first().textContent()).toContain('signed');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'playground-chat.png') });
});
