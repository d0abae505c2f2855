// The reminder log as people read it. The log keeps two kinds of columns: the codes the engine reads back
// (`stage` "15", `result` "skipped:paid") and, beside them, the same facts in words ("逾期 15 天", "已跳过：已结清").
// Why codes plus words rather than words parsed back: the codes are what "each (invoice, stage) at most once" rests
// on, and they must read the same whatever the workbook language is or becomes; a parser of localized text would
// misread a label reworded later. Old rows (written before the words existed) carry codes only: everything that
// shows them (the customer 360, the preview) renders the words from the codes with these functions.
import { type Lang, LIST_SEPARATOR, msg, t } from '../i18n';
import { SKIP_TEXT, type SkipReason, stageLabel } from './catalog';
import { splitList } from './history';

const RESULT = {
  sent: msg('reminders/log-text.RESULT.sent'),
  uncertain: msg('reminders/log-text.RESULT.uncertain'),
  failed: msg('reminders/log-text.RESULT.failed'),
  skipped: msg('reminders/log-text.RESULT.skipped'),
  quota: msg('reminders/log-text.RESULT.quota'),
  time: msg('reminders/log-text.RESULT.time'),
  digest: msg('reminders/log-text.RESULT.digest'),
  statement: msg('reminders/log-text.RESULT.statement'),
  confirmation: msg('reminders/log-text.RESULT.confirmation'),
} as const;

/** "skipped:paid" → "已跳过：已结清"; unknown codes are shown as written. */
export function logResultText(lang: Lang, result: string): string {
  const r = String(result ?? '').trim();
  if (r === 'sent' || r === 'uncertain' || r === 'failed') return t(lang, RESULT[r]);
  if (r.startsWith('skipped:')) {
    const reason = r.slice('skipped:'.length) as SkipReason;
    const text = SKIP_TEXT[reason] ? t(lang, SKIP_TEXT[reason]) : reason;
    return t(lang, RESULT.skipped, { reason: text });
  }
  if (r === 'deferred:quota') return t(lang, RESULT.quota);
  if (r === 'deferred:time') return t(lang, RESULT.time);
  return r;
}

/** "15" → "逾期 15 天"; a list "15, -3" → "逾期 15 天、到期前 3 天"; "digest" → "内部汇总". */
export function logStageText(lang: Lang, stage: string, finalStage: number | null = null): string {
  const s = String(stage ?? '').trim();
  if (s === 'digest' || s === 'statement' || s === 'confirmation') return t(lang, RESULT[s]);
  const parts = splitList(s);
  if (!parts.length || parts.some((p) => !/^-?\d+$/.test(p))) return s;
  return parts.map((p) => stageLabel(lang, Number(p), Number(p) === finalStage)).join(t(lang, LIST_SEPARATOR));
}
