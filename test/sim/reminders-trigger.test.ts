// The add-on trigger rules, authorization lapse, the document lock and HTML escaping, through the built bundle.
import { addRows, customerMails, fireDaily, OWNER, reminderEnv, reminderLog, setSettings } from '../fakes/reminder-sim';

function seeded() {
  const env = reminderEnv();
  setSettings(env, { companyName: 'ACME', adminEmails: 'admin@example.com', 'reminders.hour': '9' });
  addRows(env, 'customers', [
    { id: 'C-1', name: '<script>alert(1)</script>', email: 'c1@client.example', language: 'en', status: 'active' },
  ]);
  addRows(env, 'invoices', [
    {
      id: 'I-1',
      customerId: 'C-1',
      issueDate: '2026-01-01',
      dueDate: '2026-02-28',
      amount: 1234.5,
      currency: 'CNY',
      status: 'open',
    },
  ]);
  return env;
}

describe('daily reminder trigger (built bundle in the emulator)', () => {
  it('enable twice = one hourly trigger; non-admins cannot change it; disable removes it', () => {
    const env = seeded();
    env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
    env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
    expect(env.triggers.map((t) => [t.handler, t.eventType, t.owner])).toEqual([['runDailyReminders', 'CLOCK', OWNER]]);
    env.run('disableDailyReminders', [], { user: 'intruder@example.com', kind: 'menu' });
    expect(env.triggers).toHaveLength(1);
    env.run('disableDailyReminders', [], { user: 'admin@example.com', kind: 'menu' });
    // the admin cannot see the owner's trigger; it removes itself at its next firing
    env.advance({ hours: 1 });
    expect(env.triggers).toHaveLength(0);
    expect(env.outbox).toHaveLength(0);
  });

  it('runs once a day after the configured hour and escapes customer data in the HTML body', () => {
    const env = seeded();
    env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
    env.advance({ minutes: 30 }); // 08:30: before the hour
    expect(env.outbox).toHaveLength(0);
    env.advance({ hours: 5 });
    const mails = customerMails(env);
    expect(mails).toHaveLength(1);
    expect(mails[0].htmlBody).not.toContain('<script>');
    expect(mails[0].htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mails[0].body).toContain('¥1,234.50');
    expect(mails[0].from).toBe(OWNER);
    env.advance({ hours: 20 });
    expect(customerMails(env)).toHaveLength(1);
    expect(reminderLog(env).filter((r) => r.result === 'sent')).toHaveLength(1);
  });

  it('exits cleanly when authorization lapsed, and when another run holds the document lock', () => {
    const env = seeded();
    env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
    env.setNow('2026-03-02T10:00:00+08:00');
    env.revokeAuthorization(OWNER);
    expect(() => fireDaily(env)).not.toThrow();
    expect(env.outbox).toHaveLength(0);
    env.grantAuthorization(OWNER);
    env.faults.holdLock = 'document';
    fireDaily(env);
    expect(env.outbox).toHaveLength(0);
    expect(env.logs.map((l) => String((l as { message?: unknown }).message ?? l)).join('\n')).toMatch(/lock/);
    delete env.faults.holdLock;
    fireDaily(env);
    expect(customerMails(env)).toHaveLength(1);
  });

  it('previews in a dialog (escaped, nothing sent) and runs now for admins only', () => {
    const env = seeded();
    env.setNow('2026-03-02T10:00:00+08:00');
    env.run('previewReminders', [], { user: OWNER, kind: 'menu' });
    const dialog = env.ui.dialogs()[0];
    const html = dialog.html ?? dialog.text;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('I-1');
    expect(env.outbox).toHaveLength(0);
    env.run('runRemindersNow', [], { user: 'intruder@example.com', kind: 'menu' });
    expect(env.outbox).toHaveLength(0);
    expect(env.ui.alerts().at(-1)?.text).toMatch(/admin/i);
    env.run('runRemindersNow', [], { user: 'admin@example.com', kind: 'menu' });
    expect(customerMails(env)).toHaveLength(1);
    env.run('runRemindersNow', [], { user: OWNER, kind: 'menu' });
    expect(customerMails(env)).toHaveLength(1);
  });
});
