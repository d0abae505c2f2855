// The chat alerts' hooks into the daily run and the settings view's test button (PRODUCT.md §15), kept apart from
// the reminder handlers: the run hands over its digest data (`onDigest`), and `finish` posts the day's digests,
// anomalies and failures through the queue. Nothing is posted on a holiday when the working-day calendar is on.
import { userText } from '../app/save-common';
import { type ChatPorts, deliverChat, failureAlerts, sendChatTestMessage } from '../app/chat-alerts';
import type { RunResult } from '../app/reminder-run';
import { type ChatMessage, chatAnomalies, chatDigests, chatTest } from '../domain/chat/format';
import { parseChatSettings, robotsOf } from '../domain/chat/settings';
import { type Lang, t } from '../domain/i18n';
import type { DigestInput } from '../domain/reminders/digest';
import { parseReminderSettings } from '../domain/reminders/settings';
import type { SettingsMap } from '../domain/settings-def';
import { appsScriptChatPorts } from '../adapters/chat';
import type { ChatTestResult } from '../app/sidebar-types';

export interface ChatRunHooks {
  onDigest: (input: Omit<DigestInput, 'summary'>) => void;
  finish: (run: { result?: RunResult; error?: unknown }) => void;
}

/** Hooks for one daily run; `settings` and `today` are read lazily (nothing is read when no robot is set up). */
export function chatRunHooks(settings: () => SettingsMap, today: () => string, ports?: ChatPorts): ChatRunHooks {
  const pending: ChatMessage[] = [];
  return {
    onDigest(input) {
      const config = parseChatSettings(settings());
      if (!robotsOf(config).length) return;
      if (config.alerts.has('digest')) pending.push(...chatDigests(input));
      if (config.alerts.has('anomalies')) pending.push(...chatAnomalies(input));
    },
    finish(run) {
      if (run.result?.status === 'holiday') return;
      let map: SettingsMap;
      try {
        map = settings();
      } catch (_e) {
        return; // The ledger cannot be read: the run's own error is what the trigger reports.
      }
      const config = parseChatSettings(map);
      if (!robotsOf(config).length) return;
      const lang = parseReminderSettings(map).digestLang;
      // A damaged workbook's error speaks the digest language and says to run Set up / repair.
      const error =
        run.error === undefined
          ? undefined
          : (userText(run.error, lang) ?? String((run.error as Error)?.message ?? run.error));
      const failures = failureAlerts(today(), lang, { error, failedSends: run.result?.failed });
      const d = deliverChat(ports ?? appsScriptChatPorts(), config, [...pending, ...failures]);
      if (d.sent || d.failed || d.queued) console.log(`Chat alerts: ${JSON.stringify(d)}`);
    },
  };
}

const TEST_TEXT = {
  none: { 'zh-CN': '尚未设置企业微信或钉钉机器人。', en: 'No WeCom or DingTalk robot is set up yet.' },
  ok: { 'zh-CN': '{robot}：测试消息已发送。', en: '{robot}: test message sent.' },
  rate: {
    'zh-CN': '{robot}：发送过于频繁（每分钟最多 20 条），请一分钟后再试。',
    en: '{robot}: too many messages (at most 20 a minute); try again in a minute.',
  },
  unreachable: {
    'zh-CN': '{robot}：无法连接到服务器，请检查 Webhook 地址。',
    en: '{robot}: the server could not be reached; check the webhook address.',
  },
  refused: {
    'zh-CN': '{robot}：服务拒绝了消息，请检查 Webhook 地址和加签密钥。',
    en: '{robot}: the service refused the message; check the webhook address and the signing secret.',
  },
  wecom: { 'zh-CN': '企业微信', en: 'WeCom' },
  dingtalk: { 'zh-CN': '钉钉', en: 'DingTalk' },
} as const;

/** The test button: posts a message without ledger data to each configured robot and says how it went. */
export function sendChatTest(settings: SettingsMap, lang: Lang, stamp: string, ports?: ChatPorts): ChatTestResult {
  const config = parseChatSettings(settings);
  if (!robotsOf(config).length) return { ok: false, message: t(lang, TEST_TEXT.none) };
  const company = parseReminderSettings(settings).companyName;
  const results = sendChatTestMessage(ports ?? appsScriptChatPorts(), config, chatTest(lang, company, stamp));
  const lines = results.map((r) => {
    const robot = t(lang, TEST_TEXT[r.robot]);
    if (r.ok) return t(lang, TEST_TEXT.ok, { robot });
    if (r.detail === 'rate-limit') return t(lang, TEST_TEXT.rate, { robot });
    if (!r.detail.startsWith('HTTP')) return t(lang, TEST_TEXT.unreachable, { robot });
    return t(lang, TEST_TEXT.refused, { robot });
  });
  return { ok: results.every((r) => r.ok), message: lines.join(' ') };
}
