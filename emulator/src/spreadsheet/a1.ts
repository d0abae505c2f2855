// A1 / R1C1 notation: parsing into 1-based grid boxes and printing back. Sheets accepts open-ended forms
// ('B1:B', 'A2:2', 'B:B', '2:2') but not a bare column letter ('B' → `Range not found`, gas-runtime-notes §1).

/** A parsed reference; open ends are resolved against the sheet's grid by `resolveBox`. */
export interface A1Ref {
  sheetName: string | null;
  row: number | null; // null = open (whole column)
  col: number | null; // null = open (whole row)
  endRow: number | null;
  endCol: number | null;
  /** True when the text had an end part or was an open-ended form. */
  isRange: boolean;
}

export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL_ONLY = /^\$?([A-Za-z]{1,3})$/;
const ROW_ONLY = /^\$?(\d+)$/;
const R1C1 = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i;

/** Splits 'Sheet!A1' / "'My sheet'!A1" into sheet name and the rest. */
export function splitSheet(text: string): { sheetName: string | null; rest: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, rest: text };
  let name = text.slice(0, bang);
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, rest: text.slice(bang + 1) };
}

interface Part {
  row: number | null;
  col: number | null;
}

function parsePart(p: string): Part | null {
  let m = CELL.exec(p);
  if (m) return { col: columnNumber(m[1]), row: +m[2] };
  m = COL_ONLY.exec(p);
  if (m) return { col: columnNumber(m[1]), row: null };
  m = ROW_ONLY.exec(p);
  if (m) return { col: null, row: +m[1] };
  return null;
}

/** Parses A1 (or 'R1C1' / 'R1C1:R2C2') notation; null when Sheets would answer `Range not found`. */
export function parseA1(text: string): A1Ref | null {
  const { sheetName, rest } = splitSheet(text.trim());
  const r1 = R1C1.exec(rest);
  if (r1) {
    const end = r1[3] !== undefined;
    return {
      sheetName,
      row: +r1[1],
      col: +r1[2],
      endRow: end ? +r1[3] : +r1[1],
      endCol: end ? +r1[4] : +r1[2],
      isRange: end,
    };
  }
  const pieces = rest.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.row === null || a.col === null) return null; // bare 'B' or '2'
    return { sheetName, row: a.row, col: a.col, endRow: a.row, endCol: a.col, isRange: false };
  }
  const b = parsePart(pieces[1]);
  if (!b) return null;
  // A whole-column start ('B:B') must pair with a column; a whole-row start ('2:2') with a row.
  if (a.row === null && b.col === null) return null;
  if (a.col === null && b.row === null) return null;
  return { sheetName, row: a.row, col: a.col, endRow: b.row, endCol: b.col, isRange: true };
}

/** Resolves open ends against the grid and orders the corners (Sheets accepts 'B2:A1'). */
export function resolveBox(ref: A1Ref, maxRows: number, maxCols: number): Box {
  const r1 = ref.row ?? 1;
  const c1 = ref.col ?? 1;
  const r2 = ref.endRow ?? maxRows;
  const c2 = ref.endCol ?? maxCols;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return { row: top, col: left, numRows: Math.max(r1, r2) - top + 1, numCols: Math.max(c1, c2) - left + 1 };
}

export function cellA1(row: number, col: number): string {
  return columnLetters(col) + row;
}

export function boxA1(b: Box): string {
  const start = cellA1(b.row, b.col);
  if (b.numRows === 1 && b.numCols === 1) return start;
  return `${start}:${cellA1(b.row + b.numRows - 1, b.col + b.numCols - 1)}`;
}

/** Quotes a sheet name for use in 'Sheet!A1' when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
