// Conformance: Ui, HtmlService and google.script.run (gas-runtime-notes §7; §11 menus).
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function onOpen() { SpreadsheetApp.getUi().createMenu('ignored').addItem('Open', 'openSidebar').addSeparator()
  .addSubMenu(SpreadsheetApp.getUi().createMenu('More').addItem('Ask', 'ask')).addToUi(); }
function openSidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('客户台账')); }
function ask() { var ui = SpreadsheetApp.getUi(); var b = ui.alert('Delete?', 'Really delete?', ui.ButtonSet.YES_NO);
  var p = ui.prompt('Name?'); return [b === ui.Button.YES, p.getSelectedButton() == ui.Button.OK, p.getResponseText(), ui.alert('done')]; }
function missing() { HtmlService.createHtmlOutputFromFile('Nope'); }
function templ() { var t = HtmlService.createTemplate('<p><?= name ?></p><?!= raw ?><? for (var i = 0; i < 2; i++) { ?>.<? } ?>'); t.name = '<b>'; t.raw = '<i>x</i>'; return t.evaluate().getContent(); }
function out() { var o = HtmlService.createHtmlOutput('a').append('b').setWidth(400).setHeight(200).setTitle('T'); return [o.getContent(), o.getWidth(), o.getHeight(), o.getTitle()]; }
function echo(x) { return { got: x, when: new Date(), list: [1, undefined, new Date()], fn: function () {} }; }
function secret_() { return 1; }
`;

test('the add-on menu is recorded (caption ignored), with sub-menus; a click runs the item FULL (§11)', () => {
  const env = createEnvironment();
  env.loadScript(SCRIPT, { Sidebar: '<div>hi</div>' });
  const menu = env.openAsUser();
  expect(menu).toEqual({
    caption: 'ignored',
    addon: true,
    items: [
      { caption: 'Open', functionName: 'openSidebar' },
      { caption: '', separator: true },
      { caption: 'More', items: [{ caption: 'Ask', functionName: 'ask' }] },
    ],
  });
  env.clickMenu('Open');
  expect(env.ui.sidebars()).toEqual([
    expect.objectContaining({ title: '客户台账', html: '<div>hi</div>', width: 300 }),
  ]);
  expect(env.executions.at(-1)).toMatchObject({ functionName: 'openSidebar', kind: 'menu', authMode: 'FULL' });
});

test('alerts and prompts take scripted answers; defaults are the first button (§7)', () => {
  const env = createEnvironment().loadScript(SCRIPT, { Sidebar: '' });
  env.openAsUser();
  env.ui.answer('NO');
  env.ui.answer({ button: 'OK', text: '张三' });
  expect(env.clickMenu('ask')).toEqual([false, true, '张三', 'OK']);
  expect(env.ui.alerts().map((a) => [a.type, a.title, a.text, a.buttons])).toEqual([
    ['alert', 'Delete?', 'Really delete?', 'YES_NO'],
    ['prompt', '', 'Name?', 'OK'],
    ['alert', '', 'done', 'OK'],
  ]);
});

test('sidebars and alerts need FULL: not from a LIMITED simple trigger (§5, §7)', () => {
  const env = createEnvironment().loadScript(SCRIPT, { Sidebar: '' });
  expect(() => env.run('openSidebar', [], { authMode: 'LIMITED' })).toThrow(
    'You do not have permission to call Ui.showSidebar. Required permissions:',
  );
});

test('HtmlService: missing file text, templates, HtmlOutput setters (§7)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.run('missing')).toThrow('No HTML file named Nope was found.');
  expect(env.run('templ')).toBe('<p>&lt;b&gt;</p><i>x</i>..');
  expect(env.run('out')).toEqual(['ab', 400, 200, 'T']);
});

test('google.script.run: Date/Function arguments fail on the client; Dates in results arrive as null (§7)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.callRpc('echo', [{ due: new Date() }])).toThrow(
    new TypeError('Failed due to illegal value in property: due'),
  );
  expect(() => env.callRpc('echo', [new Date()])).toThrow('Failed due to illegal value in property: 0');
  expect(() => env.callRpc('echo', [() => 1])).toThrow(TypeError);
  expect(env.callRpc('echo', [{ a: [1, 'x'] }])).toEqual({ got: { a: [1, 'x'] }, when: null, list: [1, null, null] });
  expect(() => env.callRpc('secret_')).toThrow('google.script.run.secret_ is not a function');
  expect(env.executions.at(-1)).toMatchObject({ kind: 'rpc', authMode: 'FULL' });
});
