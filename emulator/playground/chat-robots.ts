// The playground's stand-ins for the WeCom group robot and the DingTalk custom robot (PRODUCT.md §15): handlers
// registered on the real hosts in the emulator (nothing leaves the machine). They answer as the services document
// ({"errcode":0,"errmsg":"ok"}); the DingTalk one checks the signature against the secret in the workbook's
// Settings (timestamp within an hour, Base64 HMAC-SHA256 of timestamp + "\n" + secret) and refuses a mismatch with
// errcode 310000, as DingTalk does. The chat tab shows these requests from the emulator's request record.
import { createHmac } from 'node:crypto';
import type { Environment } from '../src/environment-actions';
import type { FetchRecord } from '../src/index';
import { readSetting } from './demo-workbook';
import type { ChatInfo } from './shared/protocol';

export const WECOM_HOST = 'qyapi.weixin.qq.com';
export const DINGTALK_HOST = 'oapi.dingtalk.com';
const OK = { status: 200, body: '{"errcode":0,"errmsg":"ok"}', headers: { 'Content-Type': 'application/json' } };

export function registerChatRobots(env: Environment): void {
  env.http.register(WECOM_HOST, (req) => {
    if (req.method !== 'POST') return { status: 405, body: '' };
    return OK;
  });
  env.http.register(DINGTALK_HOST, (req) => {
    const secret = readSetting(env, 'chat.dingtalkSecret') ?? '';
    const ts = Number(req.query.timestamp);
    const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`, 'utf8').digest('base64');
    if (!secret || req.query.sign !== expected || Math.abs(env.now() - ts) > 3600_000)
      return { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' };
    return OK;
  });
}

/** The chat messages the add-on posted (newest last), for the chat tab. */
export function chatMessages(requests: readonly FetchRecord[]): ChatInfo[] {
  const out: ChatInfo[] = [];
  requests.forEach((r, index) => {
    const robot = r.url.includes(`//${WECOM_HOST}/`)
      ? 'wecom'
      : r.url.includes(`//${DINGTALK_HOST}/`)
        ? 'dingtalk'
        : null;
    if (!robot) return;
    let title = '';
    let text = r.body;
    try {
      const j = JSON.parse(r.body) as { markdown?: { title?: string; text?: string; content?: string } };
      text = j.markdown?.content ?? j.markdown?.text ?? r.body;
      title = j.markdown?.title ?? text.split('\n')[0].replace(/^#+\s*/, '');
    } catch (_e) {
      title = '';
    }
    let result = r.error ?? `HTTP ${r.status}`;
    try {
      const a = JSON.parse(r.response) as { errcode?: number; errmsg?: string };
      if (a.errcode !== undefined) result = a.errcode === 0 ? 'ok' : `errcode ${a.errcode} ${a.errmsg ?? ''}`.trim();
    } catch (_e) {
      // not JSON: keep the HTTP status
    }
    out.push({ index, robot, at: r.at, title, text, ok: result === 'ok', result, signed: /[?&]sign=/.test(r.url) });
  });
  return out;
}
