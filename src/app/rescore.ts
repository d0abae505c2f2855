// Rescore (menu *Rescore customers*): one read of each sheet it needs, every customer rated in memory, one batched
// write of the score columns (score, grade, segment and why, reasons, date, recommended limit and terms and why). Rows the store could not read and records the scorer cannot trust are skipped
// and reported; one customer's bad data never stops the others. Grade moves of several steps are returned and
// written to the audit log (action `grade-change`), where the reminders digest finds them (gradeDropsSince).
import type { IsoDay } from '../domain/day';
import { CLAUSE_SEPARATOR, fill, LIST_SEPARATOR, type Lang, msg, perLang, t, type Text } from '../domain/i18n';
import type { AuditEntry, Customer, Grade } from '../domain/records';
import { GRADE_ORDER, type GradeChange, significantGradeChange } from '../domain/scoring/grades';
import { buildHistories, historyOf } from '../domain/scoring/history';
import { recommendIn, segmentReason } from '../domain/scoring/policy';
import { type Rating, rateCustomer } from '../domain/scoring/rate';
import type { ScoringParams } from '../domain/scoring/scorecard';
import { gradeLabel, nrReasonCell, reasonsCell, SCORING_MSG, SKIP_TEXT } from '../domain/scoring/scoring-text';
import { parseScoringSettings, type SettingProblem } from '../domain/scoring/settings';
import type { Clock, Identity, LedgerStore, Progress, Role } from './ports';

export const SCORE_FIELDS = [
  'creditScore',
  'creditGrade',
  'segment',
  'segmentReason',
  'scoreReasons',
  'scoredAt',
  'recommendedLimit',
  'recommendedTerms',
  'policyReasons',
] as const;
export const GRADE_CHANGE_ACTION = 'grade-change';
export const RESCORE_ACTION = 'rescore';

export type AuditRow = Omit<AuditEntry, 'hash'>;

export interface RescoreDeps {
  store: LedgerStore;
  clock: Clock;
  identity: Identity;
  progress?: Progress;
  /** The workbook's recordAudit (hash-chained); without it nothing is audited. */
  recordAudit?: (rows: AuditRow[]) => void;
  /** Language of the reasons written to the sheet; defaults to the identity's language. */
  lang?: Lang;
  source?: AuditEntry['source'];
}

export interface SkippedRow {
  role: Role;
  /** 1-based sheet row; null when only the record id is known. */
  row: number | null;
  id: string;
  message: Text;
}

export interface RescoreResult {
  asOf: IsoDay;
  customers: number;
  scored: number;
  notRated: number;
  skipped: SkippedRow[];
  gradeChanges: GradeChange[];
  /** Customers per grade (NR included). */
  byGrade: Record<string, number>;
  settingProblems: SettingProblem[];
  summary: Text;
}

type ScoreCells = Pick<Customer, (typeof SCORE_FIELDS)[number]>;

function cellsOf(r: Rating, c: Customer, asOf: IsoDay, lang: Lang, params: ScoringParams): ScoreCells {
  const rec = recommendIn(lang, r.grade, r.segment, r.context.invoiced12m);
  const reasonInput = {
    rule: r.segmentRule,
    grade: r.grade,
    oldestOverdueDays: r.factors.oldestOverdueDays,
    outstanding: r.context.outstanding,
    creditLimit: c.creditLimit,
    invoiced12m: r.context.invoiced12m,
    override: c.segmentOverride,
  };
  return {
    creditScore: r.score,
    creditGrade: r.grade,
    segment: r.segment,
    segmentReason: segmentReason(lang, reasonInput, params.segment),
    scoreReasons:
      r.score === null ? nrReasonCell(lang, r.context.settledCount, params.minSettled) : reasonsCell(lang, r.reasons),
    scoredAt: asOf,
    recommendedLimit: rec.limit,
    recommendedTerms: rec.termsDays,
    policyReasons: rec.reasons.join(t(lang, CLAUSE_SEPARATOR)),
  };
}

