// PRODUCT.md §8: every public name is a top-level function of the built dist/Code.js and runs; the add-on menu is
// built under AuthMode NONE, LIMITED and FULL; onInstall builds it too. Sidebar RPC names (src/rpc.ts) are callable.
import { createEnvironment } from '../../emulator/src/index';
import type { Rpc } from '../../src/rpc';
import { type Env, newEnv, OWNER } from './harness';

const PUBLIC = [
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
  'buildReports',
];
// The sidebar's server functions (src/rpc.ts); `satisfies` keeps this list in step with the Rpc type.
const RPC_NAMES = [
  'sidebarStart',
  'customer360',
  'openInvoices',
  'saveCustomer',
  'saveInvoice',
  'savePayment',
  'saveInteraction',
  'setRemindersPaused',
  'reminderPreview',
  'settingsView',
  'saveSettings',
  'reportCards',
  'buildReportsAsOf',
  'backtestRun',
  'approveInvoice',
] as const satisfies ReadonlyArray<keyof Rpc>;
const MENU_ACTIONS = [
  'showSidebar',
  'setupWorkbook',
  'refreshLedger',
  'rescoreCustomers',
  'previewReminders',
  'runRemindersNow',
  'enableDailyReminders',
  'disableDailyReminders',
  'buildReports',
];

function menuFunctions(menu: { items: unknown[] } | null): string[] {
  const out: string[] = [];
  const walk = (items: unknown[]) => {
    for (const it of items as Array<{ functionName?: string; items?: unknown[] }>) {
      if (it.functionName) out.push(it.functionName);
      if (it.items) walk(it.items);
    }
  };
  if (menu) walk(menu.items);
  return out;
}

function loaded(locale = 'zh_CN'): Env {
  const env = createEnvironment({ locale });
  env.loadBuild('dist');
  return env;
}

describe('§8 public names in dist/Code.js', () => {
  test('every public name and every sidebar RPC is a top-level function', () => {
    const fns = loaded().functions();
    for (const name of PUBLIC) expect(fns).toContain(name);
    for (const name of RPC_NAMES) expect(fns).toContain(name);
  });

  test.each(['NONE', 'LIMITED'] as const)('onOpen under %s builds the add-on menu with every menu action', (mode) => {
    const env = loaded();
    const menu = env.openAsUser(OWNER, { authMode: mode });
    expect(env.lastError).toBeFalsy();
    expect(menu).not.toBeNull();
    const fns = menuFunctions(menu);
    for (const name of MENU_ACTIONS) expect(fns).toContain(name);
    // zh_CN locale → Chinese captions
    const captions = JSON.stringify(menu);
    expect(captions).toMatch(/[\u4e00-\u9fff]/);
  });

  test('onOpen under FULL (env.run) builds the menu; en_US locale gets English captions', () => {
    const env = loaded('en_US');
    env.run('onOpen', [{ authMode: 'FULL' }], { authMode: 'FULL', user: OWNER });
    const menu = env.menuFor(OWNER);
    expect(menuFunctions(menu)).toEqual(expect.arrayContaining(MENU_ACTIONS));
    expect(JSON.stringify(menu)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  test('onInstall builds the same menu as onOpen', () => {
    const env = loaded();
    env.install(OWNER);
    expect(env.lastError).toBeFalsy();
    const installed = menuFunctions(env.menuFor(OWNER));
    expect(installed).toEqual(expect.arrayContaining(MENU_ACTIONS));
    const env2 = loaded();
    expect(menuFunctions(env2.openAsUser(OWNER))).toEqual(installed);
  });

  test('every menu action runs from the menu on a set-up workbook without an uncaught error', () => {
    const env = newEnv();
    for (const fn of MENU_ACTIONS) {
      expect(() => env.clickMenu(fn)).not.toThrow();
    }
    const failures = env.executions.filter((x: { error?: unknown }) => x.error);
    expect(failures).toEqual([]);
    // none of them ended in the generic "could not finish" alert
    const texts = env.ui.alerts().map((a: { text?: string }) => a.text ?? '');
    expect(texts.filter((t: string) => /无法完成|could not finish/i.test(t))).toEqual([]);
  });

  test('menu actions before setup fail gracefully with a localized alert, never a stack trace', () => {
    const env = loaded('en_US');
    env.openAsUser(OWNER);
    for (const fn of ['refreshLedger', 'rescoreCustomers', 'previewReminders', 'runRemindersNow']) {
      expect(() => env.clickMenu(fn)).not.toThrow();
    }
    for (const a of env.ui.alerts() as Array<{ text?: string }>) expect(a.text ?? '').not.toMatch(/\bat \w+ \(/);
  });

  test('runDailyReminders runs as a trigger handler and the custom functions run', () => {
    const env = newEnv();
    expect(() => env.run('runDailyReminders', [{}], { kind: 'installable-trigger' })).not.toThrow();
    expect(env.runCustomFunction('CREDIT_GRADE', [700])).toEqual(expect.any(String));
    expect(typeof env.runCustomFunction('CREDIT_SCORE', [1, 0, 0, 0.2, 36, 0])).toBe('number');
    expect(env.runCustomFunction('DAYS_OVERDUE', ['2026-02-20', 100, '2026-03-02'])).toBe(10);
    expect(env.runCustomFunction('AGING_BUCKET', ['2026-02-20', 100, '2026-03-02'])).toEqual(expect.any(String));
  });

  test('sidebar start is one RPC returning the home view', () => {
    const env = newEnv();
    const home = env.callRpc('sidebarStart', []) as { lang: string; customers: unknown[]; problem: string };
    expect(home.lang).toBe('zh-CN');
    expect(Array.isArray(home.customers)).toBe(true);
    expect(home.problem).toBe('');
  });

  test('with fresh globals per execution (as Apps Script runs them) the menu, setup, RPC and trigger work', () => {
    const env = createEnvironment({ freshGlobals: true, now: '2026-03-02T10:00:00+08:00' });
    env.loadBuild('dist');
    expect(env.openAsUser(OWNER, { authMode: 'NONE' })).not.toBeNull();
    expect(env.lastError).toBeFalsy();
    env.openAsUser(OWNER);
    env.clickMenu('setupWorkbook');
    const c = env.callRpc('saveCustomer', [{ values: { name: 'Fresh', type: 'company', email: 'f@example.com' } }]) as {
      ok: boolean;
      id: string;
    };
    expect(c.ok).toBe(true);
    const i = env.callRpc('saveInvoice', [
      { values: { customerId: c.id, issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '5' } },
    ]) as { ok: boolean };
    expect(i.ok).toBe(true);
    expect(env.runCustomFunction('CREDIT_GRADE', [700])).toEqual(expect.any(String));
    env.clickMenu('enableDailyReminders');
    env.advance({ hours: 1 });
    expect(env.executions.filter((x: { error?: unknown }) => x.error)).toEqual([]);
    expect(env.outbox.map((m) => m.to)).toEqual(['f@example.com']);
  });
});
