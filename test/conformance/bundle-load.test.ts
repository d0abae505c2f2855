// Conformance: the real build loads in the bare-V8 realm (ENGINEERING.md "Bare-V8 check") and exposes every public
// entry point of PRODUCT.md §8 as a top-level function; onOpen runs without throwing.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEnvironment } from '../../emulator/src/index';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

/** PRODUCT.md §8: installed triggers and users' formulas refer to these names. */
const PUBLIC_CONTRACT = [
  'onOpen',
  'onInstall',
  'onEdit',
  'showSidebar',
  'setupWorkbook',
  'refreshLedger',
  'rescoreCustomers',
  'previewReminders',
  'runRemindersNow',
  'enableDailyReminders',
  'disableDailyReminders',
  'runDailyReminders',
  'DAYS_OVERDUE',
  'AGING_BUCKET',
  'CREDIT_SCORE',
  'CREDIT_GRADE',
];

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, 'Code.js')))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
});

test('every public entry point is a top-level function of dist/Code.js', () => {
  const env = createEnvironment().loadBuild(dist);
  const fns = env.functions();
  for (const name of PUBLIC_CONTRACT) expect(fns).toContain(name);
  expect(env.evaluate('typeof CustomerLedger')).toBe('object');
});

test('onOpen runs in the bare realm without throwing, as a simple trigger and as a plain run', () => {
  const env = createEnvironment().loadBuild(dist);
  env.openAsUser('owner@example.com');
  expect(env.lastError).toBeNull();
  expect(() =>
    env.run('onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED', kind: 'simple-trigger' }),
  ).not.toThrow();
});

test('the sidebar file from the build is a project HTML file', () => {
  const env = createEnvironment().loadBuild(dist);
  env.loadScript('function probe() { return HtmlService.createHtmlOutputFromFile("Sidebar").getContent().length; }');
  expect(env.run('probe')).toBe(fs.readFileSync(path.join(dist, 'Sidebar.html'), 'utf8').length);
});
