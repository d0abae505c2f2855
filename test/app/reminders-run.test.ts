import { enableDailyReminders, disableDailyReminders, isStaleTrigger } from '../../src/app/reminder-admin';
import { previewReminders, reminderStatus } from '../../src/app/reminder-preview';
import { type RunDeps, runReminders } from '../../src/app/reminder-run';
import { addDays } from '../../src/domain/day';
import type { Customer, Invoice } from '../../src/domain/records';
import {
  Budget,
  BudgetStore,
  customer,
  FakeClock,
  FakeIdentity,
  FakeLock,
  FakeMailer,
  FakeStateStore,
  FakeTriggers,
  invoice,
  Killed,
} from '../fakes/reminder-fakes';

const DAY = '2026-03-01';
const due = (offset: number) => addDays(DAY, -offset);

function ledger(): { customers: Customer[]; invoices: Invoice[] } {
  const customers = [
    customer('C1', { creditGrade: 'C' }),
    customer('C2', { language: 'zh-CN' }),
    customer('C3', { remindersPaused: true }),
    customer('C4'),
    customer('C5', { manager: 'am2@example.com' }),
  ];
  const invoices = [
    invoice('I1', 'C1', due(1), 100000),
    invoice('I2', 'C1', due(16), 50000),
    invoice('I3', 'C2', due(7), 20000),
    invoice('I4', 'C3', due(7), 20000),
    invoice('I5', 'C4', due(-3), 30000),
    invoice('I6', 'C4', due(30), 10000, { status: 'disputed' }),
    invoice('I7', 'C5', due(15), 70000),
  ];
  return { customers, invoices };
}

function world(settings: Record<string, string> = {}) {
  const budget = new Budget();
  const { customers, invoices } = ledger();
  const store = new BudgetStore(
    { customers, invoices },
    { companyName: 'ACME', 'reminders.financeRecipients': 'fin@example.com', ...settings },
  );
  store.budget = budget;
  const clock = new FakeClock();
  clock.day = DAY;
  const mailer = new FakeMailer(budget);
  const lock = new FakeLock(budget);
  const state = new FakeStateStore(budget);
  const deps: RunDeps = { store, clock, mailer, lock, state };
  return { budget, store, clock, mailer, lock, state, deps };
}

const results = (w: ReturnType<typeof world>) => w.store.records('reminders').map((r) => r.result);

