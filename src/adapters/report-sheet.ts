// The Reports sheet (报表) on SpreadsheetApp: found by the sheet id kept in one document property, created when
// missing; its cells written as one block (formats, values, weights: three calls, old rows blanked; formats and
// weights only when they differ from the last build's, by a fingerprint kept in the property); its charts found
// again by the chart ids kept beside it (else by their data ranges) and only touched when their spec changed.
// modify() keeps the chart's position, so a chart the user moved stays where they put it, and an existing chart is
// never inserted twice. The headline cards are kept in the same property for the sidebar.
import type { ReportCards, ReportWriter } from '../app/build-reports';
import { type Lang, LANGS } from '../domain/i18n';
import { type ChartSpec, REPORT_COLUMNS, type ReportSheet } from '../domain/reports/layout';
import { REPORT } from '../domain/reports/report-i18n';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Props = GoogleAppsScript.Properties.Properties;
type Weight = 'bold' | 'normal';
/** Report rows stay far below a new sheet's 1,000 (tables are capped); only a very wide ledger asks for more. */
const SAFE_ROWS = 900;

export const REPORT_PROPERTY = 'customerLedger.reports';

interface ReportProps {
  sheetId?: number;
  /** Rows written last time: a shorter report blanks the rest. */
  rows?: number;
  /** Chart id per spec key, and the spec each was last built from (JSON). */
  charts?: Record<string, { id: number; spec: string }>;
  cards?: ReportCards;
  /** Fingerprint of the number formats and font weights the last build set (rows 1..its written height). */
  look?: string;
}

