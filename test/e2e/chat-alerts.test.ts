// PRODUCT.md §15 chat alerts against the built add-on: the daily run posts per-manager digests, anomalies and
// failures to a WeCom group robot and/or a signed DingTalk robot. The robots are handlers registered in the
// emulator on the real hosts (nothing leaves the machine); the DingTalk handler checks the signature as DingTalk
// documents it (timestamp + "\n" + secret, HMAC-SHA256 keyed with the secret, Base64, URL-encoded).
import { createHmac } from 'node:crypto';
import type { HttpReply, HttpRequest } from '../../emulator/src/index';
import { customerWithInvoice, type Env, newEnv, sheetName, sheetOf } from './harness';

const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const DING = 'https://oapi.dingtalk.com/robot/send?access_token=abc123';
const SECRET = 'SECd8b0c2e4f6a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1';

interface Posted {
  at: number;
  body: Record<string, any>;
  query: Record<string, string>;
}

/** A robot that records what it accepts; `answer` may refuse. */
function robot(env: Env, host: string, answer?: (req: HttpRequest, n: number) => HttpReply | null) {
  const posted: Posted[] = [];
  let n = 0;
  env.http.register(host, (req) => {
    n++;
    const special = answer?.(req, n);
    if (special) return special;
    posted.push({ at: env.now(), body: JSON.parse(req.body), query: req.query });
    return { status: 200, body: '{"errcode":0,"errmsg":"ok"}', headers: { 'Content-Type': 'application/json' } };
  });
  return posted;
}

