import { addDays } from '../../src/domain/day';
import type { ReminderLogEntry } from '../../src/domain/records';
import { planReminders } from '../../src/domain/reminders/plan';
import { parseReminderSettings } from '../../src/domain/reminders/settings';
import { highestDueStage } from '../../src/domain/reminders/stages';
import { customer, invoice } from '../fakes/reminder-fakes';

const TODAY = '2026-03-20';
const cfg = (over: Record<string, string> = {}) => parseReminderSettings({ companyName: 'ACME', ...over });
const due = (offset: number) => addDays(TODAY, -offset);
const log = (invoiceIds: string, stage: string, result: string): ReminderLogEntry => ({
  at: '',
  customerId: 'C1',
  invoiceIds,
  stage,
  to: '',
  cc: '',
  subject: '',
  result,
  detail: '',
});

describe('highestDueStage', () => {
  const stages = [-3, 1, 7, 15, 30];
  it.each([
    [-4, null],
    [-3, -3],
    [0, -3],
    [1, 1],
    [6, 1],
    [7, 7],
    [29, 15],
    [30, 30],
    [400, 30],
  ])('offset %i → %p', (offset, expected) => {
    expect(highestDueStage(due(offset), TODAY, stages, 0)).toBe(expected);
  });
  it('pushes overdue stages back by the grace days, not the upcoming ones', () => {
    expect(highestDueStage(due(1), TODAY, stages, 2)).toBeNull();
    expect(highestDueStage(due(3), TODAY, stages, 2)).toBe(1);
    expect(highestDueStage(due(-3), TODAY, stages, 2)).toBe(-3);
  });
});

