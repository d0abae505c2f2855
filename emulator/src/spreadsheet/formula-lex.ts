// Formula text to tokens: references (with an optional sheet prefix), numbers, strings, function names, booleans and
// operators including `{ } ;` of array literals. Text outside this grammar is Unsupported (formula.ts).

import { splitSheet } from './a1';
import { Unsupported } from './formula-values';

const TOKEN =
  /\s*(?:('(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\w(])|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"]|"")*")|([A-Za-z_][\w.]*)\s*\(|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/&=<>(),%^:{};]))/iy;

export interface Tok {
  kind: 'ref' | 'num' | 'str' | 'fn' | 'bool' | 'op';
  text: string;
  sheet?: string | null;
}

export function lex(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new Unsupported(src);
    pos = TOKEN.lastIndex;
    if (m[2]) out.push({ kind: 'ref', text: m[2], sheet: m[1] ? splitSheet(`${m[1]}A1`).sheetName : null });
    else if (m[3]) out.push({ kind: 'num', text: m[3] });
    else if (m[4]) out.push({ kind: 'str', text: m[4].slice(1, -1).replace(/""/g, '"') });
    else if (m[5]) out.push({ kind: 'fn', text: m[5].toUpperCase() });
    else if (m[6]) out.push({ kind: 'bool', text: m[6].toUpperCase() });
    else out.push({ kind: 'op', text: m[7] });
  }
  return out;
}
