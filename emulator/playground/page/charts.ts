// Draws a sheet's embedded charts over the grid the way Sheets does: anchored at their cell with their pixel offsets,
// 600 × 371 unless the spec sets width/height, Sheets' default palette, title and legend from the spec's options
// ('title', 'legend.position', 'isStacked'). Chart.js (pinned in package.json) draws them; it is bundled into this
// page only, never into the add-on.
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import type { ChartView, SheetInfo } from '../shared/protocol';

Chart.register(...registerables);

/** Google Sheets' default series colours. */
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];
const WIDTH = 600;
const HEIGHT = 371;

function configOf(v: ChartView): ChartConfiguration {
  const stacked = v.options.isStacked === true || v.options.isStacked === 'true';
  const kind = v.type === 'COLUMN' || v.type === 'BAR' ? 'bar' : v.type === 'PIE' ? 'pie' : 'line';
  const legend = String(v.options['legend.position'] ?? 'right');
  return {
    type: kind,
    data: {
      labels: v.labels,
      datasets: v.series.map((s, i) => ({
        label: s.name,
        data: s.values,
        borderColor: PALETTE[i % PALETTE.length],
        backgroundColor: PALETTE[i % PALETTE.length],
        borderWidth: kind === 'line' ? 2 : 0,
        pointRadius: 0,
        tension: 0,
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      indexAxis: v.type === 'BAR' ? 'y' : 'x',
      plugins: {
        title: {
          display: Boolean(v.options.title),
          text: String(v.options.title ?? ''),
          align: 'start',
          color: '#202124',
          font: { size: 15, weight: 'normal' },
        },
        legend: {
          display: legend !== 'none' && v.series.length > 0,
          position: legend === 'bottom' || legend === 'top' || legend === 'left' ? legend : 'right',
          labels: { boxWidth: 12, color: '#3c4043' },
        },
      },
      scales:
        kind === 'pie'
          ? {}
          : {
              x: { stacked, grid: { display: false }, ticks: { color: '#5f6368', maxRotation: 60 } },
              y: { stacked, beginAtZero: true, grid: { color: '#e8eaed' }, ticks: { color: '#5f6368' } },
            },
    },
  };
}

export class ChartLayer {
  private readonly layer: HTMLDivElement;
  private drawn = new Map<number, { key: string; chart: Chart; box: HTMLDivElement }>();

  constructor(container: HTMLElement) {
    this.layer = container.appendChild(document.createElement('div'));
    this.layer.className = 'g-charts';
  }

  /** Draws the sheet's charts; `anchor` maps a 0-based row/column to its pixel box within the scrolled area. */
  render(sheet: SheetInfo, anchor: (row: number, col: number) => { left: number; top: number }): void {
    const views = sheet.charts ?? [];
    const keep = new Set<number>();
    for (const v of views) {
      keep.add(v.id);
      const key = JSON.stringify(v);
      const width = Number(v.options.width) || WIDTH;
      const height = Number(v.options.height) || HEIGHT;
      const at = anchor(v.position[0] - 1, v.position[1] - 1);
      let d = this.drawn.get(v.id);
      if (!d || d.key !== key) {
        d?.chart.destroy();
        d?.box.remove();
        const box = this.layer.appendChild(document.createElement('div'));
        box.className = 'g-chart';
        box.dataset.chartId = String(v.id);
        const canvas = box.appendChild(document.createElement('canvas'));
        canvas.width = width - 16;
        canvas.height = height - 16;
        d = { key, chart: new Chart(canvas, configOf(v)), box };
        this.drawn.set(v.id, d);
      }
      Object.assign(d.box.style, {
        left: `${at.left + v.position[2]}px`,
        top: `${at.top + v.position[3]}px`,
        width: `${width}px`,
        height: `${height}px`,
      });
    }
    for (const [id, d] of this.drawn) {
      if (keep.has(id)) continue;
      d.chart.destroy();
      d.box.remove();
      this.drawn.delete(id);
    }
  }
}
