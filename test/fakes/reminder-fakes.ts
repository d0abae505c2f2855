// Named in-memory fakes for the reminder ports, plus builders for customers and invoices. `Budget` models an
// execution killed after N service calls (as Apps Script can be, at any call): every fake spends from it, so a
// test can cut a run at each call in turn and check the next run's recovery.
import type { Clock, Identity } from '../../src/app/ports';
import type {
  Accounts,
  EnabledInfo,
  JournalEntry,
  Mailer,
  OutgoingMail,
  ReminderStateStore,
  RunLock,
  RunState,
  TriggerInfo,
  TriggerManager,
} from '../../src/app/reminder-ports';
import { addDays } from '../../src/domain/day';
import type { Customer, Invoice, Lang } from '../../src/domain/records';

export class Killed extends Error {}

/** Shared call budget: `limit` calls, then every call throws `Killed` (the execution is over). */
export class Budget {
  calls = 0;
  limit = Number.POSITIVE_INFINITY;
  spend(): void {
    if (this.calls >= this.limit) throw new Killed(`killed after ${this.limit} calls`);
    this.calls++;
  }
}

export class FakeClock implements Clock {
  day = '2026-03-01';
  hour = 10;
  elapsed = 0;
  /** Virtual ms each elapsedMs() read moves the clock by (models slow sends). */
  tick = 0;
  today(): string {
    return this.day;
  }
  nowStamp(): string {
    return `${this.day} ${String(this.hour).padStart(2, '0')}:00:00`;
  }
  elapsedMs(): number {
    this.elapsed += this.tick;
    return this.elapsed;
  }
  nextDay(): void {
    this.day = addDays(this.day, 1);
    this.elapsed = 0;
  }
}

export class FakeMailer implements Mailer {
  readonly outbox: OutgoingMail[] = [];
  quota = 1000;
  failFor = new Set<string>();
  constructor(private readonly budget = new Budget()) {}
  remainingQuota(): number {
    this.budget.spend();
    return this.quota;
  }
  send(mail: OutgoingMail): void {
    this.budget.spend();
    if (this.quota < mail.to.length + mail.cc.length)
      throw new Error('Service invoked too many times for one day: email.');
    if (mail.to.some((t) => this.failFor.has(t))) throw new Error('Invalid email: ' + mail.to.join(','));
    this.quota -= mail.to.length + mail.cc.length;
    this.outbox.push(mail);
  }
}

export class FakeLock implements RunLock {
  heldByOther = false;
  held = false;
  constructor(private readonly budget = new Budget()) {}
  tryAcquire(): boolean {
    this.budget.spend();
    if (this.heldByOther) return false;
    this.held = true;
    return true;
  }
  release(): void {
    this.held = false;
  }
}

export class FakeStateStore implements ReminderStateStore {
  state: RunState | null = null;
  entries = new Map<string, JournalEntry>();
  info: EnabledInfo | null = null;
  constructor(private readonly budget = new Budget()) {}
  loadState(): RunState | null {
    this.budget.spend();
    return this.state ? { ...this.state } : null;
  }
  saveState(state: RunState): void {
    this.budget.spend();
    this.state = { ...state };
  }
  journal(): JournalEntry[] {
    this.budget.spend();
    return [...this.entries.values()].map((e) => JSON.parse(JSON.stringify(e)));
  }
  putJournal(entry: JournalEntry): void {
    this.budget.spend();
    this.entries.set(entry.id, JSON.parse(JSON.stringify(entry)));
  }
  removeJournal(ids: readonly string[]): void {
    for (const id of ids) {
      this.budget.spend();
      this.entries.delete(id);
    }
  }
  enabled(): EnabledInfo | null {
    return this.info;
  }
  setEnabled(info: EnabledInfo | null): void {
    this.info = info;
  }
}

export class FakeTriggers implements TriggerManager {
  triggers: TriggerInfo[] = [];
  private next = 1;
  list(): TriggerInfo[] {
    return [...this.triggers];
  }
  createHourly(handler: string): string {
    const id = `t${this.next++}`;
    this.triggers.push({ id, handler, clock: true });
    return id;
  }
  remove(id: string): void {
    this.triggers = this.triggers.filter((t) => t.id !== id);
  }
}

export class FakeIdentity implements Identity, Accounts {
  constructor(
    public email = 'owner@example.com',
    public ownerEmail = 'owner@example.com',
    public language: Lang = 'en',
  ) {}
  user(): string {
    return this.email;
  }
  lang(): Lang {
    return this.language;
  }
  effectiveUser(): string {
    return this.email;
  }
  owner(): string {
    return this.ownerEmail;
  }
}

export function customer(id: string, over: Partial<Customer> = {}): Customer {
  return {
    id,
    name: `Customer ${id}`,
    type: 'company',
    contact: '',
    phone: '',
    email: `${id.toLowerCase()}@client.example`,
    address: '',
    industry: '',
    region: '',
    birthDate: '',
    occupation: '',
    taxId: '',
    manager: 'am@example.com',
    creditLimit: null,
    termsDays: 30,
    language: 'en',
    remindersPaused: false,
    status: 'active',
    segmentOverride: '',
    notes: '',
    outstanding: 0,
    overdue: 0,
    oldestOverdueDays: 0,
    lastPaymentDate: '',
    creditScore: null,
    creditGrade: '',
    segment: '',
    scoreReasons: '',
    segmentReason: '',
    scoredAt: '',
    recommendedLimit: null,
    recommendedTerms: null,
    policyReasons: '',
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    ...over,
  };
}

export function invoice(
  id: string,
  customerId: string,
  dueDate: string,
  amount: number,
  over: Partial<Invoice> = {},
): Invoice {
  return {
    id,
    customerId,
    contractNo: '',
    project: '',
    issueDate: addDays(dueDate, -30),
    dueDate,
    amount,
    currency: 'CNY',
    status: 'open',
    promiseDate: '',
    notes: '',
    paid: 0,
    outstanding: amount,
    settledDate: '',
    daysOverdue: 0,
    agingBucket: '',
    lastReminderStage: '',
    lastReminderAt: '',
    ...over,
  };
}

import { MemoryStore } from './memory-store';

/** A MemoryStore whose every read and write spends from the execution's call budget. */
export class BudgetStore extends MemoryStore {
  budget?: Budget;
  override read<K extends Parameters<MemoryStore['read']>[0]>(role: K) {
    this.budget?.spend();
    return super.read(role);
  }
  override update(...args: Parameters<MemoryStore['update']>) {
    this.budget?.spend();
    return super.update(...args);
  }
  override append(...args: Parameters<MemoryStore['append']>) {
    this.budget?.spend();
    return super.append(...args);
  }
  override settings() {
    this.budget?.spend();
    return super.settings();
  }
}
