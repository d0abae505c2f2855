// The scoring model's settings rows (points tables, NR threshold, grade cut-offs, segment rules, anomaly step) and
// their parser. A value the parser cannot use falls back to the default and is reported: a mistyped cut-off must
// not stop the nightly scores, and it must not silently break the model's guarantees (monotonic bins, descending
// cut-offs) either.
import type { Text } from '../i18n';
import { parseMoney } from '../money';
import type { Grade } from '../records';
import type { SettingDef, SettingsMap } from '../settings-def';
import { formatBins, parseBins } from './bins';
import { FACTOR_KEYS, type FactorKey } from './factors';
import { GRADE_ORDER, type GradeCutoffs } from './grades';
import { DEFAULT_PARAMS, FACTOR_DIRECTION, type ScoringParams } from './scorecard';
import { msg, perLang, t } from '../i18n';

const FACTOR_NAME: Readonly<Record<FactorKey, Text>> = {
  onTimeShare: msg('scoring/settings.FACTOR_NAME.onTimeShare'),
  avgDaysLate: msg('scoring/settings.FACTOR_NAME.avgDaysLate'),
  maxDaysLate: msg('scoring/settings.FACTOR_NAME.maxDaysLate'),
  overdueRatio: msg('scoring/settings.FACTOR_NAME.overdueRatio'),
  oldestOverdueDays: msg('scoring/settings.FACTOR_NAME.oldestOverdueDays'),
  utilization: msg('scoring/settings.FACTOR_NAME.utilization'),
  tenureMonths: msg('scoring/settings.FACTOR_NAME.tenureMonths'),
  disputes12m: msg('scoring/settings.FACTOR_NAME.disputes12m'),
  debtRatio: msg('scoring/settings.FACTOR_NAME.debtRatio'),
  currentRatio: msg('scoring/settings.FACTOR_NAME.currentRatio'),
};

export const binsKey = (f: FactorKey) => `scoring.points.${f}`;

export const SCORING_KEYS = {
  basePoints: 'scoring.basePoints',
  noLimitPoints: 'scoring.points.noCreditLimit',
  minSettled: 'scoring.minSettledInvoices',
  cutoffs: 'scoring.gradeCutoffs',
  gradeChangeSteps: 'scoring.gradeChangeAlertSteps',
  backtestHorizonDays: 'scoring.backtestHorizonDays',
  vipGrades: 'segment.vipGrades',
  vipMinInvoiced12m: 'segment.vipMinInvoiced12m',
  highRiskGrades: 'segment.highRiskGrades',
  highRiskOverdueDays: 'segment.highRiskOverdueDays',
  highRiskOverLimit: 'segment.highRiskOverLimit',
  halfLifeDays: 'scoring.recencyHalfLifeDays',
  priorOnTimeShare: 'scoring.priorOnTimeShare',
  priorWeight: 'scoring.priorWeight',
} as const;

/** Grace days are a reminders setting (one number for "late" everywhere); these are the keys it may have. */
export const GRACE_DAYS_KEYS = ['reminders.graceDays'] as const;

const cutoffsText = (c: GradeCutoffs) =>
  (Object.keys(c) as Array<keyof GradeCutoffs>).map((g) => `${g}:${c[g]}`).join(', ');
const D = DEFAULT_PARAMS;

// The description of a points-table setting, as the Settings sheet shows it.
const BINS_TEXT = {
  description: msg('scoring/settings.BINS_TEXT.description'),
  higherBetter: msg('scoring/settings.BINS_TEXT.higherBetter'),
  lowerBetter: msg('scoring/settings.BINS_TEXT.lowerBetter'),
};

// The shrinkage settings' descriptions (named, so each has its own catalogue key).
const SHRINK_TEXT = {
  share: msg('scoring/settings.SHRINK_TEXT.share'),
  weight: msg('scoring/settings.SHRINK_TEXT.weight'),
};

