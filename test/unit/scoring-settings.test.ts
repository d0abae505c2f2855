// The settings rows and their parser: defaults round-trip, user values are used, unusable values fall back to the
// default and are reported (never a crash, never a non-monotone table).
import { formatBins, parseBins } from '../../src/domain/scoring/bins';
import { DEFAULT_PARAMS } from '../../src/domain/scoring/scorecard';
import {
  binsKey,
  parseCutoffs,
  parseScoringSettings,
  SCORING_KEYS,
  SCORING_SETTINGS,
} from '../../src/domain/scoring/settings';

const defaults = Object.fromEntries(SCORING_SETTINGS.map((s) => [s.key, s.defaultValue]));

test('every setting has a unique key and both languages', () => {
  const keys = SCORING_SETTINGS.map((s) => s.key);
  expect(new Set(keys).size).toBe(keys.length);
  for (const s of SCORING_SETTINGS) {
    expect(s.description['zh-CN']).not.toBe('');
    expect(s.description.en).not.toBe('');
  }
});

test('the default rows parse back to the default model without problems', () => {
  const { params, problems } = parseScoringSettings(defaults);
  expect(problems).toEqual([]);
  expect(params).toEqual(DEFAULT_PARAMS);
  expect(parseScoringSettings({})).toEqual({ params: DEFAULT_PARAMS, problems: [] });
});

test('user values are used', () => {
  const { params, problems } = parseScoringSettings({
    ...defaults,
    [SCORING_KEYS.basePoints]: '500',
    [binsKey('maxDaysLate')]: '0:40；30：0, *:-60',
    [SCORING_KEYS.cutoffs]: 'aaa:820, AA:780, A:740, BBB:700, BB:650, B:600, CCC:560, CC:520',
    [SCORING_KEYS.minSettled]: '5',
    [SCORING_KEYS.vipGrades]: 'AAA',
    [SCORING_KEYS.vipMinInvoiced12m]: '¥1,000,000',
    [SCORING_KEYS.highRiskOverLimit]: '否',
    'reminders.graceDays': '5',
  });
  expect(problems).toEqual([]);
  expect(params.basePoints).toBe(500);
  expect(params.bins.maxDaysLate).toEqual({ edges: [0, 30], points: [40, 0, -60] });
  expect(params.cutoffs.AAA).toBe(820);
  expect(params.minSettled).toBe(5);
  expect(params.segment.vipGrades).toEqual(['AAA']);
  expect(params.segment.vipMinInvoiced12m).toBe(100_000_000);
  expect(params.segment.highRiskOverLimit).toBe(false);
  expect(params.graceDays).toBe(5);
});

test('unusable values fall back to the default and are reported with the key', () => {
  const { params, problems } = parseScoringSettings({
    [binsKey('maxDaysLate')]: '0:10, 30:20, *:30', // rewards lateness
    [binsKey('onTimeShare')]: '0.9:10, 0.5:20, *:30', // edges not ascending
    [binsKey('tenureMonths')]: 'lots', // not a table
    [SCORING_KEYS.cutoffs]: 'AAA:700, AA:760, A:720, BBB:680, BB:640, B:600, CCC:550, CC:500',
    [SCORING_KEYS.minSettled]: 'three',
    [SCORING_KEYS.highRiskGrades]: 'CCC, D',
    [SCORING_KEYS.highRiskOverLimit]: 'maybe',
  });
  expect(params).toEqual(DEFAULT_PARAMS);
  expect(problems.map((p) => p.key).sort()).toEqual(
    [
      binsKey('maxDaysLate'),
      binsKey('onTimeShare'),
      binsKey('tenureMonths'),
      SCORING_KEYS.cutoffs,
      SCORING_KEYS.minSettled,
      SCORING_KEYS.highRiskGrades,
      SCORING_KEYS.highRiskOverLimit,
    ].sort(),
  );
  const monotonic = problems.find((p) => p.key === binsKey('maxDaysLate'));
  expect(monotonic?.message.en).toMatch(/must not increase/);
  expect(monotonic?.value).toBe('0:10, 30:20, *:30');
});

test('bins notation', () => {
  expect(parseBins('*:5', 'lower-is-better')).toEqual({ ok: true, bins: { edges: [], points: [5] } });
  expect(parseBins('1:5, 2:6', 'lower-is-better')).toEqual({ ok: false, problem: 'syntax' });
  expect(parseBins('*:5, 1:6', 'lower-is-better')).toEqual({ ok: false, problem: 'syntax' });
  expect(parseBins('1:5, 1:4, *:3', 'lower-is-better')).toEqual({ ok: false, problem: 'order' });
  for (const b of Object.values(DEFAULT_PARAMS.bins)) {
    expect(parseBins(formatBins(b), 'lower-is-better').ok || parseBins(formatBins(b), 'higher-is-better').ok).toBe(
      true,
    );
  }
  expect(parseCutoffs('AAA:800')).toBeNull();
});

test('shrinkage settings: used when valid, a share above 1 or a negative weight falls back and is reported', () => {
  const ok = parseScoringSettings({ [SCORING_KEYS.priorOnTimeShare]: '0.6', [SCORING_KEYS.priorWeight]: '3' });
  expect(ok.problems).toEqual([]);
  expect([ok.params.priorOnTimeShare, ok.params.priorWeight]).toEqual([0.6, 3]);
  const bad = parseScoringSettings({ [SCORING_KEYS.priorOnTimeShare]: '1.5', [SCORING_KEYS.priorWeight]: '-1' });
  expect([bad.params.priorOnTimeShare, bad.params.priorWeight]).toEqual([
    DEFAULT_PARAMS.priorOnTimeShare,
    DEFAULT_PARAMS.priorWeight,
  ]);
  expect(bad.problems.map((p) => [p.key, p.message.en])).toEqual([
    [SCORING_KEYS.priorOnTimeShare, 'must be a number from 0 to 1; the default is used'],
    [SCORING_KEYS.priorWeight, 'must be a number; the default is used'],
  ]);
});
