// Named in-memory services for the sidebar use cases: a MemoryStore, a fixed clock, a settable identity and a lock
// that can be made busy (another user's save in progress).
import type { Clock, Identity } from '../../src/app/ports';
import type { SaveLock, SidebarServices } from '../../src/app/sidebar-ports';
import type { Lang } from '../../src/domain/records';
import { sendStatement } from '../../src/app/send-statement';
import { MemoryStore } from '../fakes/memory-store';
import { FakeMailer, FakeStateStore } from '../fakes/reminder-fakes';

export class FixedClock implements Clock {
  constructor(
    public day = '2026-03-02',
    public time = '09:00:00',
  ) {}
  today() {
    return this.day;
  }
  nowStamp() {
    return `${this.day} ${this.time}`;
  }
  elapsedMs() {
    return 0;
  }
}

export class FakeIdentity implements Identity {
  constructor(
    public email = 'alice@example.com',
    public language: Lang = 'en',
  ) {}
  user() {
    return this.email;
  }
  lang() {
    return this.language;
  }
}

export class FakeLock implements SaveLock {
  busy = false;
  held = false;
  acquisitions = 0;
  acquire() {
    if (this.busy) return false;
    this.held = true;
    this.acquisitions++;
    return true;
  }
  release() {
    this.held = false;
  }
}

export function sidebarServices(store = new MemoryStore(), lang: Lang = 'en') {
  const clock = new FixedClock();
  const identity = new FakeIdentity('alice@example.com', lang);
  const lock = new FakeLock();
  const mailer = new FakeMailer();
  const state = new FakeStateStore();
  const services: SidebarServices = {
    store,
    clock,
    identity,
    lock,
    reminderStatus: () => null,
    reminderPreview: () => ({ day: clock.today(), messages: [], skips: [], summary: '' }),
    sendStatement: (req) =>
      sendStatement({ store, clock, identity, lock, mailer, state, owner: () => 'owner@example.com' }, req),
  };
  return { store, clock, identity, lock, services, mailer, state };
}

export const VALID_TAX_ID = '91350100M000100Y43';
export const OTHER_TAX_ID = '911101080828461726';
