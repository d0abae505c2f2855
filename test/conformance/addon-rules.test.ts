// Conformance, end to end: the rules the BUILT add-on's setupWorkbook installs are evaluated by the emulator as
// Sheets would — a person typing a bad phone / tax id gets the cell flagged (gas-runtime-notes §2, CUSTOM_FORMULA
// with relative references per row) and overdue invoices / high-risk customers are highlighted (§4).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEnvironment, type Environment } from '../../emulator/src/index';
import { columnOf, findColumn, headerOf, sheetOf } from '../../src/domain/schema';
import { taxIdCheckChar } from '../../src/domain/tax-id';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, 'Code.js')))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
});

function setUp(): Environment {
  const env = createEnvironment().loadBuild(dist);
  env.openAsUser('owner@example.com');
  env.clickMenu('setupWorkbook');
  return env;
}

/** Sheet name and A1 column letter of a role's column, found by header as the add-on lays it out. */
function columnLetterOf(env: Environment, role: 'customers' | 'invoices', key: string) {
  const name = env.spreadsheet.sheets.map((s) => s.name).find((n) => Object.values(sheetOf(role).name).includes(n));
  if (!name) throw new Error(`no ${role} sheet after setup`);
  const header = env.values(name)[0];
  const i = header.findIndex((h) => findColumn(role, h)?.key === key);
  if (i < 0) throw new Error(`no ${key} column (${headerOf(columnOf(role, key)!, 'en')})`);
  return { name, col: String.fromCharCode(65 + i), index: i };
}

test('setup installs phone and tax-id formulas the emulator evaluates per row (typing, not script writes)', () => {
  const env = setUp();
  const phone = columnLetterOf(env, 'customers', 'phone');
  const tax = columnLetterOf(env, 'customers', 'taxId');
  const flagged = (a1: string, v: string) => env.userEdit(phone.name, a1, [[v]]).invalid.length > 0;
  expect(flagged(`${phone.col}7`, '138 0013 8000')).toBe(false);
  expect(flagged(`${phone.col}8`, '12345')).toBe(true);
  const good = `91350100M000100Y4${taxIdCheckChar('91350100M000100Y4')}`;
  expect(flagged(`${tax.col}9`, good)).toBe(false);
  expect(flagged(`${tax.col}9`, `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`)).toBe(true);
});

test('overdue invoice rows are highlighted across the row; the header and settled rows are not', () => {
  const env = setUp();
  const days = columnLetterOf(env, 'invoices', 'daysOverdue');
  const sheet = env.spreadsheet.api().getSheetByName(days.name)!;
  sheet.getRange(`${days.col}2:${days.col}4`).setValues([[0], [15], [3]]);
  const cells = env.conditionalFormats(days.name, { from: 1, count: 10 });
  const rows = [...new Set(cells.map((c) => c.row))];
  expect(rows).toEqual([3, 4]);
  expect(cells.every((c) => typeof c.background === 'string' && c.background.startsWith('#'))).toBe(true);
  expect(cells.filter((c) => c.row === 3).length).toBeGreaterThan(days.index);
});
