// The dry run as a dialog: what each customer would receive and every skip with its reason. Every value is
// HTML-escaped (customer names are user data).
import { type Lang, t, msg } from '../domain/i18n';
import { escapeHtml } from '../domain/reminders/render';
import type { ReminderPreview } from './reminder-preview';

const H = {
  send: msg('app/reminder-preview-html.H.send'),
  skip: msg('app/reminder-preview-html.H.skip'),
  none: msg('app/reminder-preview-html.H.none'),
  logged: msg('app/reminder-preview-html.H.logged'),
  cc: msg('app/reminder-preview-html.H.cc'),
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