/** FNV-1a over the formats and weights, with their size: equal fingerprints mean the same cells to format. */
function fingerprint(formats: readonly string[][], weights: readonly Weight[][]): string {
  const text = JSON.stringify([formats, weights.map((w) => w[0] === 'bold')]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${formats.length}:${text.length}:${h.toString(36)}`;
}

export function readReportProps(props: Props | null): ReportProps {
  try {
    const raw = props?.getProperty(REPORT_PROPERTY);
    const parsed = raw ? (JSON.parse(raw) as ReportProps) : {};
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch (_e) {
    return {};
  }
}

/** The sheet and its id: known without a call when it was found by the saved id. */
function findOrCreateSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  saved: ReportProps,
  lang: Lang,
): { sheet: Sheet; id: number } {
  const byId = saved.sheetId !== undefined ? ss.getSheetById(saved.sheetId) : null;
  if (byId) return { sheet: byId, id: saved.sheetId as number };
  const sheet = findByNameOrCreate(ss, lang);
  return { sheet, id: sheet.getSheetId() };
}

function findByNameOrCreate(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, lang: Lang): Sheet {
  // Under the user's language first, then as a colleague with another language may have named it.
  for (const l of [lang, ...LANGS]) {
    const byName = ss.getSheetByName(REPORT.sheetName[l]);
    if (byName) return byName;
  }
  // A new sheet: readable widths once (labels in A, figures in B–I); later builds keep what the user set.
  const sheet = ss.insertSheet(REPORT.sheetName[lang]);
  sheet.setColumnWidth(1, 230);
  sheet.setColumnWidths(2, REPORT_COLUMNS - 1, 110);
  return sheet;
}

function rangesKey(sheet: Sheet, ranges: ReadonlyArray<readonly number[]>): string {
  return ranges.map(([r, c, nr, nc]) => sheet.getRange(r, c, nr, nc).getA1Notation()).join(',');
}

function specKey(spec: ChartSpec): string {
  return JSON.stringify([spec.type, spec.ranges, spec.options]);
}

function applySpec(
  sheet: Sheet,
  b: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  spec: ChartSpec,
  how: 'new' | 'rebind' | 'options',
) {
  let builder = b;
  // A chart of an older layout gets the new type and ranges; its position is only ever set when it is created.
  if (how !== 'options') {
    if (how === 'rebind') builder = builder.clearRanges();
    builder = builder.setChartType(Charts.ChartType[spec.type]);
    for (const [r, c, nr, nc] of spec.ranges) builder = builder.addRange(sheet.getRange(r, c, nr, nc));
  }
  if (how === 'new') builder = builder.setPosition(...spec.position);
  for (const [k, v] of Object.entries(spec.options)) builder = builder.setOption(k, v);
  return builder.build();
}

/**
 * Our charts: by stored id, else (property lost) an existing chart on exactly the spec's ranges. When the sheet holds
 * exactly the charts we recorded and no spec changed, nothing but getCharts is called (the usual daily rebuild: the
 * charts follow their ranges by themselves).
 */
function syncCharts(sheet: Sheet, specs: readonly ChartSpec[], saved: ReportProps): ReportProps['charts'] {
  const existing = sheet.getCharts();
  const savedCharts = saved.charts ?? {};
  const unchanged = specs.every((s) => savedCharts[s.key]?.spec === specKey(s));
  if (unchanged && existing.length === specs.length) return savedCharts;
  const byId = new Map<number, Chart>();
  for (const c of existing) byId.set(c.getChartId() as number, c);
  const out: NonNullable<ReportProps['charts']> = {};
  let byRanges: Map<string, Chart> | undefined;
  for (const spec of specs) {
    const was = savedCharts[spec.key];
    let chart = was ? byId.get(was.id) : undefined;
    if (!chart) {
      byRanges ??= new Map(
        existing.map((c) => [
          c
            .getRanges()
            .map((r) => r.getA1Notation())
            .join(','),
          c,
        ]),
      );
      chart = byRanges.get(rangesKey(sheet, spec.ranges));
    }
    const key = specKey(spec);
    if (chart && was && was.spec === key && byId.has(was.id)) {
      out[spec.key] = was;
      continue;
    }
    if (chart) {
      const same =
        was &&
        JSON.stringify((JSON.parse(was.spec) as unknown[]).slice(0, 2)) === JSON.stringify([spec.type, spec.ranges]);
      sheet.updateChart(applySpec(sheet, chart.modify(), spec, same ? 'options' : 'rebind'));
      out[spec.key] = { id: chart.getChartId() as number, spec: key };
      continue;
    }
    sheet.insertChart(applySpec(sheet, sheet.newChart(), spec, 'new'));
    const charts = sheet.getCharts();
    out[spec.key] = { id: charts[charts.length - 1].getChartId() as number, spec: key };
  }
  return out;
}

export function reportSheetWriter(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, props: Props | null): ReportWriter {
  return {
    write(report: ReportSheet, lang: Lang, cards: ReportCards) {
      const saved = readReportProps(props);
      const { sheet, id: sheetId } = findOrCreateSheet(ss, saved, lang);
      const rows = Math.max(report.values.length, saved.sheetId === sheetId ? (saved.rows ?? 0) : 0);
      const blank = () => new Array<string>(REPORT_COLUMNS).fill('');
      const values = report.values.map((r) => [...r]);
      const formats = report.formats.map((r) => [...r]);
      const weights = report.bold.map((b) => new Array<Weight>(REPORT_COLUMNS).fill(b ? 'bold' : 'normal'));
      while (values.length < rows) {
        values.push(blank());
        formats.push(new Array<string>(REPORT_COLUMNS).fill('@'));
        weights.push(new Array<Weight>(REPORT_COLUMNS).fill('normal'));
      }
      // Formats first: a month such as "2026-05" written into a General cell would become a date.
      if (rows > SAFE_ROWS) {
        const max = sheet.getMaxRows();
        if (rows > max) sheet.insertRowsAfter(max, rows - max);
      }
      const range = sheet.getRange(1, 1, rows, REPORT_COLUMNS);
      // Formats and weights are sent only when they differ from what the last build of this sheet set (the usual
      // daily rebuild has the same layout and only new figures): two calls fewer, as charts are only touched when
      // their spec changed.
      const look = fingerprint(formats, weights);
      if (saved.sheetId === sheetId && saved.look === look) range.setValues(values);
      else range.setNumberFormats(formats).setValues(values).setFontWeights(weights);
      const charts = syncCharts(sheet, report.charts, saved);
      const next: ReportProps = { sheetId, rows: report.values.length, charts, cards, look };
      props?.setProperty(REPORT_PROPERTY, JSON.stringify(next));
      return { sheetName: REPORT.sheetName[lang] };
    },
  };
}
