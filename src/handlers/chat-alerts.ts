// The chat alerts' hooks into the daily run and the settings view's test button (PRODUCT.md §15), kept apart from
// the reminder handlers: the run hands over its digest data (`onDigest`), and `finish` posts the day's digests,
// anomalies and failures through the queue. Nothing is posted on a holiday when the working-day calendar is on.
import { userText } from '../app/save-common';
import { type ChatPorts, deliverChat, failureAlerts, sendChatTestMessage } from '../app/chat-alerts';
import type { RunResult } from '../app/reminder-run';
import { type ChatMessage, chatAnomalies, chatDigests, chatTest } from '../domain/chat/format';
import { parseChatSettings, robotsOf } from '../domain/chat/settings';
import { type Lang, t, msg } from '../domain/i18n';
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
  none: msg('handlers/chat-alerts.TEST_TEXT.none'),
  ok: msg('handlers/chat-alerts.TEST_TEXT.ok'),
  rate: msg('handlers/chat-alerts.TEST_TEXT.rate'),
  unreachable: msg('handlers/chat-alerts.TEST_TEXT.unreachable'),
  refused: msg('handlers/chat-alerts.TEST_TEXT.refused'),
  wecom: msg('handlers/chat-alerts.TEST_TEXT.wecom'),
  dingtalk: msg('handlers/chat-alerts.TEST_TEXT.dingtalk'),
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
