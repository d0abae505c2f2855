// One per-cell property of a sheet (values, number formats, notes, validations…) stored as sparse row arrays.
// Rows are plain arrays so a 50,000 × 30 getValues/setValues stays a tight loop; row/column inserts and deletes
// are array splices, so every property shifts with its cell.

export class Layer<T> {
  /** rows[r][c], 0-based; missing rows/cells are empty. */
  rows: ((T | undefined)[] | undefined)[] = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (row === undefined) {
      if (v === undefined) return;
      while (this.rows.length < r) this.rows.push(undefined);
      row = [];
      this.rows[r] = row;
    }
    if (v === undefined && c >= row.length) return;
    while (row.length < c) row.push(undefined);
    row[c] = v;
  }

  /** Row array for writing, created if missing (callers fill it in place). */
  rowForWrite(r: number): (T | undefined)[] {
    let row = this.rows[r];
    if (row === undefined) {
      while (this.rows.length < r) this.rows.push(undefined);
      row = [];
      this.rows[r] = row;
    }
    return row;
  }

  clearBox(r: number, c: number, nr: number, nc: number): void {
    for (let i = r; i < r + nr && i < this.rows.length; i++) {
      const row = this.rows[i];
      if (!row) continue;
      for (let j = c; j < c + nc && j < row.length; j++) row[j] = undefined;
    }
  }

  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    const blanks = new Array(n).fill(undefined);
    this.rows.splice(at, 0, ...blanks);
  }

  deleteRows(at: number, n: number): void {
    if (at < this.rows.length) this.rows.splice(at, n);
  }

  insertCols(at: number, n: number): void {
    for (const row of this.rows) if (row && at < row.length) row.splice(at, 0, ...new Array(n).fill(undefined));
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.rows) if (row && at < row.length) row.splice(at, n);
  }

  /** Sparse JSON: [[row, col, value], …] (the older snapshot form; `toRows` is what snapshots store now). */
  toJSON(): [number, number, T][] {
    const out: [number, number, T][] = [];
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v !== undefined) out.push([r, c, v]);
      });
    });
    return out;
  }

  static fromJSON<T>(cells: [number, number, T][] | undefined): Layer<T> {
    const l = new Layer<T>();
    for (const [r, c, v] of cells ?? []) l.set(r, c, v);
    return l;
  }

  /**
   * The rows themselves, for JSON.stringify (empty rows and cells become null). No per-cell arrays: a 50,000-row
   * workbook serializes in one pass instead of allocating a triple per cell.
   */
  toRows(): ((T | undefined)[] | undefined)[] {
    return this.rows;
  }

  /** Adopts parsed `toRows()` output IN PLACE (nulls back to undefined): the caller hands over ownership. */
  static fromRows<T>(rows: ((T | null | undefined)[] | null | undefined)[] | undefined): Layer<T> {
    const l = new Layer<T>();
    if (!rows) return l;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row === null || row === undefined) {
        rows[r] = undefined;
        continue;
      }
      for (let c = 0; c < row.length; c++) if (row[c] === null) row[c] = undefined;
    }
    l.rows = rows as ((T | undefined)[] | undefined)[];
    return l;
  }
}
