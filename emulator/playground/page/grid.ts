// A virtualized sheet grid: only the rows in view are in the DOM (one innerHTML per frame), cell data arrives in
// blocks of rows from the server and is cached until the workbook's version changes, so a 50,000-row sheet scrolls
// as smoothly as a 50-row one. Frozen rows and the column letters stay on top; row numbers stay on the left.
import type { CellView, SheetInfo } from '../shared/protocol';
import { api } from './api';
import { ChartLayer } from './charts';
import { esc, tr } from './labels';

const ROW_H = 21;
const HEAD_H = 22;
const NUM_W = 46;
const DEFAULT_W = 100;
const BLOCK = 100;
const OVERSCAN = 20;

export interface CellPos {
  row: number; // 0-based
  col: number; // 0-based
}

export interface GridEvents {
  select(pos: CellPos, view: CellView | undefined): void;
  edit(pos: CellPos, initial: string | null): void;
  toggle(pos: CellPos, checked: boolean): void;
  clear(pos: CellPos): void;
}

export function colLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class Grid {
  sheet: SheetInfo | null = null;
  selected: CellPos = { row: 1, col: 0 };
  private blocks = new Map<number, (CellView | null)[][] | 'loading'>();
  private version = -1;
  private lefts: number[] = [];
  private widths: number[] = [];
  private frame = 0;
  private forceNext = false;
  /** First and last body rows in the page. */
  private shown: [number, number] = [0, -1];
  private readonly head: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly colStyle = document.head.appendChild(document.createElement('style'));
  private charts?: ChartLayer;

  constructor(
    readonly scroller: HTMLElement,
    private readonly events: GridEvents,
  ) {
    scroller.innerHTML = '<div class="g-head"></div><div class="g-spacer"><div class="g-body"></div></div>';
    this.head = scroller.querySelector('.g-head') as HTMLDivElement;
    this.spacer = scroller.querySelector('.g-spacer') as HTMLDivElement;
    this.body = scroller.querySelector('.g-body') as HTMLDivElement;
    scroller.addEventListener('scroll', () => this.schedule(false));
    window.addEventListener('resize', () => this.schedule(false));
    scroller.addEventListener('mousedown', (e) => this.onMouse(e, false));
    scroller.addEventListener('dblclick', (e) => this.onMouse(e, true));
  }

  /** Shows a sheet; keeps the cache when only the version of the same sheet is unchanged. */
  show(sheet: SheetInfo, version: number): void {
    const changed = !this.sheet || this.sheet.id !== sheet.id;
    if (changed || version !== this.version) this.blocks.clear();
    this.sheet = sheet;
    this.version = version;
    this.layout();
    if (changed) {
      this.scroller.scrollTop = 0;
      this.selected = { row: Math.min(sheet.frozenRows, sheet.maxRows - 1), col: 0 };
    }
    this.render();
  }

  viewAt(pos: CellPos): CellView | undefined {
    const block = this.blocks.get(Math.floor(pos.row / BLOCK));
    return (Array.isArray(block) ? block[pos.row % BLOCK]?.[pos.col] : undefined) ?? undefined;
  }

  /** The on-screen box of a cell (for the inline editor), relative to the scroller's content. */
  cellBox(pos: CellPos): { left: number; top: number; width: number; height: number } {
    const frozen = this.sheet?.frozenRows ?? 0;
    const top = pos.row < frozen ? this.scroller.scrollTop + HEAD_H + pos.row * ROW_H : HEAD_H + pos.row * ROW_H;
    return { left: NUM_W + this.lefts[pos.col], top, width: this.widths[pos.col], height: ROW_H };
  }

  move(dr: number, dc: number): void {
    const s = this.sheet;
    if (!s) return;
    const row = Math.max(0, Math.min(s.maxRows - 1, this.selected.row + dr));
    const col = Math.max(0, Math.min(s.maxCols - 1, this.selected.col + dc));
    this.select({ row, col });
    const box = this.cellBox(this.selected);
    const frozenH = HEAD_H + (s.frozenRows ?? 0) * ROW_H;
    if (row >= s.frozenRows) {
      if (box.top - this.scroller.scrollTop < frozenH) this.scroller.scrollTop = box.top - frozenH;
      else if (box.top + ROW_H > this.scroller.scrollTop + this.scroller.clientHeight - 16)
        this.scroller.scrollTop = box.top + ROW_H - this.scroller.clientHeight + 16;
    }
  }

  /** Moves the selection by toggling classes: re-rendering here would swap the cells under a double-click. */
  select(pos: CellPos): void {
    this.selected = pos;
    for (const el of this.scroller.querySelectorAll('.g-sel, .g-hl')) el.classList.remove('g-sel', 'g-hl');
    this.scroller.querySelector(`.g-cell[data-r="${pos.row}"][data-c="${pos.col}"]`)?.classList.add('g-sel');
    this.scroller.querySelector(`.g-letter.gc${pos.col}`)?.classList.add('g-hl');
    this.scroller.querySelector(`.g-num[data-n="${pos.row}"]`)?.classList.add('g-hl');
    this.events.select(pos, this.viewAt(pos));
  }

  private layout(): void {
    const s = this.sheet as SheetInfo;
    this.widths = [];
    this.lefts = [];
    let x = 0;
    for (let c = 0; c < s.maxCols; c++) {
      const w = s.hiddenCols[c] ? 0 : (s.colWidths[c] ?? DEFAULT_W);
      this.lefts.push(x);
      this.widths.push(w);
      x += w;
    }
    // Column widths as classes: one short class per cell instead of an inline style keeps each frame's HTML small.
    this.colStyle.textContent = this.widths.map((w, c) => `.gc${c}{width:${w}px}`).join('');
    const bodyRows = Math.max(0, s.maxRows - s.frozenRows);
    this.spacer.style.height = `${bodyRows * ROW_H}px`;
    this.spacer.style.width = `${NUM_W + x}px`;
    this.head.style.width = `${NUM_W + x}px`;
    // Embedded charts float over the cells, anchored like Sheets (a top-left cell plus pixel offsets).
    this.charts ??= new ChartLayer(this.spacer);
    this.charts.render(s, (row, col) => ({
      left: NUM_W + (this.lefts[col] ?? 0),
      top: (row - s.frozenRows) * ROW_H,
    }));
  }

  /** Renders on the next frame; a scroll inside the rows already in the page renders nothing. */
  private schedule(force: boolean): void {
    this.forceNext = this.forceNext || force;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const force = this.forceNext;
      this.forceNext = false;
      this.render(force);
    });
  }

  render(force = true): void {
    const s = this.sheet;
    if (!s) return;
    const frozen = s.frozenRows;
    const headH = HEAD_H + frozen * ROW_H;
    const first = frozen + Math.max(0, Math.floor(this.scroller.scrollTop / ROW_H) - 2);
    const last = Math.min(s.maxRows - 1, first + Math.ceil((this.scroller.clientHeight - headH) / ROW_H) + 4);
    this.fetchMissing(first, last);
    if (!force && first >= this.shown[0] && last <= this.shown[1]) return;
    let head = `<div class="g-row g-letters" style="height:${HEAD_H}px"><div class="g-num g-corner"></div>`;
    for (let c = 0; c < s.maxCols; c++) {
      if (!this.widths[c]) continue;
      const sel = c === this.selected.col ? ' g-hl' : '';
      head += `<div class="g-letter gc${c}${sel}">${colLetter(c)}</div>`;
    }
    head += '</div>';
    for (let r = 0; r < frozen; r++) head += this.rowHtml(r, null);
    this.head.innerHTML = head;
    // Overscan: rows beyond the view are in the page already, so most scroll frames only move pixels.
    const from = Math.max(frozen, first - OVERSCAN);
    const to = Math.min(s.maxRows - 1, last + OVERSCAN);
    let html = '';
    for (let r = from; r <= to; r++) html += this.rowHtml(r, (r - frozen) * ROW_H);
    this.body.innerHTML = html;
    this.shown = [from, to];
  }

  private rowHtml(r: number, top: number | null): string {
    const s = this.sheet as SheetInfo;
    const block = this.blocks.get(Math.floor(r / BLOCK));
    const cells = Array.isArray(block) ? block[r % BLOCK] : undefined;
    const pos = top === null ? '' : `position:absolute;top:${top}px;`;
    const frozenCls = r < s.frozenRows ? ' g-frozen' : '';
    let html = `<div class="g-row${frozenCls}" style="${pos}height:${ROW_H}px"><div class="g-num${r === this.selected.row ? ' g-hl' : ''}" data-n="${r}">${r + 1}</div>`;
    for (let c = 0; c < s.maxCols; c++) {
      const w = this.widths[c];
      if (!w) continue;
      const v = cells?.[c];
      const sel = r === this.selected.row && c === this.selected.col ? ' g-sel' : '';
      let style = '';
      let cls = `g-cell gc${c}`;
      let inner = '';
      if (v) {
        if (v.bg) style += `background:${esc(v.bg)};`;
        if (v.fc) style += `color:${esc(v.fc)};`;
        if (v.bold) cls += ' g-b';
        if (v.align) style += `text-align:${esc(v.align)};`;
        else if (v.n) cls += ' g-n';
        if (v.check !== undefined)
          inner = `<input type="checkbox" tabindex="-1" data-check="1"${v.check ? ' checked' : ''}>`;
        else inner = esc(v.t);
        if (v.list) cls += ' g-list';
        if (v.note !== undefined) cls += ' g-note';
        if (v.bad !== undefined) cls += ' g-bad';
      }
      const title = v && (v.note !== undefined || v.bad !== undefined) ? ` title="${esc(titleOf(v))}"` : '';
      html += `<div class="${cls}${sel}" data-r="${r}" data-c="${c}"${style ? ` style="${style}"` : ''}${title}>${inner}</div>`;
    }
    return `${html}</div>`;
  }

  private fetchMissing(first: number, last: number): void {
    const s = this.sheet as SheetInfo;
    const needed = new Set<number>([0]);
    for (let b = Math.floor(first / BLOCK); b <= Math.floor(last / BLOCK); b++) needed.add(b);
    for (const b of needed) {
      if (this.blocks.has(b)) continue;
      this.blocks.set(b, 'loading');
      const version = this.version;
      api
        .cells(s.id, b * BLOCK, BLOCK)
        .then((reply) => {
          if (reply.sheetId !== this.sheet?.id || version !== this.version) return;
          this.blocks.set(b, reply.rows);
          this.schedule(true);
          if (Math.floor(this.selected.row / BLOCK) === b)
            this.events.select(this.selected, this.viewAt(this.selected));
        })
        .catch(() => this.blocks.delete(b));
    }
  }

  private onMouse(e: MouseEvent, dbl: boolean): void {
    const target = (e.target as HTMLElement).closest('[data-r]') as HTMLElement | null;
    if (!target) return;
    const pos = { row: Number(target.dataset.r), col: Number(target.dataset.c) };
    if ((e.target as HTMLElement).dataset.check) {
      e.preventDefault();
      this.select(pos);
      this.events.toggle(pos, !this.viewAt(pos)?.check);
      return;
    }
    if (dbl) this.events.edit(pos, null);
    else this.select(pos);
  }
}

function titleOf(v: CellView): string {
  const parts: string[] = [];
  if (v.bad !== undefined) parts.push(tr('invalid') + (v.bad || v.t));
  if (v.note !== undefined) parts.push(v.note);
  return parts.join('\n');
}