/** DingTalk's check: the signature of timestamp + "\n" + secret, and a timestamp within an hour of now. */
function dingtalkVerifier(env: Env) {
  const bad: string[] = [];
  const posted = robot(env, 'oapi.dingtalk.com', (req) => {
    const ts = Number(req.query.timestamp);
    const expected = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`, 'utf8').digest('base64');
    if (req.query.sign !== expected || Math.abs(env.now() - ts) > 3600_000) {
      bad.push(req.url);
      return { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' };
    }
    return null;
  });
  return { posted, bad };
}

function setSettings(env: Env, values: Record<string, string>): void {
  const name = sheetName('settings');
  const data = env.values(name) as unknown[][];
  for (const [key, value] of Object.entries(values)) {
    const r = data.findIndex((row) => row[0] === key);
    if (r < 0) throw new Error(`no setting row ${key}`);
    sheetOf(env, name)
      .getRange(r + 1, 2)
      .setValue(value);
  }
}

function dailyRun(env: Env, iso: string): void {
  env.setNow(iso);
  env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
}

test('a DingTalk-signed digest per manager, verified by the robot, carrying only what the digest needs', () => {
  const env = newEnv({ now: '2026-03-02T08:00:00+08:00' });
  const { posted, bad } = dingtalkVerifier(env);
  setSettings(env, { 'chat.dingtalkWebhook': DING, 'chat.dingtalkSecret': SECRET, 'chat.alerts': 'digest' });
  customerWithInvoice(
    env,
    { name: '华东机电', email: 'ar@huadong.example.com', phone: '13800001111', manager: 'li@example.com' },
    { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '12345.6' },
  );
  customerWithInvoice(
    env,
    { name: '北方贸易', email: 'ar@north.example.com', manager: 'wang@example.com' },
    { issueDate: '2026-01-01', dueDate: '2026-02-20', amount: '800' },
  );
  env.clickMenu('enableDailyReminders');
  dailyRun(env, '2026-03-02T09:10:00+08:00');
  expect(bad).toEqual([]);
  expect(posted).toHaveLength(2);
  for (const p of posted) {
    expect(p.body.msgtype).toBe('markdown');
    expect(typeof p.body.markdown.title).toBe('string');
    expect(p.query.timestamp).toMatch(/^\d{13}$/);
  }
  const li = posted.find((p) => p.body.markdown.title.includes('li@example.com'))!;
  expect(li.body.markdown.text).toContain('华东机电');
  expect(li.body.markdown.text).toContain('¥12,345.60');
  expect(li.body.markdown.text).toContain('29');
  expect(li.body.markdown.text).not.toContain('北方贸易'); // the other manager's customer
  expect(li.body.markdown.text).not.toMatch(/13800001111|ar@huadong/); // no contact data
  // The same day's later firings post nothing again.
  dailyRun(env, '2026-03-02T10:10:00+08:00');
  expect(posted).toHaveLength(2);
});

test('a WeCom anomaly alert (over the credit limit) in the documented markdown format', () => {
  const env = newEnv({ now: '2026-03-02T08:00:00+08:00' });
  const posted = robot(env, 'qyapi.weixin.qq.com');
  setSettings(env, { 'chat.wecomWebhook': WECOM, 'chat.alerts': 'anomalies' });
  customerWithInvoice(
    env,
    { name: '超额客户', email: 'x@example.com', creditLimit: '1000' },
    { issueDate: '2026-02-01', dueDate: '2026-03-20', amount: '5000' },
  );
  env.clickMenu('enableDailyReminders');
  dailyRun(env, '2026-03-02T09:10:00+08:00');
  expect(posted).toHaveLength(1);
  const body = posted[0].body;
  expect(Object.keys(body).sort()).toEqual(['markdown', 'msgtype']);
  expect(body.msgtype).toBe('markdown');
  expect(body.markdown.content).toContain('超额客户');
  expect(Buffer.byteLength(body.markdown.content, 'utf8')).toBeLessThanOrEqual(4096);
});

test('a burst over 20 a minute: 20 posts now, the rest at the next firing, none twice', () => {
  const env = newEnv({ now: '2026-03-02T08:00:00+08:00' });
  const posted = robot(env, 'qyapi.weixin.qq.com');
  setSettings(env, { 'chat.wecomWebhook': WECOM, 'chat.alerts': 'digest' });
  for (let i = 0; i < 24; i++)
    customerWithInvoice(
      env,
      { name: `客户${i}`, email: `c${i}@example.com`, manager: `am${String(i).padStart(2, '0')}@example.com` },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '100' },
    );
  env.clickMenu('enableDailyReminders');
  env.resetCounts();
  dailyRun(env, '2026-03-02T09:10:00+08:00');
  expect(posted).toHaveLength(20);
  expect(new Set(posted.map((p) => p.at)).size).toBe(1); // all within the same minute
  // One batch per robot and firing; the queue costs one properties read and one write (the other write is the
  // run's durable send record).
  const calls = env.counts();
  expect([calls['UrlFetchApp.fetchAll'], calls['UrlFetchApp.fetch']]).toEqual([1, undefined]);
  expect(calls['PropertiesService.Properties.setProperties']).toBe(2);
  dailyRun(env, '2026-03-02T10:10:00+08:00');
  expect(posted).toHaveLength(24);
  const titles = posted.map((p) => p.body.markdown.content.split('\n')[0]);
  expect(new Set(titles).size).toBe(24);
});

test('a failed webhook is logged and retried at the next firing, then posted once', () => {
  const env = newEnv({ now: '2026-03-02T08:00:00+08:00' });
  const posted = robot(env, 'qyapi.weixin.qq.com', (_req, n) =>
    n <= 2 ? { status: 502, body: '<html>Bad Gateway</html>' } : null,
  );
  setSettings(env, { 'chat.wecomWebhook': WECOM, 'chat.alerts': 'digest,anomalies' });
  customerWithInvoice(
    env,
    { name: '重试客户', email: 'r@example.com', manager: 'am@example.com', creditLimit: '10' },
    { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '100' },
  );
  env.clickMenu('enableDailyReminders');
  dailyRun(env, '2026-03-02T09:10:00+08:00');
  expect(posted).toHaveLength(0);
  const logged = env.logs.map((l: { message: string }) => l.message).filter((m: string) => m.includes('Chat alerts'));
  expect(logged.some((m: string) => /failed.*HTTP 502.*retried next firing/.test(m))).toBe(true);
  dailyRun(env, '2026-03-02T10:10:00+08:00');
  expect(posted).toHaveLength(2); // the digest and the anomaly alert
  dailyRun(env, '2026-03-02T11:10:00+08:00');
  expect(posted).toHaveLength(2);
  expect(env.executions.filter((x: { error: unknown }) => x.error)).toEqual([]);
});

test('a run that fails posts a failure alert (chat.alerts = failures)', () => {
  const env = newEnv({ now: '2026-03-02T08:00:00+08:00' });
  const posted = robot(env, 'qyapi.weixin.qq.com');
  setSettings(env, { 'chat.wecomWebhook': WECOM, 'chat.alerts': 'failures' });
  customerWithInvoice(
    env,
    { name: '失败', email: 'f@example.com' },
    { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '100' },
  );
  env.clickMenu('enableDailyReminders');
  env.faults.failSend = 1;
  dailyRun(env, '2026-03-02T09:10:00+08:00');
  expect(posted).toHaveLength(1);
  expect(posted[0].body.markdown.content).toMatch(/催收邮件发送失败/);
});

test('a run that stops on a damaged workbook posts the localized error as a failure alert, once a day', () => {
  const env = newEnv({ now: '2026-03-02T08:00:00+08:00' });
  const posted = robot(env, 'qyapi.weixin.qq.com');
  setSettings(env, { 'chat.wecomWebhook': WECOM, 'chat.alerts': 'failures' });
  env.clickMenu('enableDailyReminders');
  const ss = env.spreadsheet.api();
  ss.deleteSheet(ss.getSheetByName(sheetName('invoices'))!);
  // The trigger records the failure (sidebar status, one e-mail a day) instead of failing every hour.
  dailyRun(env, '2026-03-02T09:10:00+08:00');
  expect(posted).toHaveLength(1);
  expect(posted[0].body.markdown.content).toMatch(
    /^### 每日催收运行失败 2026-03-02\n运行中断：.*应收账款.*设置.*下次每小时触发时会自动重试。$/s,
  );
  dailyRun(env, '2026-03-02T10:10:00+08:00');
  expect(posted).toHaveLength(1);
  expect(posted[0].body.markdown.content).not.toMatch(/\.。/);
});

test('the settings test button: admins only, posts no ledger data, says how it went', () => {
  const env = newEnv({ now: '2026-03-02T08:00:00+08:00' });
  const { posted, bad } = dingtalkVerifier(env);
  expect((env.callRpc('sendChatTest', []) as { message: string }).message).toMatch(/尚未设置/);
  setSettings(env, { 'chat.dingtalkWebhook': DING, 'chat.dingtalkSecret': SECRET });
  const r = env.callRpc('sendChatTest', []) as { ok: boolean; message: string };
  expect(r).toEqual({ ok: true, message: '钉钉：测试消息已发送。' });
  expect(bad).toEqual([]);
  expect(posted[0].body.markdown.title).toBe('客户台账测试消息');
  env.openAsUser('bob@example.com');
  const refused = env.callRpc('sendChatTest', [], { user: 'bob@example.com' }) as { ok: boolean; message: string };
  expect(refused.ok).toBe(false);
  expect(refused.message).toMatch(/管理员/);
  expect(posted).toHaveLength(1);
  setSettings(env, { 'chat.dingtalkSecret': 'SECwrong0000' });
  expect((env.callRpc('sendChatTest', []) as { message: string }).message).toMatch(/服务拒绝了消息/);
});
