// The report model as one block of cells (values, number formats, bold rows) and the four embedded charts' specs.
// The headline, the 24-month trend and the grade table come first at fixed rows, so the charts' data ranges never
// move between rebuilds (a rebuild then only rewrites cells: the charts follow their ranges by themselves).
import { columnOf, enumLabel } from '../schema';
import { fill, type Lang, type Text, t } from '../i18n';
import type { Cents } from '../money';
import type { ReportModel } from './build';
import { GRADES, type AgingRow, OTHER_KEY } from './tables';
import { REPORT as R } from './report-i18n';

export const REPORT_COLUMNS = 9;
/** 1-based rows of the fixed part: the trend table's header and the grade table's header. */
export const TREND_HEADER_ROW = 16;
export const GRADE_HEADER_ROW = 43;
export const CHART_COLUMN = REPORT_COLUMNS + 2;

export type Cell = string | number;

export interface ChartSpec {
  /** Stable key the add-on finds its own charts by (with the chart ids it stored). */
  key: 'invoicedCollected' | 'agingMix' | 'dso' | 'grades';
  type: 'LINE' | 'COLUMN';
  /** [row, column, rows, columns], 1-based. */
  ranges: Array<[number, number, number, number]>;
  options: Record<string, string | boolean>;
  position: [number, number, number, number];
}

export interface ReportSheet {
  values: Cell[][];
  formats: string[][];
  bold: boolean[];
  charts: ChartSpec[];
}

const MONEY = '#,##0.00';
const TEXT = '@';

/** Money with its currency sign where the whole column is one currency. */
export function moneyFormat(currency: string): string {
  const sign: Record<string, string> = { CNY: '¥', RMB: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };
  return `[$${sign[currency] ?? `${currency} `}]#,##0.00`;
}

class Grid {
  values: Cell[][] = [];
  formats: string[][] = [];
  bold: boolean[] = [];
  row(cells: Cell[], formats: Array<string | undefined> = [], bold = false): void {
    const v: Cell[] = [];
    const f: string[] = [];
    for (let i = 0; i < REPORT_COLUMNS; i++) {
      v.push(cells[i] ?? '');
      f.push(formats[i] ?? (typeof cells[i] === 'number' ? MONEY : TEXT));
    }
    this.values.push(v);
    this.formats.push(f);
    this.bold.push(bold);
  }
  blank(): void {
    this.row([]);
  }
  /** Pads with blank rows up to (not including) the 1-based `row`. */
  padTo(row: number): void {
    while (this.values.length < row - 1) this.blank();
  }
}

const money = (c: Cents) => c / 100;

