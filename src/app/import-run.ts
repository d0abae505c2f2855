// Preview and run of an import (PRODUCT.md §12). Preview plans every row on a throw-away copy of the indexes and
// shows the first rows as they will be saved with the counts; nothing is written. A run works in batches under the
// document lock: each batch is planned whole, then written with one append (new rows), one update per column run
// (changed rows), one audit append (source `import`) and one report append, then the checkpoint moves past it. An
// execution stops after ROWS_PER_EXECUTION rows or TIME_BUDGET_MS; the sidebar calls again and the import resumes
// at the checkpoint. A batch cut short by a killed execution is planned again on resume: what it had written is
// found by id or dedupe key and skipped, so nothing is lost or doubled; a finished import run again creates nothing.
import { type Lang, t } from '../domain/i18n';
import { IMPORT_LIMITS } from '../domain/import-types';
import { columnOf } from '../domain/schema';
import { recordAudit } from './audit-log';
import { createdRecord } from './save-audit';
import { ImportBook } from './import-book';
import { IMPORT_TEXT } from './import-i18n';
import { type BatchPlan, ImportPlanner, type PlanContext } from './import-plan';
import type { ImportCheckpoint, ImportServices, ReportLine } from './import-ports';
import { type PreparedImport, prepareImport } from './import-request';
import type { ImportCounts, ImportPreviewResult, ImportRequest, ImportRunResult } from './import-types';
import { fieldViews, previewRow } from './import-view';
import { allowsOverpayment, defaultCurrency } from './sidebar-start';

/** Rows planned and written together: one write per sheet per batch. */
export const BATCH_ROWS = 2500;
/**
 * Rows per execution. Each execution re-reads the sheets it checks against (50,000 invoices ≈ 900,000 cells) and
 * writes ≈ 30 cells per imported row (record + audit); 10,000 rows keeps that well inside the 6-minute limit.
 */
export const ROWS_PER_EXECUTION = 10000;
/** No new batch starts after this much of the 6-minute limit. */
export const TIME_BUDGET_MS = 240000;
export const PREVIEW_ROWS = 20;

const ZERO: ImportCounts = { created: 0, updated: 0, skipped: 0, rejected: 0 };

function planContext(services: ImportServices, p: PreparedImport): PlanContext {
  const settings = services.store.settings();
  return {
    target: p.target,
    lang: p.lang,
    today: services.clock.today(),
    stamp: services.clock.nowStamp(),
    user: services.identity.user(),
    dedupe: p.dedupe,
    dateOrder: p.dateOrder,
    defaultCurrency: defaultCurrency(settings),
    allowOverpayment: allowsOverpayment(settings),
    headers: p.headers,
    mapping: p.mapping,
  };
}

function tally(counts: ImportCounts, plan: BatchPlan): ImportCounts {
  const c = { ...counts };
  for (const o of plan.outcomes) {
    if (o.status === 'new') c.created++;
    else if (o.status === 'update') c.updated++;
    else if (o.status === 'skip') c.skipped++;
    else c.rejected++;
  }
  return c;
}