export const SCORING_SETTINGS: SettingDef[] = [
  {
    key: SCORING_KEYS.basePoints,
    defaultValue: String(D.basePoints),
    description: msg('scoring/settings.SCORING_SETTINGS.description'),
  },
  ...FACTOR_KEYS.map(
    (f): SettingDef => ({
      key: binsKey(f),
      defaultValue: formatBins(D.bins[f]),
      description: perLang((lang) =>
        t(lang, BINS_TEXT.description, {
          factor: t(lang, FACTOR_NAME[f]),
          rule: t(lang, FACTOR_DIRECTION[f] === 'higher-is-better' ? BINS_TEXT.higherBetter : BINS_TEXT.lowerBetter),
        }),
      ),
    }),
  ),
  {
    key: SCORING_KEYS.noLimitPoints,
    defaultValue: String(D.noLimitPoints),
    description: msg('scoring/settings.SCORING_SETTINGS.description#2'),
  },
  {
    key: SCORING_KEYS.minSettled,
    defaultValue: String(D.minSettled),
    description: msg('scoring/settings.SCORING_SETTINGS.description#3'),
  },
  {
    key: SCORING_KEYS.cutoffs,
    defaultValue: cutoffsText(D.cutoffs),
    description: msg('scoring/settings.SCORING_SETTINGS.description#4'),
  },
  {
    key: SCORING_KEYS.gradeChangeSteps,
    defaultValue: String(D.gradeChangeSteps),
    description: msg('scoring/settings.SCORING_SETTINGS.description#5'),
  },
  {
    key: SCORING_KEYS.backtestHorizonDays,
    defaultValue: String(D.backtestHorizonDays),
    description: msg('scoring/settings.SCORING_SETTINGS.description#6'),
  },
  {
    key: SCORING_KEYS.vipGrades,
    defaultValue: D.segment.vipGrades.join(', '),
    description: msg('scoring/settings.SCORING_SETTINGS.description#7'),
  },
  {
    key: SCORING_KEYS.vipMinInvoiced12m,
    defaultValue: String(D.segment.vipMinInvoiced12m / 100),
    description: msg('scoring/settings.SCORING_SETTINGS.description#8'),
  },
  {
    key: SCORING_KEYS.highRiskGrades,
    defaultValue: D.segment.highRiskGrades.join(', '),
    description: msg('scoring/settings.SCORING_SETTINGS.description#9'),
  },
  {
    key: SCORING_KEYS.highRiskOverdueDays,
    defaultValue: String(D.segment.highRiskOverdueDays),
    description: msg('scoring/settings.SCORING_SETTINGS.description#10'),
  },
  {
    key: SCORING_KEYS.highRiskOverLimit,
    defaultValue: 'yes',
    description: msg('scoring/settings.SCORING_SETTINGS.description#11'),
  },
  {
    key: SCORING_KEYS.halfLifeDays,
    defaultValue: String(D.halfLifeDays),
    description: msg('scoring/settings.SCORING_SETTINGS.description#12'),
  },
  {
    key: SCORING_KEYS.priorOnTimeShare,
    defaultValue: String(D.priorOnTimeShare),
    description: SHRINK_TEXT.share,
  },
  {
    key: SCORING_KEYS.priorWeight,
    defaultValue: String(D.priorWeight),
    description: SHRINK_TEXT.weight,
  },
];

/** A setting the parser could not use; the default was used instead. */
export interface SettingProblem {
  key: string;
  value: string;
  message: Text;
}

const PROBLEM: Readonly<Record<string, Text>> = {
  number: msg('scoring/settings.PROBLEM.number'),
  syntax: msg('scoring/settings.PROBLEM.syntax'),
  order: msg('scoring/settings.PROBLEM.order'),
  monotonic: msg('scoring/settings.PROBLEM.monotonic'),
  cutoffs: msg('scoring/settings.PROBLEM.cutoffs'),
  grades: msg('scoring/settings.PROBLEM.grades'),
  money: msg('scoring/settings.PROBLEM.money'),
  flag: msg('scoring/settings.PROBLEM.flag'),
  share: msg('scoring/settings.PROBLEM.share'),
};

