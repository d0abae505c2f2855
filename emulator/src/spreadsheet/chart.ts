// Embedded charts are recorded, not drawn: type, ranges, options and position survive for tests and the playground
// (which renders them). Behaviour follows the reference pages (see README "Charts"): a builder from newChart() or
// EmbeddedChart.modify() copies state and changes nothing until insertChart / updateChart; getChartId is null until
// the chart is in the sheet and stays the same across updateChart; modify() starts from the chart's current state,
// so a position the user gave the chart is kept unless the script calls setPosition.

import type { ApiContext } from './api-context';
import type { ChartData } from './model';
import type { EmuRange } from './range';

/** Charts.ChartType (https://developers.google.com/apps-script/reference/charts/chart-type): members are their names. */
export const ChartType = Object.freeze(
  Object.fromEntries(
    [
      'AREA',
      'BAR',
      'BUBBLE',
      'CANDLESTICK',
      'COLUMN',
      'COMBO',
      'GAUGE',
      'GEO',
      'HISTOGRAM',
      'RADAR',
      'LINE',
      'ORG',
      'PIE',
      'SCATTER',
      'SPARKLINE',
      'STEPPED_AREA',
      'TABLE',
      'TIMELINE',
      'TREEMAP',
      'WATERFALL',
    ].map((n) => [n, n]),
  ),
);

/** The `Charts` global, as far as embedded charts need it (the enum only; no standalone chart images). */
export function createCharts(): { ChartType: typeof ChartType } {
  return { ChartType };
}

function copy(d: ChartData): ChartData {
  return JSON.parse(JSON.stringify(d)) as ChartData;
}

export class EmbeddedChartBuilder {
  private readonly data: ChartData;
  constructor(
    private readonly ctx: ApiContext,
    data: ChartData,
  ) {
    this.data = copy(data);
  }
  private c(m: string) {
    this.ctx.codec.core.call(`SpreadsheetApp.EmbeddedChartBuilder.${m}`, 'none');
    return this;
  }
  addRange(range: EmuRange) {
    this.c('addRange').data.ranges.push(range.ref());
    return this;
  }
  removeRange(range: EmuRange) {
    const r = range.ref();
    this.c('removeRange').data.ranges = this.data.ranges.filter((x) => JSON.stringify(x) !== JSON.stringify(r));
    return this;
  }
  clearRanges() {
    this.c('clearRanges').data.ranges = [];
    return this;
  }
  getRanges() {
    this.c('getRanges');
    return this.data.ranges.map((r) => this.ctx.codec.makeRange(r));
  }
  setChartType(type: unknown) {
    const t = String(type);
    if (!(t in ChartType)) throw this.ctx.codec.core.error(`Invalid argument: type`);
    this.c('setChartType').data.type = t;
    return this;
  }
  getChartType() {
    this.c('getChartType');
    return this.data.type;
  }
  setOption(key: string, value: unknown) {
    this.c('setOption').data.options[String(key)] = value;
    return this;
  }
  setPosition(anchorRow: number, anchorCol: number, offsetX: number, offsetY: number) {
    this.c('setPosition').data.position = [anchorRow, anchorCol, offsetX, offsetY];
    return this;
  }
  build(): EmbeddedChart {
    this.c('build');
    return new EmbeddedChart(this.ctx, copy(this.data));
  }
}

export class EmbeddedChart {
  constructor(
    private readonly ctx: ApiContext,
    /** @internal */ readonly data: ChartData,
  ) {}
  private g(m: string) {
    this.ctx.codec.core.call(`SpreadsheetApp.EmbeddedChart.${m}`, 'doc-read');
  }
  /** Null until the chart is inserted into a sheet (the reference: "or null if the chart is not in a spreadsheet"). */
  getChartId(): number | null {
    this.g('getChartId');
    return this.data.id > 0 ? this.data.id : null;
  }
  getRanges() {
    this.g('getRanges');
    return this.data.ranges.map((r) => this.ctx.codec.makeRange(r));
  }
  getOptions() {
    this.g('getOptions');
    const options = { ...this.data.options };
    return { get: (k: string) => (k in options ? options[k] : null) };
  }
  /** Where the chart sits; a chart inserted without setPosition is anchored at A1 [?]. */
  getContainerInfo() {
    this.g('getContainerInfo');
    const [row, col, x, y] = this.data.position ?? [1, 1, 0, 0];
    return { getAnchorRow: () => row, getAnchorColumn: () => col, getOffsetX: () => x, getOffsetY: () => y };
  }
  modify(): EmbeddedChartBuilder {
    this.g('modify');
    return new EmbeddedChartBuilder(this.ctx, this.data);
  }
}