/** The fingerprint of what is being imported: a checkpoint resumes only the very same import. */
function fingerprint(p: PreparedImport): string {
  const text = JSON.stringify([p.headers, p.mapping, p.dedupe, p.dateOrder, p.source.total()]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function errorText(e: unknown, lang: Lang): string | null {
  const text = (e as { text?: Record<Lang, string> } | null)?.text;
  return text && typeof text[lang] === 'string' ? text[lang] : null;
}

export function importPreview(services: ImportServices, request: ImportRequest): ImportPreviewResult {
  const prepared = prepareImport(services, request);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  try {
    const planner = new ImportPlanner(planContext(services, p), new ImportBook(p.target, services.store));
    const from = p.source.first;
    const rows = p.source.rows(from, p.source.total() - from);
    const plan = planner.plan(rows, from + 2);
    return {
      ok: true,
      sourceName: p.source.name,
      headers: p.headers,
      mapping: p.mapping,
      remembered: p.remembered,
      fields: fieldViews(p.target, p.lang),
      rows: plan.outcomes.slice(0, PREVIEW_ROWS).map((o) => previewRow(p.target, o, p.lang)),
      total: p.source.total(),
      counted: rows.length,
      counts: tally(ZERO, plan),
      dedupe: p.dedupe,
      dateOrder: p.dateOrder,
    };
  } catch (e) {
    const text = errorText(e, p.lang);
    if (text !== null) return { ok: false, message: text };
    throw e;
  }
}

export function importRun(services: ImportServices, request: ImportRequest): ImportRunResult {
  const prepared = prepareImport(services, request);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const { store, clock, lock, state, report } = services;
  if (!lock.acquire()) return { ok: false, message: t(p.lang, IMPORT_TEXT.busy) };
  try {
    const total = p.source.total();
    const fp = fingerprint(p);
    const saved = state.checkpoint(p.key);
    const cp: ImportCheckpoint =
      saved && saved.fingerprint === fp
        ? saved
        : { fingerprint: fp, next: 0, total, counts: { ...ZERO }, startedAt: clock.nowStamp() };
    // A file slice that does not start at the checkpoint is not processed: the client resends from `next`.
    if ('file' in (request.source as object) && p.source.first !== cp.next) return progress(p, cp, report.name);
    const ctx = planContext(services, p);
    const planner = new ImportPlanner(ctx, new ImportBook(p.target, store));
    let done = 0;
    while (cp.next < total && done < ROWS_PER_EXECUTION && clock.elapsedMs() < TIME_BUDGET_MS) {
      const rows = p.source.rows(cp.next, Math.min(BATCH_ROWS, total - cp.next));
      if (!rows.length) break;
      const plan = planner.plan(rows, cp.next + 2);
      if (cp.pending && cp.pending.from === cp.next) recoverKilledBatch(services, p, plan, cp.pending);
      // Marks the batch as being written: if this execution dies before the checkpoint moves on, the next one
      // knows which rows this batch had appended (below lastRow: not ours) and whether their audit rows were written.
      cp.pending = { from: cp.next, lastRow: planner.book.lastRow(), auditHash: auditHash(store) };
      state.saveCheckpoint(p.key, cp);
      write(services, p, plan, ctx);
      cp.pending = undefined;
      cp.next += rows.length;
      cp.counts = tally(cp.counts, plan);
      done += rows.length;
      if (cp.next < total) state.saveCheckpoint(p.key, cp);
    }
    if (cp.next >= total) {
      state.clearCheckpoint(p.key);
      state.rememberMapping(p.key, p.mapping);
      if (p.target !== 'interactions') services.refresh();
    }
    return progress(p, cp, report.name);
  } catch (e) {
    const text = errorText(e, p.lang);
    if (text !== null) return { ok: false, message: text };
    throw e;
  } finally {
    lock.release();
  }
}

function auditHash(store: ImportServices['store']): string {
  return store.lastAuditHash ? store.lastAuditHash() : '';
}

/**
 * A batch whose execution was killed after its rows were appended but before the checkpoint moved: on replanning,
 * those rows match what they wrote (sheet row above the batch's starting last row) and would read as skips. They
 * are counted as created, and their creation audit rows are written if the audit log has not moved since.
 */
function recoverKilledBatch(
  services: ImportServices,
  p: PreparedImport,
  plan: BatchPlan,
  pending: NonNullable<ImportCheckpoint['pending']>,
): void {
  const auditWritten = auditHash(services.store) !== pending.auditHash;
  for (const o of plan.outcomes) {
    if (o.status !== 'skip' || !o.matchedRow || o.matchedRow <= pending.lastRow) continue;
    o.status = 'new';
    if (!auditWritten) plan.audit.push(createdRecord(p.target, o.id, o.record ?? {}));
  }
}

function progress(p: PreparedImport, cp: ImportCheckpoint, reportSheet: string): ImportRunResult {
  const total = p.source.total();
  const finished = cp.next >= total;
  const c = cp.counts;
  const params = { ...c, done: cp.next, total };
  let message = t(p.lang, finished ? IMPORT_TEXT.finished : IMPORT_TEXT.progress, params);
  if (c.rejected) message += ` ${t(p.lang, IMPORT_TEXT.seeReport, { sheet: reportSheet })}`;
  return { ok: true, done: finished, next: cp.next, total, counts: { ...c }, message, reportSheet };
}

/** One batch to the sheets: new rows, changed rows, audit, report — one write each. */
function write(services: ImportServices, p: PreparedImport, plan: BatchPlan, ctx: PlanContext): void {
  const { store, clock, identity, report } = services;
  if (plan.creates.length) {
    const rows = store.append(
      p.target,
      plan.creates.map((e) => e.record),
    );
    plan.creates.forEach((e, k) => {
      e.row = rows[k];
    });
  }
  if (plan.updates.length) {
    const fields = [...new Set(plan.updates.flatMap((u) => u.fields))];
    store.update(
      p.target,
      plan.updates.map((u) => ({ row: u.entry.row, record: u.changes })),
      fields as never[],
    );
  }
  if (plan.audit.length) {
    const at = clock.nowStamp();
    const user = identity.user();
    recordAudit(
      store,
      plan.audit.map((d) => ({ ...d, at, user, source: 'import' as const })),
    );
  }
  const lines: ReportLine[] = [];
  for (const o of plan.outcomes) {
    if (o.status !== 'reject') continue;
    for (const e of o.errors) {
      const field = columnOf(p.target, e.field)?.header[p.lang] ?? e.field;
      lines.push({ sourceRow: o.sourceRow, field, message: e.message, value: o.raw[e.field] ?? '' });
    }
  }
  if (lines.length) report.append(ctx.stamp, p.source.name, lines);
}

export { IMPORT_LIMITS };