describe('planReminders', () => {
  const plan = (
    invoices: ReturnType<typeof invoice>[],
    history: ReminderLogEntry[] = [],
    customers = [customer('C1')],
    over = {},
  ) => planReminders({ today: TODAY, config: cfg(over), customers, invoices, history });

  it('sends only the highest due stage after missed days and supersedes the lower ones never sent', () => {
    const p = plan([invoice('I1', 'C1', due(16), 10000)]);
    expect(p.messages).toHaveLength(1);
    expect(p.messages[0].stage).toBe(15);
    expect(p.messages[0].invoices[0].superseded).toEqual([-3, 1, 7]);
  });

  it('never plans a stage already sent, uncertain or superseded, nor a lower one', () => {
    expect(plan([invoice('I1', 'C1', due(16), 10000)], [log('I1', '15', 'sent')]).messages).toHaveLength(0);
    expect(plan([invoice('I1', 'C1', due(16), 10000)], [log('I1', '15', 'uncertain')]).messages).toHaveLength(0);
    expect(plan([invoice('I1', 'C1', due(8), 10000)], [log('I1', '15', 'sent')]).messages).toHaveLength(0);
    expect(plan([invoice('I1', 'C1', due(8), 10000, { lastReminderStage: '7' })]).messages).toHaveLength(0);
  });

  it('retries a failed stage and puts a deferred one first', () => {
    const invoices = [invoice('I1', 'C1', due(1), 100), invoice('I2', 'C2', due(1), 999999)];
    const p = plan(
      invoices,
      [log('I1', '1', 'failed'), log('I1', '1', 'deferred:quota')],
      [customer('C1'), customer('C2')],
    );
    expect(p.messages.map((m) => m.customerId)).toEqual(['C1', 'C2']);
    expect(p.messages[0].wasDeferred).toBe(true);
  });

  it('orders by outstanding × risk', () => {
    const customers = [customer('C1', { creditGrade: 'AAA' }), customer('C2', { creditGrade: 'C' })];
    const p = plan([invoice('I1', 'C1', due(1), 50000), invoice('I2', 'C2', due(1), 10000)], [], customers);
    expect(p.messages.map((m) => m.customerId)).toEqual(['C2', 'C1']);
  });

  it('sends one message per customer: upcoming invoices are a section of the overdue e-mail (issue #16)', () => {
    const p = plan([
      invoice('I1', 'C1', due(1), 100),
      invoice('I2', 'C1', due(8), 200),
      invoice('I3', 'C1', due(-3), 300),
      invoice('I4', 'C1', due(3), 400),
    ]);
    expect(p.messages).toHaveLength(1);
    expect(p.messages[0].kind).toBe('overdue');
    expect(p.messages[0].stage).toBe(7);
    expect(p.messages[0].invoices.map((i) => [i.invoiceId, i.daysOverdue])).toEqual([
      ['I2', 8],
      ['I4', 3],
      ['I1', 1],
      ['I3', -3],
    ]);
    expect(plan([invoice('I3', 'C1', due(-3), 300)]).messages.map((m) => m.kind)).toEqual(['upcoming']);
  });

  it('catch-up: the highest stage due once, the next one after the normal gap from the last send (issue #16)', () => {
    const at = (offset: number) => `${addDays(TODAY, -offset)} 09:00:00`;
    const sent15 = { ...log('I1', '15', 'sent'), at: at(1) };
    // 29 days late when reminders were enabled yesterday: 15 went then; the final notice waits 15 days from it.
    expect(plan([invoice('I1', 'C1', due(30), 10000)], [sent15]).messages).toHaveLength(0);
    expect(plan([invoice('I1', 'C1', due(40), 10000)], [{ ...sent15, at: at(14) }]).messages).toHaveLength(0);
    const p = plan([invoice('I1', 'C1', due(44), 10000)], [{ ...sent15, at: at(15) }]);
    expect(p.messages.map((m) => [m.stage, m.isFinal])).toEqual([[30, true]]);
    // On schedule nothing changes: 7 sent on day 7, 15 goes on day 15.
    expect(
      plan([invoice('I1', 'C1', due(15), 10000)], [{ ...log('I1', '7', 'sent'), at: at(8) }]).messages,
    ).toHaveLength(1);
    // The invoice's own last-reminder columns date a send when the log was cleared.
    const stamped = invoice('I1', 'C1', due(30), 10000, { lastReminderStage: '15', lastReminderAt: at(1) });
    expect(plan([stamped]).messages).toHaveLength(0);
  });

  it('logs a skip when it changes for the invoice, not again at every later stage (issue #16)', () => {
    const disputed = (offset: number) => invoice('I1', 'C1', due(offset), 10000, { status: 'disputed' });
    expect(plan([disputed(8)]).skips.map((s) => [s.stage, s.reason, s.logged])).toEqual([[7, 'disputed', false]]);
    const history = [log('I1', '7', 'skipped:disputed')];
    expect(plan([disputed(16)], history).skips.map((s) => s.logged)).toEqual([true]);
    const promised = invoice('I1', 'C1', due(16), 10000, { status: 'promised', promiseDate: addDays(TODAY, 3) });
    expect(plan([promised], history).skips.map((s) => [s.reason, s.logged])).toEqual([['promised', false]]);
  });

  it.each([
    ['written-off', invoice('I1', 'C1', due(7), 100, { status: 'written-off' }), customer('C1')],
    ['paid', invoice('I1', 'C1', due(7), 100, { outstanding: 0, paid: 100 }), customer('C1')],
    ['disputed', invoice('I1', 'C1', due(7), 100, { status: 'disputed' }), customer('C1')],
    ['promised', invoice('I1', 'C1', due(7), 100, { status: 'promised', promiseDate: TODAY }), customer('C1')],
    ['paused', invoice('I1', 'C1', due(7), 100), customer('C1', { remindersPaused: true })],
    ['inactive', invoice('I1', 'C1', due(7), 100), customer('C1', { status: 'inactive' })],
    ['no-email', invoice('I1', 'C1', due(7), 100), customer('C1', { email: '' })],
    ['invalid-email', invoice('I1', 'C1', due(7), 100), customer('C1', { email: 'not-an-address' })],
    ['below-minimum', invoice('I1', 'C1', due(7), 999), customer('C1')],
    ['no-customer', invoice('I1', 'C9', due(7), 100), customer('C1')],
  ])('skips %s with its reason', (reason, inv, c) => {
    const p = plan([inv], [], [c], { 'reminders.minAmount': '10.00' });
    expect(p.messages).toHaveLength(0);
    expect(p.skips).toEqual([expect.objectContaining({ invoiceId: 'I1', stage: 7, reason, logged: false })]);
  });

  it('resumes after the promise date passes', () => {
    const inv = invoice('I1', 'C1', due(8), 100, { status: 'promised', promiseDate: addDays(TODAY, -1) });
    expect(plan([inv]).messages).toHaveLength(1);
  });

  it('marks a skip already in the log as logged, and ignores long-settled invoices', () => {
    const p = plan([invoice('I1', 'C1', due(7), 100, { status: 'disputed' })], [log('I1', '7', 'skipped:disputed')]);
    expect(p.skips[0].logged).toBe(true);
    expect(plan([invoice('I1', 'C1', due(60), 100, { outstanding: 0 })]).skips).toEqual([]);
  });

  it('sends a stage that was skipped once the reason is gone (dispute resolved)', () => {
    const p = plan([invoice('I1', 'C1', due(8), 100)], [log('I1', '7', 'skipped:disputed'), log('I1', '1', 'sent')]);
    expect(p.messages[0].stage).toBe(7);
    expect(p.messages[0].invoices[0].superseded).toEqual([]);
  });

  it('puts the account manager in cc from the escalation stage on, and flags the final notice', () => {
    const at7 = plan([invoice('I1', 'C1', due(7), 100)]).messages[0];
    const at15 = plan([invoice('I1', 'C1', due(15), 100)]).messages[0];
    const at30 = plan([invoice('I1', 'C1', due(30), 100)]).messages[0];
    expect(at7.cc).toEqual([]);
    expect(at15.cc).toEqual(['am@example.com']);
    expect([at15.isFinal, at30.isFinal]).toEqual([false, true]);
  });

  it('uses the customer language and is deterministic (same send id twice)', () => {
    const inv = [invoice('I1', 'C1', due(7), 100)];
    const a = plan(inv, [], [customer('C1', { language: 'zh-CN' })]);
    const b = plan(inv, [], [customer('C1', { language: 'zh-CN' })]);
    expect(a.messages[0].lang).toBe('zh-CN');
    expect(a.messages[0].id).toBe(b.messages[0].id);
    expect(plan([...inv, invoice('I2', 'C1', due(7), 5)]).messages[0].id).not.toBe(a.messages[0].id);
  });
});
