// What the page needs to draw a sheet's embedded charts the way Sheets does: the recorded spec (type, options,
// position) and the data its ranges hold now. Ranges are joined side by side (Sheets' default merge of several
// ranges: columns); the first column is the domain (x labels), the first row holds the series names.
import type { SheetModel } from '../src/spreadsheet/model';
import type { EmuSpreadsheet } from '../src/spreadsheet/spreadsheet';
import { readDisplayValues, readValues } from '../src/spreadsheet/user-edit';
import type { ChartView } from './shared/protocol';

export function chartViews(ss: EmuSpreadsheet, sheet: SheetModel): ChartView[] {
  if (!sheet.charts.length) return [];
  const values = readValues(ss, sheet.name);
  const display = readDisplayValues(ss, sheet.name);
  return sheet.charts.map((c) => {
    const columns: Array<{ raw: unknown[]; shown: string[] }> = [];
    for (const r of c.ranges) {
      // GridRef rows and columns are 1-based; the value grids are 0-based.
      for (let col = r.col - 1; col < r.col - 1 + r.numCols; col++) {
        const raw: unknown[] = [];
        const shown: string[] = [];
        for (let row = r.row - 1; row < r.row - 1 + r.numRows; row++) {
          raw.push(values[row]?.[col] ?? '');
          shown.push(display[row]?.[col] ?? '');
        }
        columns.push({ raw, shown });
      }
    }
    const [domain, ...rest] = columns;
    const labels = domain ? domain.shown.slice(1) : [];
    const series = rest.map((col) => ({
      name: col.shown[0] ?? '',
      values: col.raw.slice(1).map((v) => (typeof v === 'number' ? v : null)),
    }));
    return {
      id: c.id,
      type: c.type ?? 'LINE',
      options: c.options,
      position: c.position ?? [1, 1, 0, 0],
      labels,
      series,
    };
  });
}