export function layoutReport(m: ReportModel, lang: Lang, zone: string, stamp: string, today: string): ReportSheet {
  const g = new Grid();
  const tx = (x: Text, p?: Record<string, string | number>) => t(lang, x, p);
  const none = tx(R.noFigure);
  const h = m.headline;
  const cur = moneyFormat(h.currency);
  g.row([tx(R.title)], [], true);
  g.row([tx(R.subtitle, { asOf: m.asOf, zone, stamp })]);
  g.row(m.asOf < today ? [tx(R.pastDay, { asOf: m.asOf })] : []);
  g.row([tx(R.headline, { currency: h.currency })], [], true);
  g.row([tx(R.metric), tx(R.value), tx(R.method)], [], true);
  const num = (x: number | null, format: string) => (x === null ? [none, TEXT] : [x, format]) as [Cell, string];
  const metric = (label: Text, how: Text, [v, f]: [Cell, string]) => g.row([tx(label), v, tx(how)], [TEXT, f, TEXT]);
  metric(R.outstanding, R.outstandingHow, [money(h.outstanding), cur]);
  metric(R.overdue, R.overdueHow, [money(h.overdue), cur]);
  metric(R.overduePct, R.overduePctHow, num(h.overduePercent === null ? null : h.overduePercent / 100, '0.0%'));
  metric(R.dsoSimple, R.dsoSimpleHow, num(h.dsoSimple, '0.0'));
  metric(R.dsoCountback, R.dsoCountbackHow, num(h.dsoCountback, '0.0'));
  metric(R.cei, R.ceiHow, num(h.cei === null ? null : h.cei / 100, '0.0%'));
  metric(R.writeOff, R.writeOffHow, num(h.writeOffRate === null ? null : h.writeOffRate / 100, '0.00%'));
  metric(R.expected, R.expectedHow, [money(h.expectedNext4Weeks), cur]);

  g.padTo(TREND_HEADER_ROW - 1);
  g.row([tx(R.trend, { currency: h.currency })], [], true);
  const buckets = [R.current, R.b1, R.b2, R.b3, R.b4].map((b) => tx(b));
  g.row([tx(R.month), tx(R.invoiced), tx(R.collected), ...buckets, tx(R.dso)], [], true);
  m.trend.months.forEach((month, i) => {
    const dso = m.trend.dso[i];
    g.row(
      [month, money(m.trend.invoiced[i]), money(m.trend.collected[i]), ...m.trend.aging[i].map(money), dso ?? ''],
      [TEXT, cur, cur, cur, cur, cur, cur, cur, '0.0'],
    );
  });

  g.padTo(GRADE_HEADER_ROW - 1);
  g.row([tx(R.grades)], [], true);
  g.row([tx(R.grade), tx(R.customers)], [], true);
  GRADES.forEach((grade, i) => {
    g.row([grade === 'NR' ? tx(R.notRated) : grade, m.grades[i]], [TEXT, '0']);
  });
  g.blank();

  const agingHeader = (first: Text) => [tx(first), tx(R.currency), ...buckets, tx(R.total), tx(R.overdueCol)];
  const agingRows = (rows: readonly AgingRow[], label: (k: string) => string) => {
    if (!rows.length) g.row([tx(R.none)]);
    for (const r of rows) g.row([label(r.key), r.currency, ...r.buckets.map(money), money(r.total), money(r.overdue)]);
  };
  g.row([tx(R.agingCurrency)], [], true);
  g.row(agingHeader(R.scope), [], true);
  agingRows(m.agingByCurrency, () => tx(R.allCustomers));
  const segment = columnOf('customers', 'segment');
  const dims = [
    ['manager', R.agingManager, R.manager],
    ['segment', R.agingSegment, R.segment],
    ['industry', R.agingIndustry, R.industry],
    ['region', R.agingRegion, R.region],
  ] as const;
  for (const [d, title, col] of dims) {
    g.blank();
    g.row([tx(title)], [], true);
    g.row(agingHeader(col), [], true);
    agingRows(m.agingBy[d], (k) => {
      if (k === OTHER_KEY) return tx(R.other);
      if (!k) return tx(R.unassigned);
      return d === 'segment' && segment ? enumLabel(segment, k, lang) : k;
    });
  }

  g.blank();
  g.row([tx(R.top)], [], true);
  g.row(
    [
      tx(R.customerId),
      tx(R.customerName),
      tx(R.currency),
      tx(R.overdueCol),
      tx(R.outstanding),
      tx(R.oldest),
      tx(R.grade),
    ],
    [],
    true,
  );
  if (!m.topOverdue.length) g.row([tx(R.none)]);
  for (const c of m.topOverdue) {
    const grade = c.grade === 'NR' ? tx(R.notRated) : c.grade;
    g.row(
      [c.id, c.name, c.currency, money(c.overdue), money(c.outstanding), c.oldestDays, grade],
      [TEXT, TEXT, TEXT, MONEY, MONEY, '0', TEXT],
    );
  }

  g.blank();
  g.row([tx(R.satisfaction)], [], true);
  g.row([tx(R.month), tx(R.average), tx(R.responses)], [], true);
  for (const s of m.satisfaction) g.row([s.month, s.average ?? none, s.responses], [TEXT, '0.0', '0']);

  g.blank();
  g.row([tx(R.forecast)], [], true);
  g.row([tx(R.currency), tx(R.week), tx(R.from), tx(R.to), tx(R.invoices), tx(R.amount)], [], true);
  if (!m.forecast.length) g.row([tx(R.none)]);
  for (const f of m.forecast) {
    const week = f.week === 0 ? tx(R.disputed) : f.week === 5 ? tx(R.later) : tx(R.weekN, { n: f.week });
    g.row([f.currency, week, f.from, f.to, f.invoices, money(f.amount)], [TEXT, TEXT, TEXT, TEXT, '0', MONEY]);
  }

  g.blank();
  const e = m.excluded;
  const total = e.unreadable + e.unknownCustomer + e.unknownInvoice + e.duplicateId;
  g.row([
    total
      ? fill(R.footnote[lang], {
          total,
          unreadable: e.unreadable,
          unknown: e.unknownCustomer + e.unknownInvoice,
          duplicate: e.duplicateId,
        })
      : tx(R.footnoteNone),
  ]);
  return { values: g.values, formats: g.formats, bold: g.bold, charts: chartSpecs(lang) };
}

export function chartSpecs(lang: Lang): ChartSpec[] {
  const top = TREND_HEADER_ROW;
  const n = 25;
  const at = (i: number): [number, number, number, number] => [1 + i * 20, CHART_COLUMN, 0, 0];
  const base = (title: Text) => ({ title: t(lang, title), 'legend.position': 'bottom' });
  return [
    {
      key: 'invoicedCollected',
      type: 'LINE',
      ranges: [[top, 1, n, 3]],
      options: base(R.chartInvoiced),
      position: at(0),
    },
    {
      key: 'agingMix',
      type: 'COLUMN',
      ranges: [
        [top, 1, n, 1],
        [top, 4, n, 5],
      ],
      options: { ...base(R.chartAging), isStacked: true },
      position: at(1),
    },
    {
      key: 'dso',
      type: 'LINE',
      ranges: [
        [top, 1, n, 1],
        [top, 9, n, 1],
      ],
      options: base(R.chartDso),
      position: at(2),
    },
    {
      key: 'grades',
      type: 'COLUMN',
      ranges: [[GRADE_HEADER_ROW, 1, 11, 2]],
      options: base(R.chartGrades),
      position: at(3),
    },
  ];
}
