// Charts are recorded, not drawn: type, ranges, options and position survive for tests and the playground.

import type { ChartData } from './model';
import type { ApiContext } from './api-context';
import type { EmuRange } from './range';

/** Minimal chart recording: type, ranges, options and position are stored, nothing is drawn. */
export class EmbeddedChartBuilder {
  constructor(
    private readonly ctx: ApiContext,
    private readonly data: ChartData,
  ) {}
  private c(m: string) {
    this.ctx.codec.core.call(`SpreadsheetApp.EmbeddedChartBuilder.${m}`, 'none');
    return this;
  }
  addRange(range: EmuRange) {
    this.c('addRange').data.ranges.push(range.ref());
    return this;
  }
  setChartType(type: unknown) {
    this.c('setChartType').data.type = String(type);
    return this;
  }
  setOption(key: string, value: unknown) {
    this.c('setOption').data.options[key] = value;
    return this;
  }
  setPosition(anchorRow: number, anchorCol: number, offsetX: number, offsetY: number) {
    this.c('setPosition').data.position = [anchorRow, anchorCol, offsetX, offsetY];
    return this;
  }
  build(): EmbeddedChart {
    this.c('build');
    return new EmbeddedChart(this.ctx, JSON.parse(JSON.stringify(this.data)));
  }
}

export class EmbeddedChart {
  constructor(
    private readonly ctx: ApiContext,
    /** @internal */ readonly data: ChartData,
  ) {}
  getChartId() {
    this.ctx.codec.core.call('SpreadsheetApp.EmbeddedChart.getChartId', 'doc-read');
    return this.data.id;
  }
  getRanges() {
    this.ctx.codec.core.call('SpreadsheetApp.EmbeddedChart.getRanges', 'doc-read');
    return this.data.ranges.map((r) => this.ctx.codec.makeRange(r));
  }
  getOptions() {
    this.ctx.codec.core.call('SpreadsheetApp.EmbeddedChart.getOptions', 'doc-read');
    return { get: (k: string) => this.data.options[k] ?? null };
  }
}
