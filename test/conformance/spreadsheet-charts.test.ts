// Conformance of emulated embedded charts, which the Reports sheet (PRODUCT.md §11) builds and rebuilds. Sources:
// - Class EmbeddedChart, https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
//   ("getChartId() Returns a stable identifier for the chart that is unique across the spreadsheet containing the
//   chart or null if the chart is not in a spreadsheet"; modify() "Returns an EmbeddedChartBuilder that can be used
//   to modify this chart"; the reference's examples build, then sheet.updateChart(chart) / insertChart).
// - Class ContainerInfo, https://developers.google.com/apps-script/reference/spreadsheet/container-info
//   (anchor row/column 1-indexed, offsets in pixels; "Can be updated using the EmbeddedChart.modify() function").
// - Enum ChartType, https://developers.google.com/apps-script/reference/charts/chart-type (Charts.ChartType.LINE…).
// Where the pages are silent the emulator takes the stricter reading, marked [?] in emulator/src/spreadsheet/README.md.

import { Core } from '../../emulator/src/core';
import { createSpreadsheetApp, EmuSpreadsheet } from '../../emulator/src/spreadsheet';
import { ChartType, createCharts } from '../../emulator/src/spreadsheet/chart';

function setup() {
  const core = new Core(Date.parse('2026-03-01T00:00:00Z'));
  const hooks = { getUi: () => ({}), onToast: () => undefined };
  const file = new EmuSpreadsheet(core, { name: 'Ledger', timeZone: 'Asia/Shanghai', locale: 'zh_CN', hooks });
  const app = createSpreadsheetApp(core, () => file, hooks) as any;
  const ss = app.getActiveSpreadsheet();
  return { core, file, sheet: ss.getSheets()[0], Charts: createCharts() };
}

function lineChart(sheet: any, Charts: { ChartType: typeof ChartType }) {
  return sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(sheet.getRange('A1:C25'))
    .setOption('title', 'Invoiced vs collected')
    .setPosition(2, 11, 0, 0)
    .build();
}

describe('EmbeddedChartBuilder and insertChart (reference: EmbeddedChart, "create a new chart")', () => {
  test('a built chart has no id until it is in the sheet; inserting gives it one', () => {
    const { sheet, Charts } = setup();
    const built = lineChart(sheet, Charts);
    expect(built.getChartId()).toBeNull();
    expect(sheet.getCharts()).toEqual([]);
    sheet.insertChart(built);
    const [chart] = sheet.getCharts();
    expect(typeof chart.getChartId()).toBe('number');
    expect(chart.getRanges().map((r: any) => r.getA1Notation())).toEqual(['A1:C25']);
  });

  test('options read back with getOptions().get; an unset option is null', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(lineChart(sheet, Charts));
    const options = sheet.getCharts()[0].getOptions();
    expect(options.get('title')).toBe('Invoiced vs collected');
    expect(options.get('isStacked')).toBeNull();
  });

  test('setPosition(anchorRow, anchorCol, offsetX, offsetY) reads back through getContainerInfo (1-indexed)', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(lineChart(sheet, Charts));
    const info = sheet.getCharts()[0].getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([2, 11, 0, 0]);
  });

  test('Charts.ChartType members name the chart types; an unknown type is refused', () => {
    const { sheet, Charts } = setup();
    expect(Charts.ChartType.COLUMN).toBe('COLUMN');
    expect(Object.keys(ChartType)).toEqual(expect.arrayContaining(['LINE', 'COLUMN', 'BAR', 'PIE', 'AREA']));
    expect(() => sheet.newChart().setChartType('SPIDER')).toThrow();
  });
});

describe('modify() and updateChart (reference: EmbeddedChart "modify an existing chart", ContainerInfo)', () => {
  test('the chart id is stable across updateChart and the chart is not duplicated', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(lineChart(sheet, Charts));
    const before = sheet.getCharts()[0];
    const id = before.getChartId();
    sheet.updateChart(before.modify().setOption('title', '开票额与回款额').build());
    const after = sheet.getCharts();
    expect(after).toHaveLength(1);
    expect(after[0].getChartId()).toBe(id);
    expect(after[0].getOptions().get('title')).toBe('开票额与回款额');
  });

  test('modify() starts from the chart as it is: a position set since (the user moving it) is kept', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(lineChart(sheet, Charts));
    // The user drags the chart: recorded like a script move (the same stored position).
    sheet.updateChart(sheet.getCharts()[0].modify().setPosition(30, 2, 15, 8).build());
    sheet.updateChart(sheet.getCharts()[0].modify().setOption('title', 'Rebuilt').build());
    const info = sheet.getCharts()[0].getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([30, 2, 15, 8]);
  });

  test('a builder changes nothing until updateChart', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(lineChart(sheet, Charts));
    sheet.getCharts()[0].modify().setOption('title', 'draft').build();
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Invoiced vs collected');
  });

  test('inserting a chart built from modify() adds a second chart with a new id', () => {
    const { sheet, Charts } = setup();
    sheet.insertChart(lineChart(sheet, Charts));
    const first = sheet.getCharts()[0];
    sheet.insertChart(first.modify().build());
    const ids = sheet.getCharts().map((c: any) => c.getChartId());
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  test('updateChart of a chart not on the sheet throws [?] (stricter reading); removeChart removes by id', () => {
    const { sheet, Charts } = setup();
    expect(() => sheet.updateChart(lineChart(sheet, Charts))).toThrow();
    sheet.insertChart(lineChart(sheet, Charts));
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });

  test('every builder and chart method is a counted service call', () => {
    const { core, sheet, Charts } = setup();
    core.resetCounts();
    sheet.insertChart(lineChart(sheet, Charts));
    const counts = core.countsByKey();
    expect(counts['SpreadsheetApp.Sheet.newChart']).toBe(1);
    expect(counts['SpreadsheetApp.EmbeddedChartBuilder.setOption']).toBe(1);
    expect(counts['SpreadsheetApp.Sheet.insertChart']).toBe(1);
  });
});
