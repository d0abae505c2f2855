// The two robots' wire formats and limits (PRODUCT.md §15; sources in README "Chat alerts"):
// - WeCom group robot: POST JSON {"msgtype":"markdown","markdown":{"content":…}}, content ≤ 4096 bytes UTF-8;
//   at most 20 messages a minute per robot (developer.work.weixin.qq.com/document/path/91770).
// - DingTalk custom robot: POST JSON {"msgtype":"markdown","markdown":{"title":…,"text":…}}; with 加签 the URL
//   gets &timestamp=<ms>&sign=<urlEncode(base64(HmacSHA256(key=secret, timestamp+"\n"+secret)))>; at most 20
//   messages a minute per robot, a robot over it is throttled for 10 minutes (open.dingtalk.com custom-robot-access).
// Both answer HTTP 200 with {"errcode":0,"errmsg":"ok"} on success; any other errcode is a failure.
import type { ChatMessage } from './format';

export const ROBOT_MESSAGES_PER_MINUTE = 20;

export function wecomBody(msg: ChatMessage): string {
  return JSON.stringify({ msgtype: 'markdown', markdown: { content: msg.text } });
}

export function dingtalkBody(msg: ChatMessage): string {
  return JSON.stringify({ msgtype: 'markdown', markdown: { title: msg.title, text: msg.text } });
}

/** What DingTalk signs: the millisecond timestamp, a newline, the secret. */
export function dingtalkStringToSign(timestampMs: number, secret: string): string {
  return `${timestampMs}\n${secret}`;
}

/** The webhook with the signature appended (the Base64 signature URL-encoded). */
export function dingtalkSignedUrl(webhook: string, timestampMs: number, signatureBase64: string): string {
  return `${webhook}&timestamp=${timestampMs}&sign=${encodeURIComponent(signatureBase64)}`;
}

export interface RobotAnswer {
  ok: boolean;
  /** What to log when it failed: HTTP status and the service's errcode/errmsg. */
  detail: string;
  /** The service said "too many messages": stop posting to this robot until the next firing. */
  throttled: boolean;
}

/** WeCom 45009 and DingTalk 130101 mean "sent too fast". */
const THROTTLE_CODES = new Set([45009, 130101]);

export function readAnswer(status: number, text: string): RobotAnswer {
  let code: number | null = null;
  let msg = '';
  try {
    const j = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    code = typeof j.errcode === 'number' ? j.errcode : null;
    msg = typeof j.errmsg === 'string' ? j.errmsg : '';
  } catch (_e) {
    code = null;
  }
  if (status === 200 && code === 0) return { ok: true, detail: '', throttled: false };
  const detail = `HTTP ${status}${code === null ? '' : ` errcode ${code}`}${msg ? ` ${msg}` : ''}`.slice(0, 200);
  return { ok: false, detail, throttled: status === 429 || (code !== null && THROTTLE_CODES.has(code)) };
}
