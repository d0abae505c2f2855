// The statement use case on in-memory ports (issue #16): the reminders' quota, journal and log around one letter.
import { sendStatement } from '../../src/app/send-statement';
import { MemoryStore } from '../fakes/memory-store';
import { customer, FakeMailer, FakeStateStore, invoice } from '../fakes/reminder-fakes';
import { FakeIdentity, FakeLock, FixedClock } from './sidebar-fakes';

function deps(over: { user?: string } = {}) {
  const store = new MemoryStore(
    {
      customers: [customer('C1', { email: 'ap@c1.example', manager: 'am@example.com', language: 'en' })],
      invoices: [invoice('I1', 'C1', '2026-02-01', 50000)],
    },
    { companyName: 'ACME', adminEmails: 'boss@example.com' },
  );
  const mailer = new FakeMailer();
  const state = new FakeStateStore();
  const d = {
    store,
    clock: new FixedClock('2026-03-10'),
    identity: new FakeIdentity(over.user ?? 'boss@example.com', 'en'),
    lock: new FakeLock(),
    mailer,
    state,
    owner: () => 'owner@example.com',
  };
  return { d, store, mailer, state };
}

describe('sendStatement', () => {
  test('no quota left: nothing sent, a deferred row logged, the user told to send tomorrow', () => {
    const { d, store, mailer } = deps();
    mailer.quota = 0;
    const r = sendStatement(d, { customerId: 'C1', kind: 'statement' });
    expect(r).toEqual({ ok: false, message: "Today's e-mail quota is used up; send it tomorrow." });
    expect(mailer.outbox).toHaveLength(0);
    expect(store.records('reminders').map((x) => [x.stage, x.result])).toEqual([['statement', 'deferred:quota']]);
    mailer.quota = 10;
    expect(sendStatement(d, { customerId: 'C1', kind: 'statement' }).ok).toBe(true);
  });

  test('a failed send is logged as failed and may be tried again; the journal is left empty', () => {
    const { d, store, mailer, state } = deps();
    mailer.failFor.add('ap@c1.example');
    const r = sendStatement(d, { customerId: 'C1', kind: 'confirmation' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Sending failed: Invalid email/);
    expect(state.journal()).toEqual([]);
    mailer.failFor.clear();
    expect(sendStatement(d, { customerId: 'C1', kind: 'confirmation' }).ok).toBe(true);
    expect(store.records('reminders').map((x) => x.result)).toEqual(['failed', 'sent']);
  });

  test('an entry left in the journal by a killed call (possibly sent) blocks a second letter', () => {
    const { d, mailer, state } = deps();
    state.putJournal({
      id: '2026-03:C1:statement~1',
      state: 'inflight',
      at: '2026-03-10 09:00:00',
      customerId: 'C1',
      invoiceIds: '',
      stage: 'statement',
      to: 'ap@c1.example',
      cc: '',
      subject: 'x',
      superseded: [],
    });
    const r = sendStatement(d, { customerId: 'C1', kind: 'statement' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/being sent or its result is being checked/);
    expect(mailer.outbox).toHaveLength(0);
  });

  test('the account manager may send, another user may not; the letter never stamps an invoice stage', () => {
    const clerk = deps({ user: 'clerk@example.com' });
    expect(sendStatement(clerk.d, { customerId: 'C1', kind: 'statement' }).ok).toBe(false);
    const am = deps({ user: 'am@example.com' });
    expect(sendStatement(am.d, { customerId: 'C1', kind: 'statement' }).ok).toBe(true);
    expect(am.store.records('invoices')[0].lastReminderStage).toBe('');
  });
});
