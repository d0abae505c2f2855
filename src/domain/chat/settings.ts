// Chat alert settings (PRODUCT.md §15): a WeCom (企业微信) group-robot webhook and/or a DingTalk (钉钉) robot webhook
// with its signing secret, and which alerts go there. Only the two services' own hosts are accepted, so ledger data
// can never be pointed at another server by a typo or a hostile edit of the Settings sheet.
import type { SettingDef, SettingsMap } from '../settings-def';
import { msg, type Text } from '../i18n';

export const CHAT_KEYS = {
  wecomWebhook: 'chat.wecomWebhook',
  dingtalkWebhook: 'chat.dingtalkWebhook',
  dingtalkSecret: 'chat.dingtalkSecret',
  alerts: 'chat.alerts',
} as const;

export type ChatAlertKind = 'digest' | 'anomalies' | 'failures';
export const CHAT_ALERT_KINDS: readonly ChatAlertKind[] = ['digest', 'anomalies', 'failures'];
export type ChatRobot = 'wecom' | 'dingtalk';

/** https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (WeCom group robot). */
export const WECOM_WEBHOOK = /^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[A-Za-z0-9-]+$/;
/** https://oapi.dingtalk.com/robot/send?access_token=… (DingTalk custom robot). */
export const DINGTALK_WEBHOOK = /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[A-Za-z0-9]+$/;
/** The signing secret shown under 加签 in the robot's security settings: "SEC" + letters and digits. */
export const DINGTALK_SECRET = /^SEC[A-Za-z0-9]+$/;

const D = (key: string, defaultValue: string, description: Text): SettingDef => ({
  key,
  defaultValue,
  description,
});

export const CHAT_SETTINGS: SettingDef[] = [
  D(CHAT_KEYS.wecomWebhook, '', msg('chat/settings.CHAT_SETTINGS.wecomWebhook')),
  D(CHAT_KEYS.dingtalkWebhook, '', msg('chat/settings.CHAT_SETTINGS.dingtalkWebhook')),
  D(CHAT_KEYS.dingtalkSecret, '', msg('chat/settings.CHAT_SETTINGS.dingtalkSecret')),
  D(CHAT_KEYS.alerts, 'digest,anomalies,failures', msg('chat/settings.CHAT_SETTINGS.alerts')),
];

export interface ChatConfig {
  /** Webhook URLs by robot ('' = not configured or not valid). */
  webhooks: Record<ChatRobot, string>;
  dingtalkSecret: string;
  alerts: ReadonlySet<ChatAlertKind>;
}

/** Lenient, like the other feature parsers: an unusable value turns that robot off instead of stopping the run. */
export function parseChatSettings(map: SettingsMap): ChatConfig {
  const get = (k: string) => (map[k] ?? '').trim();
  const wecom = get(CHAT_KEYS.wecomWebhook);
  const ding = get(CHAT_KEYS.dingtalkWebhook);
  const secret = get(CHAT_KEYS.dingtalkSecret);
  const raw = map[CHAT_KEYS.alerts];
  return {
    webhooks: {
      wecom: WECOM_WEBHOOK.test(wecom) ? wecom : '',
      dingtalk: DINGTALK_WEBHOOK.test(ding) && DINGTALK_SECRET.test(secret) ? ding : '',
    },
    dingtalkSecret: DINGTALK_SECRET.test(secret) ? secret : '',
    alerts: new Set(parseAlertKinds(raw === undefined ? 'digest,anomalies,failures' : raw) ?? []),
  };
}

/** "digest, anomalies" → the kinds; null when a word is not a known kind. */
export function parseAlertKinds(text: string): ChatAlertKind[] | null {
  const words = text
    .split(/[,，;；\s]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const known = CHAT_ALERT_KINDS as readonly string[];
  if (words.some((w) => !known.includes(w))) return null;
  return [...new Set(words)] as ChatAlertKind[];
}

export function robotsOf(config: ChatConfig): ChatRobot[] {
  return (['wecom', 'dingtalk'] as const).filter((r) => config.webhooks[r] !== '');
}
