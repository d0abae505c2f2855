// When the monthly statements go (issue #16): the month's first working day or the settings day, and a missed run
// catches up within a week, never later.
import { hintOf } from '../../src/app/settings-view';
import { STATEMENT_CATCH_UP_DAYS, statementDueDay, statementsDue } from '../../src/domain/statements/monthly';

describe('statement day', () => {
  test('the first working day: Monday–Friday, or the China calendar when it is on', () => {
    expect(statementDueDay('2026-03-15', 0, false)).toBe('2026-03-02'); // March 1st 2026 is a Sunday
    expect(statementDueDay('2026-04-20', 0, false)).toBe('2026-04-01'); // a Wednesday
    // 2026-10-01..07 is the National Day holiday: the first working day is the 8th (or 9th if a weekend)
    const oct = statementDueDay('2026-10-20', 0, true);
    expect(oct > '2026-10-07').toBe(true);
    expect(statementDueDay('2026-10-20', 0, false)).toBe('2026-10-01');
  });

  test('a settings day (1–28) is taken as it is', () => {
    expect(statementDueDay('2026-04-20', 5, false)).toBe('2026-04-05');
    expect(statementDueDay('2026-04-20', 28, false)).toBe('2026-04-28');
  });

  test('due from that day for a week, not before and not after', () => {
    expect(statementsDue('2026-03-31', 0, false)).toBe(false); // March's was due on the 2nd
    expect(statementsDue('2026-04-01', 0, false)).toBe(true);
    expect(statementsDue('2026-04-04', 5, false)).toBe(false);
    expect(statementsDue('2026-04-05', 5, false)).toBe(true);
    expect(statementsDue(`2026-04-${String(5 + STATEMENT_CATCH_UP_DAYS).padStart(2, '0')}`, 5, false)).toBe(true);
    expect(statementsDue(`2026-04-${String(6 + STATEMENT_CATCH_UP_DAYS).padStart(2, '0')}`, 5, false)).toBe(false);
  });
});

describe('settings hints read as sentences', () => {
  test('a bracket closing mid-text leaves no stray bracket', () => {
    expect(
      hintOf('VIP 客户的催收阶段', 'VIP 客户的催收阶段（留空则用通用催收阶段），例如「1,15,30,45」更温和、更晚'),
    ).toBe('留空则用通用催收阶段；例如「1,15,30,45」更温和、更晚');
    expect(hintOf('Payee', 'Payee (payment details shown on reminders and statements)')).toBe(
      'payment details shown on reminders and statements',
    );
    expect(hintOf('Stages', 'Stages (empty = general), e.g. "1,15": gentler')).toBe(
      'empty = general; e.g. "1,15": gentler',
    );
  });
});
