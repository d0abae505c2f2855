// The playground's server side without a browser: the workbook file (atomic saves, restore, --fresh), the replay
// of menu runs that need a dialog answered, and the token every mutating request must carry. A tiny hand-written
// "build" keeps these tests independent of the add-on's progress.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseFlags } from '../../emulator/playground/cli';
import { defaultStore, startPlayground } from '../../emulator/playground/server';
import { Session } from '../../emulator/playground/session';

const CODE = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Ask', 'askThenWrite').addItem('Info', 'inform')
    .addItem('Sidebar', 'openSidebar').addToUi();
}
function sheet_() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1'); }
function askThenWrite() {
  var ui = SpreadsheetApp.getUi();
  sheet_().getRange('A1').setValue('started');
  var r = ui.prompt('Name?', ui.ButtonSet.OK_CANCEL);
  if (r.getSelectedButton() == ui.Button.OK) sheet_().getRange('B1').setValue(r.getResponseText());
  var sure = ui.alert('Really?', ui.ButtonSet.YES_NO);
  sheet_().getRange('C1').setValue(sure == ui.Button.YES ? 'yes' : 'no');
}
function inform() { SpreadsheetApp.getUi().alert('Done'); sheet_().getRange('D1').setValue('informed'); }
function openSidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<html><head></head><body>hi</body></html>')); }
function echo(x) { return { got: x }; }
`;

const ROOT = path.resolve(__dirname, '../..');
let root: string;
const store = () => path.join(root, 'pg', 'workbook.json');
const distDir = () => path.join(root, 'dist');
const open = (fresh = false) => {
  const s = new Session({
    root: ROOT,
    distDir: distDir(),
    storeFile: store(),
    fresh,
    size: 30,
    seed: 3,
    now: Date.parse('2026-05-04T09:00:00+08:00'),
  });
  s.start();
  return s;
};
const cell = (s: Session, a1: string) => s.env.spreadsheet.api().getSheetByName('Sheet1')?.getRange(a1).getValue();

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-session-'));
  fs.mkdirSync(path.join(root, 'dist'));
  fs.writeFileSync(path.join(root, 'dist', 'Code.js'), CODE);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('start-up', () => {
  test('a busy port is reported at once, with the --port hint, before any workbook is generated', async () => {
    const first = await startPlayground({
      root: ROOT,
      distDir: distDir(),
      storeFile: path.join(root, 'a.json'),
      port: 0,
      size: 30,
    });
    const file = path.join(root, 'busy.json');
    try {
      await expect(
        startPlayground({ root: ROOT, distDir: distDir(), storeFile: file, port: first.port, size: 30 }),
      ).rejects.toThrow(new RegExp(`port ${first.port} .*already in use.*--port ${first.port + 1}`));
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await first.close();
    }
  });

  test('each locale keeps its own workbook file unless --store names one', () => {
    expect(defaultStore(undefined)).toBe(path.join('.playground', 'workbook.json'));
    expect(defaultStore('zh_CN')).toBe(path.join('.playground', 'workbook.json'));
    expect(defaultStore('en_US')).toBe(path.join('.playground', 'workbook-en_US.json'));
  });
});

describe('workbook file', () => {
  test('is created on first start, saved after a change, restored on restart, recreated with --fresh', () => {
    const s = open(true);
    expect(fs.existsSync(store())).toBe(true);
    const sheet1 = s.env.spreadsheet.sheetByName('Sheet1') as { id: number };
    expect(s.edit(sheet1.id, 4, 1, 'typed by hand').ok).toBe(true);
    s.flush();
    expect(fs.readdirSync(path.dirname(store()))).toEqual(['workbook.json']); // no temp file left behind
    expect(JSON.parse(fs.readFileSync(store(), 'utf8')).spreadsheet.sheets.length).toBeGreaterThan(1);
    expect(cell(open(), 'B5')).toBe('typed by hand');
    expect(cell(open(true), 'B5')).toBe('');
  });

  test('an unreadable file is moved aside and a fresh demo is created', () => {
    open(true);
    fs.writeFileSync(store(), '{"version":1, trunc');
    const s = open();
    expect(s.env.spreadsheet.sheets.length).toBeGreaterThan(1);
    expect(fs.readdirSync(path.dirname(store())).some((f) => f.startsWith('workbook.json.corrupt-'))).toBe(true);
  });
});

describe('menu runs with dialogs', () => {
  test('a prompt stops the run, nothing is kept, and the replay with the answers does the work', () => {
    const s = open(true);
    const first = s.runMenu('askThenWrite', []);
    expect(first.pending).toMatchObject({ type: 'prompt', text: 'Name?', buttons: 'OK_CANCEL', index: 0, prior: [] });
    expect(cell(s, 'A1')).toBe(''); // the write before the prompt was rolled back
    const second = s.runMenu('askThenWrite', [{ button: 'OK', text: 'Ada' }]);
    expect(second.pending).toMatchObject({ type: 'alert', text: 'Really?', buttons: 'YES_NO', index: 1 });
    expect(second.pending?.prior).toEqual([{ button: 'OK', text: 'Ada' }]);
    const done = s.runMenu('askThenWrite', [
      { button: 'OK', text: 'Ada' },
      { button: 'NO', text: '' },
    ]);
    expect(done.pending).toBeUndefined();
    expect([cell(s, 'A1'), cell(s, 'B1'), cell(s, 'C1')]).toEqual(['started', 'Ada', 'no']);
  });

  test('a lone-OK alert needs no decision: the run completes and the alert is reported', () => {
    const s = open(true);
    const r = s.runMenu('inform', []);
    expect(r.pending).toBeUndefined();
    expect(r.dialogs).toEqual([expect.objectContaining({ type: 'alert', text: 'Done', buttons: 'OK' })]);
    expect(cell(s, 'D1')).toBe('informed');
  });
});

describe('http server', () => {
  test('serves the page, refuses mutations without the token, and bridges the sidebar to the server code', async () => {
    const pg = await startPlayground({
      root: ROOT,
      distDir: distDir(),
      storeFile: store(),
      fresh: true,
      size: 30,
      port: 0,
    });
    try {
      const html = await (await fetch(pg.url)).text();
      const token = /name="playground-token" content="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
      expect(token).toMatch(/^[0-9a-f]{32}$/);
      const post = (p: string, body: unknown, t = token) =>
        fetch(pg.url + p.slice(1), {
          method: 'POST',
          headers: { 'X-Playground-Token': t },
          body: JSON.stringify(body),
        });
      expect((await post('/api/run', { functionName: 'inform' }, 'wrong')).status).toBe(403);
      expect(pg.session.env.executions.some((x) => x.functionName === 'inform')).toBe(false);
      expect(await (await post('/api/run', { functionName: 'openSidebar', answers: [] })).json()).toMatchObject({
        ok: true,
        sidebarShown: true,
      });
      const sidebar = await (await fetch(`${pg.url}sidebar/0`)).text();
      expect(sidebar.indexOf('google')).toBeLessThan(sidebar.indexOf('<body>'));
      expect(sidebar).toContain('"echo"');
      expect(await (await post('/api/rpc', { fn: 'echo', args: [{ a: 1 }] })).json()).toEqual({
        ok: true,
        value: { got: { a: 1 } },
      });
      expect(await (await post('/api/rpc', { fn: 'sheet_', args: [] })).json()).toMatchObject({
        ok: false,
        name: 'TypeError',
      });
      expect((await fetch(`${pg.url}favicon.ico`)).status).toBe(204);
    } finally {
      await pg.close();
    }
  });
});

describe('npm start flags', () => {
  test('parse --fresh, --size, --port in both spellings; --size implies a fresh workbook', () => {
    expect(parseFlags([])).toEqual({ fresh: false, port: 8080 });
    expect(parseFlags(['--', '--port', '9000', '--fresh'])).toMatchObject({ port: 9000, fresh: true });
    expect(parseFlags(['--size=50000'])).toMatchObject({ size: 50000, fresh: true });
    expect(() => parseFlags(['--port', 'abc'])).toThrow(/whole number/);
    expect(() => parseFlags(['--bogus'])).toThrow(/unknown option/);
  });
});
