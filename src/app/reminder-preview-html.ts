// The dry run as a dialog: what each customer would receive and every skip with its reason. Every value is
// HTML-escaped (customer names are user data).
import { type Lang, t } from '../domain/i18n';
import { escapeHtml } from '../domain/reminders/render';
import type { ReminderPreview } from './reminder-preview';

const H = {
  send: { 'zh-CN': '将发送', en: 'Would send' },
  skip: { 'zh-CN': '跳过', en: 'Skipped' },
  none: { 'zh-CN': '无', en: 'None' },
  logged: { 'zh-CN': '（已记录）', en: '(already logged)' },
  cc: { 'zh-CN': '抄送', en: 'cc' },
} as const;

export function previewHtml(p: ReminderPreview, lang: Lang): string {
  const e = escapeHtml;
  const sends = p.messages.map(
    (m) =>
      `<li><b>${e(m.customerName)}</b> (${e(m.customerId)}) → ${e(m.to.join(', '))}${m.cc.length ? ` · ${e(t(lang, H.cc))} ${e(m.cc.join(', '))}` : ''}<br>` +
      `<i>${e(m.subject)}</i><br>${m.invoices.map((i) => `${e(i.invoiceId)} · ${e(i.stageLabel)} · ${e(i.outstanding)}`).join('<br>')}</li>`,
  );
  const skips = p.skips.map(
    (s) =>
      `<li>${e(s.customerName)} (${e(s.customerId)}) · ${e(s.invoiceId)} · ${e(s.stageLabel)}: ${e(s.reasonText)}${s.logged ? ` ${e(t(lang, H.logged))}` : ''}</li>`,
  );
  const list = (items: string[]) => (items.length ? `<ul>${items.join('')}</ul>` : `<p>${e(t(lang, H.none))}</p>`);
  return (
    `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:13px">` +
    `<p>${e(p.summary)}</p><h3>${e(t(lang, H.send))}</h3>${list(sends)}<h3>${e(t(lang, H.skip))}</h3>${list(skips)}</div>`
  );
}