/** Reads the scoring model from settings; unusable values fall back to defaults and are listed in `problems`. */
export function parseScoringSettings(s: SettingsMap): { params: ScoringParams; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const raw = (key: string) => (s[key] ?? '').trim();
  const fail = (key: string, kind: string) => problems.push({ key, value: raw(key), message: PROBLEM[kind] });
  const num = (key: string, dflt: number, min: number, int = false): number => {
    const v = raw(key);
    if (v === '') return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || (int && !Number.isInteger(n))) {
      fail(key, 'number');
      return dflt;
    }
    return n;
  };
  const share = (key: string, dflt: number): number => {
    const n = num(key, dflt, 0);
    if (n <= 1) return n;
    fail(key, 'share');
    return dflt;
  };
  const grades = (key: string, dflt: readonly Grade[]): readonly Grade[] => {
    const v = raw(key);
    if (v === '') return dflt;
    const list = v
      .split(/[,;，；\s]+/)
      .filter((g) => g !== '')
      .map((g) => g.toUpperCase());
    if (!list.every((g) => g === 'NR' || (GRADE_ORDER as readonly string[]).includes(g))) {
      fail(key, 'grades');
      return dflt;
    }
    return list as Grade[];
  };
  const bins = {} as Record<FactorKey, ScoringParams['bins'][FactorKey]>;
  for (const f of FACTOR_KEYS) {
    const v = raw(binsKey(f));
    const parsed = v === '' ? null : parseBins(v, FACTOR_DIRECTION[f]);
    if (parsed && !parsed.ok) fail(binsKey(f), parsed.problem);
    bins[f] = parsed?.ok ? parsed.bins : D.bins[f];
  }
  let vipMin = D.segment.vipMinInvoiced12m;
  if (raw(SCORING_KEYS.vipMinInvoiced12m) !== '') {
    const c = parseMoney(raw(SCORING_KEYS.vipMinInvoiced12m));
    if (c === null || c < 0) fail(SCORING_KEYS.vipMinInvoiced12m, 'money');
    else vipMin = c;
  }
  let overLimit = D.segment.highRiskOverLimit;
  const flag = raw(SCORING_KEYS.highRiskOverLimit).toLowerCase();
  if (/^(yes|true|y|1|是|开)$/.test(flag)) overLimit = true;
  else if (/^(no|false|n|0|否|关)$/.test(flag)) overLimit = false;
  else if (flag !== '') fail(SCORING_KEYS.highRiskOverLimit, 'flag');
  let graceDays = D.graceDays;
  for (const k of GRACE_DAYS_KEYS) {
    if (raw(k) !== '') {
      graceDays = num(k, D.graceDays, 0, true);
      break;
    }
  }
  const cutoffs = parseCutoffs(raw(SCORING_KEYS.cutoffs)) ?? D.cutoffs;
  if (raw(SCORING_KEYS.cutoffs) !== '' && cutoffs === D.cutoffs) fail(SCORING_KEYS.cutoffs, 'cutoffs');
  return {
    params: {
      basePoints: num(SCORING_KEYS.basePoints, D.basePoints, Number.NEGATIVE_INFINITY),
      bins,
      noLimitPoints: num(SCORING_KEYS.noLimitPoints, D.noLimitPoints, Number.NEGATIVE_INFINITY),
      noHistoryPoints: D.noHistoryPoints,
      minSettled: num(SCORING_KEYS.minSettled, D.minSettled, 0, true),
      cutoffs,
      segment: {
        vipGrades: grades(SCORING_KEYS.vipGrades, D.segment.vipGrades),
        vipMinInvoiced12m: vipMin,
        highRiskGrades: grades(SCORING_KEYS.highRiskGrades, D.segment.highRiskGrades),
        highRiskOverdueDays: num(SCORING_KEYS.highRiskOverdueDays, D.segment.highRiskOverdueDays, 0, true),
        highRiskOverLimit: overLimit,
      },
      graceDays,
      gradeChangeSteps: num(SCORING_KEYS.gradeChangeSteps, D.gradeChangeSteps, 1, true),
      backtestHorizonDays: num(SCORING_KEYS.backtestHorizonDays, D.backtestHorizonDays, 1, true),
      halfLifeDays: num(SCORING_KEYS.halfLifeDays, D.halfLifeDays, 0, true),
      priorOnTimeShare: share(SCORING_KEYS.priorOnTimeShare, D.priorOnTimeShare),
      priorWeight: num(SCORING_KEYS.priorWeight, D.priorWeight, 0),
    },
    problems,
  };
}

/** "AAA:800, AA:760, …, CC:500": every grade AAA…CC exactly once, scores strictly descending; null otherwise. */
export function parseCutoffs(text: string): GradeCutoffs | null {
  if (text === '') return null;
  const out: Record<string, number> = {};
  for (const part of text.split(/[,;，；\n]/)) {
    const p = part.trim();
    if (p === '') continue;
    const m = /^([A-Za-z]+)\s*[:：]\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return null;
    const g = m[1].toUpperCase();
    if (g in out) return null;
    out[g] = Number(m[2]);
  }
  const needed = GRADE_ORDER.slice(0, -1);
  if (Object.keys(out).length !== needed.length || !needed.every((g) => g in out)) return null;
  for (let i = 1; i < needed.length; i++) if (!(out[needed[i]] < out[needed[i - 1]])) return null;
  return out as unknown as GradeCutoffs;
}
