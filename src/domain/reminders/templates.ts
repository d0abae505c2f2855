// Default reminder e-mail templates, one per kind and language. They are written into the Settings sheet at setup
// so a finance team can reword them; placeholders in braces are filled by render.ts (values HTML-escaped there).
import type { Lang, Text } from '../i18n';
import { msg } from '../i18n';

export type TemplateKind = 'upcoming' | 'overdue' | 'final';
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['upcoming', 'overdue', 'final'];

export function templateKey(kind: TemplateKind, lang: Lang, part: 'subject' | 'body'): string {
  return `reminders.template.${kind}.${lang}.${part}`;
}

/** The segments that may reword their reminders (PRODUCT §14); settings spell high-risk as highRisk. */
export const TEMPLATE_SEGMENTS = ['vip', 'high-risk'] as const;
export type TemplateSegment = (typeof TEMPLATE_SEGMENTS)[number];

/** e.g. reminders.template.overdue.highRisk.zh-CN.subject; empty = the general template of that kind. */
export function segmentTemplateKey(
  seg: TemplateSegment,
  lang: Lang,
  part: 'subject' | 'body',
  kind: TemplateKind = 'overdue',
): string {
  return `reminders.template.${kind}.${seg === 'vip' ? 'vip' : 'highRisk'}.${lang}.${part}`;
}

type Defaults = Record<TemplateKind, Record<'subject' | 'body', Text>>;

export const DEFAULT_TEMPLATES: Defaults = {
  upcoming: {
    subject: msg('reminders/templates.DEFAULT_TEMPLATES.upcoming.subject'),
    body: msg('reminders/templates.DEFAULT_TEMPLATES.upcoming.body'),
  },
  overdue: {
    subject: msg('reminders/templates.DEFAULT_TEMPLATES.overdue.subject'),
    body: msg('reminders/templates.DEFAULT_TEMPLATES.overdue.body'),
  },
  final: {
    subject: msg('reminders/templates.DEFAULT_TEMPLATES.final.subject'),
    body: msg('reminders/templates.DEFAULT_TEMPLATES.final.body'),
  },
};
