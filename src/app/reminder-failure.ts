// When the hourly reminder run cannot read the workbook (a required column deleted, a sheet gone), every firing
// fails the same way until someone repairs it. Nobody watches trigger logs, so the failure is kept in document
// properties (the sidebar's reminder status shows it) and the admins get ONE e-mail per day about it, in the
// workbook's language, saying what is wrong and to run Set up / repair. The next successful run clears it.
import type { IsoDay } from '../domain/day';
import { type Lang, msg, perLang, t, type Text } from '../domain/i18n';
import { isEmail } from '../domain/reminders/settings';
import { escapeHtml } from '../domain/text-safety';
import type { Clock } from './ports';
import type { Mailer, ReminderStateStore, RunFailure } from './reminder-ports';

const TXT = {
  subject: msg('app/reminder-failure.TXT.subject'),
  body: msg('app/reminder-failure.TXT.body'),
  unexpected: msg('app/reminder-failure.TXT.unexpected'),
  status: msg('app/reminder-failure.TXT.status'),
  lastFailed: msg('app/reminder-failure.TXT.lastFailed'),
} as const;

/** The localized text of a run's error: a LedgerError's own text, else a generic one with the raw detail. */
export function failureText(error: unknown): Text {
  const text = (error as { text?: Text } | null)?.text;
  if (text && typeof text['zh-CN'] === 'string' && typeof text.en === 'string') return text;
  const detail = String((error as { message?: unknown } | null)?.message ?? error).slice(0, 300);
  return perLang((lang) => t(lang, TXT.unexpected, { detail }));
}

export interface FailureDeps {
  clock: Clock;
  mailer: Mailer;
  state: ReminderStateStore;
  lang: Lang;
  /** Who hears about it: the admins of the settings, the account that enabled reminders, the owner. */
  recipients: () => string[];
  log?: (message: string) => void;
}

/** Records a failed run and, once per calendar day, e-mails the admins about it. */
export function reportRunFailure(deps: FailureDeps, error: unknown): RunFailure {
  const { clock, state } = deps;
  const today: IsoDay = clock.today();
  const prev = state.failure?.() ?? null;
  const record: RunFailure = { at: clock.nowStamp(), text: failureText(error), mailedDay: prev?.mailedDay ?? '' };
  if (record.mailedDay !== today) {
    const to = [...new Set(deps.recipients().map((e) => e.trim().toLowerCase()))].filter(isEmail);
    try {
      if (to.length && deps.mailer.remainingQuota() >= to.length) {
        const text = t(deps.lang, TXT.body, { at: record.at, message: record.text[deps.lang] });
        deps.mailer.send({
          to,
          cc: [],
          subject: t(deps.lang, TXT.subject),
          text,
          html: text
            .split('\n\n')
            .map((p) => `<p>${escapeHtml(p)}</p>`)
            .join(''),
          name: '',
          replyTo: '',
        });
        record.mailedDay = today;
      }
    } catch (e) {
      deps.log?.(`Reminders: the failure notice could not be sent: ${String((e as Error)?.message ?? e)}`);
    }
  }
  state.setFailure?.(record);
  return record;
}

/** A run that got through forgets the last failure. */
export function clearRunFailure(state: ReminderStateStore): void {
  if (state.failure?.()) state.setFailure?.(null);
}

/** Status lines for the sidebar: what is wrong now (which says to run Set up / repair) and when a run last failed. */
export function failureLines(problem: string, last: RunFailure | null, lang: Lang): string[] {
  const lines = [t(lang, TXT.status, { message: problem })];
  if (last) lines.push(t(lang, TXT.lastFailed, { at: last.at }));
  return lines;
}