describe('runReminders', () => {
  it('sends the planned reminders and digests once, logs skips, and stamps invoices', () => {
    const w = world();
    const r = runReminders(w.deps, 'daily');
    expect(r.status).toBe('done');
    const to = w.mailer.outbox.map((m) => m.to.join(','));
    expect(to.slice(0, 4).sort()).toEqual([
      'c1@client.example',
      'c2@client.example',
      'c4@client.example',
      'c5@client.example',
    ]);
    expect(to[0]).toBe('c1@client.example'); // largest × riskiest first
    expect(to.slice(4).sort()).toEqual(['am2@example.com', 'am@example.com', 'fin@example.com']);
    const log = w.store.records('reminders');
    expect(log.filter((l) => l.result === 'skipped:paused').map((l) => l.invoiceIds)).toEqual(['I4']);
    expect(log.filter((l) => l.result === 'skipped:disputed').map((l) => l.invoiceIds)).toEqual(['I6']);
    const superseded = log.filter((l) => l.result === 'skipped:superseded').map((l) => `${l.invoiceIds}@${l.stage}`);
    expect(superseded.sort()).toEqual(['I1@-3', 'I2@-3,1,7', 'I3@-3,1', 'I7@-3,1,7']);
    const i2 = w.store.records('invoices').find((i) => i.id === 'I2')!;
    expect(i2.lastReminderStage).toBe('15');
    expect(w.mailer.outbox.find((m) => m.to[0] === 'c5@client.example')!.cc).toEqual(['am2@example.com']);
    expect(w.state.entries.size).toBe(0);
    // a second firing the same day does nothing; a forced run finds nothing new
    expect(runReminders(w.deps, 'daily').status).toBe('already-done');
    const n = w.mailer.outbox.length;
    runReminders(w.deps, 'now');
    expect(w.mailer.outbox.length).toBe(n);
  });

  it('waits for the configured hour (daily) and exits when another run holds the lock', () => {
    const w = world({ 'reminders.hour': '11' });
    expect(runReminders(w.deps, 'daily').status).toBe('not-yet');
    w.lock.heldByOther = true;
    w.clock.hour = 12;
    expect(runReminders(w.deps, 'daily').status).toBe('locked');
    expect(w.mailer.outbox).toHaveLength(0);
  });

  it('writes the log in batches: a bounded number of store calls', () => {
    const w = world();
    runReminders(w.deps, 'now');
    expect(w.store.writes).toBeLessThanOrEqual(3);
  });

  it('defers on quota, largest first next day, and sends deferred ones first', () => {
    const w = world();
    w.mailer.quota = 4; // C1 and C5 (to + cc each) fit; C4 and C2 do not
    const r = runReminders(w.deps, 'daily');
    expect(w.mailer.outbox.map((m) => m.to[0])).toEqual(['c1@client.example', 'c5@client.example']);
    expect(r.deferredQuota).toBe(2);
    expect(results(w).filter((x) => x === 'deferred:quota').length).toBeGreaterThanOrEqual(2);
    w.clock.nextDay();
    w.mailer.quota = 100;
    runReminders(w.deps, 'daily');
    const later = w.mailer.outbox.slice(2).map((m) => m.to[0]);
    expect(later.slice(0, 2).sort()).toEqual(['c2@client.example', 'c4@client.example']);
  });

  it('stops before the time limit and the next firing resumes the same day', () => {
    const w = world();
    w.clock.tick = 100_000;
    const first = runReminders(w.deps, 'daily');
    expect(first.status).toBe('partial');
    expect(first.deferredTime).toBeGreaterThan(0);
    w.clock.tick = 0;
    w.clock.elapsed = 0;
    w.clock.hour = 11;
    const second = runReminders(w.deps, 'daily');
    expect(second.status).toBe('done');
    const to = w.mailer.outbox.map((m) => m.to.join(','));
    expect(new Set(to).size).toBe(to.length);
    expect(first.sent + second.sent).toBe(4);
  });

  it('logs a failed send and retries it on the next run', () => {
    const w = world();
    w.mailer.failFor.add('c2@client.example');
    expect(runReminders(w.deps, 'daily').failed).toBe(1);
    expect(results(w)).toContain('failed');
    w.mailer.failFor.clear();
    w.clock.nextDay();
    runReminders(w.deps, 'daily');
    expect(w.mailer.outbox.filter((m) => m.to[0] === 'c2@client.example')).toHaveLength(1);
  });

  it('killed after every possible call count, then re-run: no duplicate, every reminder sent or logged uncertain', () => {
    const reference = world();
    runReminders(reference.deps, 'daily');
    const expected = reference.mailer.outbox.map((m) => m.to.join(','));
    let completed = false;
    for (let n = 0; !completed && n < 500; n++) {
      const w = world();
      w.deps.flushEvery = 2; // flush mid-run too, so kills land between batches as well
      w.budget.limit = n;
      try {
        runReminders(w.deps, 'daily');
        completed = true;
      } catch (e) {
        if (!(e instanceof Killed)) throw e;
      }
      w.budget.limit = Number.POSITIVE_INFINITY;
      w.lock.held = false;
      w.clock.hour = 11;
      runReminders(w.deps, 'daily');
      const sent = w.mailer.outbox.map((m) => m.to.join(','));
      expect(new Set(sent).size).toBe(sent.length);
      const log = w.store.records('reminders');
      const uncertain = log.filter((l) => l.result === 'uncertain');
      expect(uncertain.length).toBeLessThanOrEqual(1);
      for (const to of expected) {
        const ok = sent.includes(to) || uncertain.some((u) => u.to === to);
        if (!ok) throw new Error(`kill at ${n}: ${to} neither sent nor logged uncertain`);
      }
      const sendIds = log.filter((l) => l.result === 'sent').map((l) => l.detail);
      expect(new Set(sendIds).size).toBe(sendIds.length);
      expect(w.state.entries.size).toBe(0);
    }
    expect(completed).toBe(true);
  });
});

describe('preview, status and the trigger', () => {
  it('previews what the run would send and every skip with its reason, without sending', () => {
    const w = world();
    const id = new FakeIdentity();
    const p = previewReminders({ ...w.deps, identity: id });
    expect(p.messages.map((m) => m.customerId).sort()).toEqual(['C1', 'C2', 'C4', 'C5']);
    expect(p.skips.map((s) => [s.invoiceId, s.reason])).toEqual([
      ['I4', 'paused'],
      ['I6', 'disputed'],
    ]);
    expect(w.mailer.outbox).toHaveLength(0);
    expect(w.store.records('reminders')).toHaveLength(0);
    const s = reminderStatus({ ...w.deps, identity: id });
    expect(s).toMatchObject({ enabled: false, todayCount: 4 });
  });

  it('enable twice = one hourly trigger (stale ones removed), admin-only; disable removes it', () => {
    const w = world({ adminEmails: 'boss@example.com' });
    const triggers = new FakeTriggers();
    triggers.createHourly('runDailyReminders');
    triggers.createHourly('runDailyReminders');
    triggers.createHourly('oldHandler');
    const owner = new FakeIdentity('owner@example.com');
    const deps = { ...w.deps, identity: owner, accounts: owner, triggers };
    expect(enableDailyReminders(deps).ok).toBe(true);
    expect(enableDailyReminders(deps).ok).toBe(true);
    expect(triggers.list().map((t) => t.handler)).toEqual(['runDailyReminders']);
    expect(w.state.info?.by).toBe('owner@example.com');
    const stranger = new FakeIdentity('someone@example.com');
    expect(disableDailyReminders({ ...deps, identity: stranger, accounts: stranger }).reason).toBe('not-admin');
    const boss = new FakeIdentity('boss@example.com');
    expect(isStaleTrigger(w.state, 'owner@example.com')).toBe(false);
    expect(enableDailyReminders({ ...deps, identity: boss, accounts: boss, triggers: new FakeTriggers() }).ok).toBe(
      true,
    );
    expect(isStaleTrigger(w.state, 'owner@example.com')).toBe(true);
    expect(disableDailyReminders(deps).ok).toBe(true);
    expect(triggers.list()).toEqual([]);
    const status = reminderStatus({ ...w.deps, identity: owner });
    expect(status.enabled).toBe(false);
  });
});