export function rescoreCustomers(deps: RescoreDeps): RescoreResult {
  const { store, clock } = deps;
  const lang = deps.lang ?? deps.identity.lang();
  const asOf = clock.today();
  const { params, problems } = parseScoringSettings(store.settings());
  const customers = store.read('customers');
  deps.progress?.step(fill(SCORING_MSG.rescoreStarted[lang], { n: customers.rows.length }));
  const invoices = store.read('invoices');
  const payments = store.read('payments');
  const interactions = store.read('interactions');

  const skipped: SkippedRow[] = [];
  for (const t of [customers, invoices, payments, interactions]) {
    for (const i of t.issues) skipped.push({ role: i.role, row: i.row, id: '', message: i.message });
  }
  const known = new Set<string>();
  const todo: Array<{ row: number; c: Customer }> = [];
  for (const { row, record } of customers.rows) {
    if (!record.id || known.has(record.id)) {
      skipped.push({ role: 'customers', row, id: record.id, message: DUPLICATE_OR_MISSING_ID });
      continue;
    }
    known.add(record.id);
    todo.push({ row, c: record });
  }
  const terms = new Map(todo.map(({ c }) => [c.id, c.termsDays]));
  const histories = buildHistories(
    invoices.rows.map((s) => s.record),
    payments.rows.map((s) => s.record),
    interactions.rows.map((s) => s.record),
    known,
    // Blank due dates count from the terms, as in the customers sheet and the 360 (one oldest-overdue figure).
    (id) => terms.get(id) ?? null,
  );
  // Row numbers only for the records the histories skipped (usually none): the index is built when there are some.
  const rowOf = histories.skipped.length ? rowIndex(invoices.rows, payments.rows, interactions.rows) : undefined;
  for (const s of histories.skipped) {
    skipped.push({ role: s.role, row: rowOf?.[s.role].get(s.id) ?? null, id: s.id, message: SKIP_TEXT[s.reason] });
  }

  const changes: Array<{ row: number; record: ScoreCells }> = [];
  const gradeChanges: GradeChange[] = [];
  const byGrade: Record<string, number> = {};
  let notRated = 0;
  for (const { row, c } of todo) {
    let rating: Rating;
    try {
      rating = rateCustomer(c, historyOf(histories, c.id), asOf, params);
    } catch (_e) {
      skipped.push({ role: 'customers', row, id: c.id, message: UNSCORABLE });
      continue;
    }
    changes.push({ row, record: cellsOf(rating, c, asOf, lang, params) });
    byGrade[rating.grade] = (byGrade[rating.grade] ?? 0) + 1;
    if (rating.score === null) notRated++;
    const change = significantGradeChange(c.id, c.name, c.creditGrade, rating.grade, params.gradeChangeSteps);
    if (change) gradeChanges.push(change);
  }
  if (changes.length) store.update('customers', changes, SCORE_FIELDS);

  const result: RescoreResult = {
    asOf,
    customers: customers.rows.length,
    scored: changes.length,
    notRated,
    skipped,
    gradeChanges,
    byGrade,
    settingProblems: problems,
    summary: summaryText(
      changes.length,
      notRated,
      skipped.length,
      gradeChanges.length,
      params.gradeChangeSteps,
      problems,
    ),
  };
  // The audit row reads in the workbook's language, whoever ran the rescore (issue #16).
  const auditLang = deps.store.workbookLang?.() ?? lang;
  deps.recordAudit?.(auditRows(result, clock.nowStamp(), deps.identity.user(), deps.source ?? 'sidebar', auditLang));
  deps.progress?.step(result.summary[lang]);
  return result;
}

const DUPLICATE_OR_MISSING_ID: Text = msg('app/rescore.DUPLICATE_OR_MISSING_ID');
const UNSCORABLE: Text = msg('app/rescore.UNSCORABLE');

function rowIndex(...tables: Array<ReadonlyArray<{ row: number; record: { id: string } }>>) {
  const [inv, pay, inter] = tables.map((rows) => new Map(rows.map((s) => [s.record.id, s.row])));
  return { invoices: inv, payments: pay, interactions: inter };
}

function summaryText(
  scored: number,
  nr: number,
  skipped: number,
  changes: number,
  steps: number,
  problems: readonly SettingProblem[],
): Text {
  const p = { scored, nr, skipped, changes, steps, n: problems.length, keys: problems.map((x) => x.key).join(', ') };
  const one = (lang: Lang) =>
    fill(SCORING_MSG.rescoreDone[lang], p) +
    (problems.length ? `\n${fill(SCORING_MSG.settingsProblems[lang], p)}` : '');
  return perLang(one);
}

/** Grades best first, NR last. */
function gradeOrder(g: string): number {
  const i = (GRADE_ORDER as readonly string[]).indexOf(g);
  return i < 0 ? GRADE_ORDER.length : i;
}

/** One summary row for the run, one row per grade change of several steps (what anomaly alerts read). */
export function auditRows(
  r: RescoreResult,
  at: string,
  user: string,
  source: AuditEntry['source'],
  lang: Lang = 'zh-CN',
): AuditRow[] {
  const base = { at, user, source, sheet: 'customers' };
  const rows: AuditRow[] = [
    {
      ...base,
      action: RESCORE_ACTION,
      recordId: '',
      field: '',
      oldValue: '',
      newValue: fill(SCORING_MSG.rescoreAudit[lang], {
        asOf: r.asOf,
        summary: r.summary[lang],
        grades: Object.entries(r.byGrade)
          .sort(([a], [b]) => gradeOrder(a) - gradeOrder(b))
          .map(([g, n]) => `${gradeLabel(lang, g as Grade)} ${n}`)
          .join(t(lang, LIST_SEPARATOR)),
      }),
    },
  ];
  for (const g of r.gradeChanges) {
    rows.push({
      ...base,
      action: GRADE_CHANGE_ACTION,
      recordId: g.customerId,
      field: 'creditGrade',
      oldValue: g.from,
      newValue: g.to,
    });
  }
  return rows;
}
