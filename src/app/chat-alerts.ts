// Posting chat alerts (PRODUCT.md §15): new alerts of the kinds the settings ask for join the durable queue, then
// each configured robot takes what its per-minute limit allows, oldest first, in one fetchAll batch. A post that
// fails (network, HTTP status, or an errcode in the answer) stays queued, is logged, and is retried at the next
// firing. The DingTalk URL is signed per batch (timestamp + HMAC-SHA256).
import { type ChatMessage, chatFailure } from '../domain/chat/format';
import { allowance, type ChatState, enqueue, markFailed, markSent, prune } from '../domain/chat/queue';
import {
  dingtalkBody,
  dingtalkSignedUrl,
  dingtalkStringToSign,
  type RobotAnswer,
  readAnswer,
  wecomBody,
} from '../domain/chat/robots';
import { type ChatConfig, type ChatRobot, robotsOf } from '../domain/chat/settings';
import type { IsoDay } from '../domain/day';
import type { Lang } from '../domain/i18n';

export interface HttpAnswer {
  status: number;
  text: string;
}

export interface ChatPorts {
  /**
   * POSTs JSON bodies in one batch (UrlFetchApp.fetchAll: one service call for up to 20 posts); answers in order.
   * Throws when the requests never got an answer (DNS, connection): the whole batch failed.
   */
  postAll(requests: ReadonlyArray<{ url: string; body: string }>): HttpAnswer[];
  /** Base64 of HMAC-SHA256(key, text), both UTF-8. */
  hmacBase64(text: string, key: string): string;
  /** Epoch ms. */
  now(): number;
  load(): ChatState;
  save(state: ChatState): void;
  log(message: string): void;
}

export interface ChatDelivery {
  sent: number;
  failed: number;
  /** Still waiting (rate limit or failure) after this firing. */
  queued: number;
  dropped: number;
}

/** Posts a batch to one robot; one signature serves the batch (DingTalk accepts a timestamp up to an hour old). */
function attempt(
  ports: ChatPorts,
  config: ChatConfig,
  robot: ChatRobot,
  items: ReadonlyArray<Pick<ChatMessage, 'title' | 'text'>>,
): RobotAnswer[] {
  const msgs = items.map((m) => ({ id: '', kind: 'test' as const, title: m.title, text: m.text }));
  let url = config.webhooks.wecom;
  if (robot === 'dingtalk') {
    const ts = ports.now();
    const sign = ports.hmacBase64(dingtalkStringToSign(ts, config.dingtalkSecret), config.dingtalkSecret);
    url = dingtalkSignedUrl(config.webhooks.dingtalk, ts, sign);
  }
  try {
    const answers = ports.postAll(msgs.map((m) => ({ url, body: robot === 'wecom' ? wecomBody(m) : dingtalkBody(m) })));
    return answers.map((a) => readAnswer(a.status, a.text));
  } catch (e) {
    const detail = String((e as Error)?.message ?? e).slice(0, 200);
    return msgs.map(() => ({ ok: false, detail, throttled: false }));
  }
}

/** Queues `messages` (those of the configured kinds) and posts what the robots' limits allow. */
export function deliverChat(ports: ChatPorts, config: ChatConfig, messages: readonly ChatMessage[]): ChatDelivery {
  const robots = robotsOf(config);
  const out: ChatDelivery = { sent: 0, failed: 0, queued: 0, dropped: 0 };
  if (!robots.length) return out;
  const state = ports.load();
  const now = ports.now();
  prune(state, robots, now);
  const wanted = messages.filter((m) => m.kind !== 'test' && config.alerts.has(m.kind));
  enqueue(state, wanted, robots, now);
  if (!state.queue.length) {
    ports.save(state);
    return out;
  }
  for (const robot of robots) {
    const batch = state.queue.filter((q) => q.robot === robot).slice(0, allowance(state, robot, ports.now()));
    if (!batch.length) continue;
    const answers = attempt(ports, config, robot, batch);
    batch.forEach((item, i) => {
      const answer = answers[i];
      if (answer.ok) {
        markSent(state, item, ports.now());
        out.sent++;
        return;
      }
      out.failed++;
      const dropped = markFailed(state, item, answer.detail);
      if (dropped) out.dropped++;
      ports.log(
        `Chat alerts: ${robot} post of ${item.id} failed (attempt ${item.attempts}): ${answer.detail}${dropped ? '; given up' : '; retried next firing'}`,
      );
    });
  }
  out.queued = state.queue.length;
  ports.save(state);
  return out;
}

/** The settings view's test button: one post per configured robot, now, outside the queue (still rate-limited). */
export function sendChatTestMessage(
  ports: ChatPorts,
  config: ChatConfig,
  msg: ChatMessage,
): Array<{ robot: ChatRobot; ok: boolean; detail: string }> {
  const state = ports.load();
  const results = robotsOf(config).map((robot) => {
    if (allowance(state, robot, ports.now()) <= 0) return { robot, ok: false, detail: 'rate-limit' };
    const [a] = attempt(ports, config, robot, [msg]);
    if (a.ok) {
      state.sentAt[robot] = [...(state.sentAt[robot] ?? []), ports.now()];
    } else ports.log(`Chat alerts: test post to ${robot} failed: ${a.detail}`);
    return { robot, ok: a.ok, detail: a.detail };
  });
  ports.save(state);
  return results;
}

/** Failure alerts for a run: an exception, or sends that failed. */
export function failureAlerts(today: IsoDay, lang: Lang, run: { error?: string; failedSends?: number }): ChatMessage[] {
  if (run.error) return [chatFailure(today, lang, { error: run.error })];
  if (run.failedSends) return [chatFailure(today, lang, { failedSends: run.failedSends })];
  return [];
}
