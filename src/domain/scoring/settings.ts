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

const FACTOR_NAME: Readonly<Record<FactorKey, Text>> = {
  onTimeShare: { 'zh-CN': '按时回款金额占比（0–1）', en: 'on-time share of settled amount (0–1)' },
  avgDaysLate: { 'zh-CN': '金额加权平均逾期天数', en: 'amount-weighted average days late' },
  maxDaysLate: { 'zh-CN': '最长逾期天数', en: 'maximum days late' },
  overdueRatio: { 'zh-CN': '逾期金额占应收比例（0–1）', en: 'overdue share of the balance (0–1)' },
  oldestOverdueDays: { 'zh-CN': '当前最久逾期天数', en: 'days past due of the oldest unpaid invoice' },
  utilization: { 'zh-CN': '额度使用率（应收 ÷ 信用额度）', en: 'utilization (outstanding ÷ credit limit)' },
  tenureMonths: { 'zh-CN': '合作月数', en: 'tenure in months' },
  disputes12m: { 'zh-CN': '近 12 个月争议及投诉次数', en: 'disputes and complaints in the last 12 months' },
  debtRatio: { 'zh-CN': '资产负债率（%，客户表填写时计入）', en: 'debt ratio (%, when filled in on the customer)' },
  currentRatio: { 'zh-CN': '流动比率（客户表填写时计入）', en: 'current ratio (when filled in on the customer)' },
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

export const SCORING_SETTINGS: SettingDef[] = [
  {
    key: SCORING_KEYS.basePoints,
    defaultValue: String(D.basePoints),
    description: {
      'zh-CN': '评分基础分（再加各因子分数，结果限定在 300–850）',
      en: 'Base points of the score (plus each factor’s points, kept within 300–850)',
    },
  },
  ...FACTOR_KEYS.map(
    (f): SettingDef => ({
      key: binsKey(f),
      defaultValue: formatBins(D.bins[f]),
      description: {
        'zh-CN': `分数表：${FACTOR_NAME[f]['zh-CN']}。格式「上限:分数, …, *:分数」，上限递增；${FACTOR_DIRECTION[f] === 'higher-is-better' ? '数值越高分数不得越低' : '数值越高分数不得越高'}`,
        en: `Points table: ${FACTOR_NAME[f].en}. Format "upper:points, …, *:points", ascending uppers; ${FACTOR_DIRECTION[f] === 'higher-is-better' ? 'points must not fall as the value rises' : 'points must not rise as the value rises'}`,
      },
    }),
  ),
  {
    key: SCORING_KEYS.noLimitPoints,
    defaultValue: String(D.noLimitPoints),
    description: {
      'zh-CN': '未设信用额度的客户在「额度使用率」上的分数',
      en: 'Utilization points for a customer without a credit limit',
    },
  },
  {
    key: SCORING_KEYS.minSettled,
    defaultValue: String(D.minSettled),
    description: {
      'zh-CN': '近 24 个月已结清单据少于此数时不评级（NR）',
      en: 'Not rated (NR) when fewer invoices than this were settled in the last 24 months',
    },
  },
  {
    key: SCORING_KEYS.cutoffs,
    defaultValue: cutoffsText(D.cutoffs),
    description: {
      'zh-CN': '等级分数线（各等级最低分，递减；低于 CC 为 C）',
      en: 'Grade cut-offs (lowest score of each grade, descending; below CC is C)',
    },
  },
  {
    key: SCORING_KEYS.gradeChangeSteps,
    defaultValue: String(D.gradeChangeSteps),
    description: {
      'zh-CN': '重新评分时等级变动达到此级数即记录为异常',
      en: 'A rescore that moves a grade by this many steps is recorded as an anomaly',
    },
  },
  {
    key: SCORING_KEYS.backtestHorizonDays,
    defaultValue: String(D.backtestHorizonDays),
    description: { 'zh-CN': '回测观察期（截止日后天数）', en: 'Backtest horizon (days after the cut-off)' },
  },
  {
    key: SCORING_KEYS.vipGrades,
    defaultValue: D.segment.vipGrades.join(', '),
    description: { 'zh-CN': 'VIP 客户需达到的等级', en: 'Grades that qualify for VIP' },
  },
  {
    key: SCORING_KEYS.vipMinInvoiced12m,
    defaultValue: String(D.segment.vipMinInvoiced12m / 100),
    description: {
      'zh-CN': 'VIP 客户近 12 个月最低开票金额',
      en: 'Minimum amount invoiced in the last 12 months for VIP',
    },
  },
  {
    key: SCORING_KEYS.highRiskGrades,
    defaultValue: D.segment.highRiskGrades.join(', '),
    description: { 'zh-CN': '归为高风险的等级', en: 'Grades classified as high-risk' },
  },
  {
    key: SCORING_KEYS.highRiskOverdueDays,
    defaultValue: String(D.segment.highRiskOverdueDays),
    description: {
      'zh-CN': '最久逾期超过此天数归为高风险',
      en: 'High-risk when the oldest overdue invoice is more than this many days past due',
    },
  },
  {
    key: SCORING_KEYS.highRiskOverLimit,
    defaultValue: 'yes',
    description: {
      'zh-CN': '应收余额超过信用额度时归为高风险（yes/no）',
      en: 'High-risk when the outstanding balance exceeds the credit limit (yes/no)',
    },
  },
  {
    key: SCORING_KEYS.halfLifeDays,
    defaultValue: String(D.halfLifeDays),
    description: {
      'zh-CN': '近期权重半衰期（天）：到期日距今此天数的单据在按时回款占比中按一半计（0 为不衰减）',
      en: 'Recency half-life (days): an invoice due this long ago counts half in the on-time share (0 = no decay)',
    },
  },
  {
    key: SCORING_KEYS.priorOnTimeShare,
    defaultValue: String(D.priorOnTimeShare),
    description: {
      'zh-CN': '按时回款占比的参考值（0–1，宜取本台账客户的平均按时占比）：单据少的客户向此值收拢',
      en: 'Reference on-time share (0–1, best your ledger’s typical share): customers with few invoices are pulled toward it',
    },
  },
  {
    key: SCORING_KEYS.priorWeight,
    defaultValue: String(D.priorWeight),
    description: {
      'zh-CN': '参考值相当于多少张单据（0 为不收拢）：单据越少的客户越接近参考值',
      en: 'Weight of the reference share, in invoices (0 = none): the fewer invoices a customer has, the closer to it',
    },
  },
];

/** A setting the parser could not use; the default was used instead. */
export interface SettingProblem {
  key: string;
  value: string;
  message: Text;
}

const PROBLEM: Readonly<Record<string, Text>> = {
  number: { 'zh-CN': '应为数字，已使用默认值', en: 'must be a number; the default is used' },
  syntax: {
    'zh-CN': '格式应为「上限:分数, …, *:分数」，已使用默认值',
    en: 'must look like "upper:points, …, *:points"; the default is used',
  },
  order: { 'zh-CN': '上限必须递增，已使用默认值', en: 'upper bounds must ascend; the default is used' },
  monotonic: {
    'zh-CN': '分数必须随表现变差而不增，已使用默认值',
    en: 'points must not increase as behaviour worsens; the default is used',
  },
  cutoffs: {
    'zh-CN': '须按 AAA…CC 列出递减的分数，已使用默认值',
    en: 'must list descending scores for AAA…CC; the default is used',
  },
  grades: { 'zh-CN': '含未知等级，已使用默认值', en: 'contains an unknown grade; the default is used' },
  money: { 'zh-CN': '应为金额，已使用默认值', en: 'must be an amount; the default is used' },
  flag: { 'zh-CN': '应为 yes 或 no，已使用默认值', en: 'must be yes or no; the default is used' },
  share: { 'zh-CN': '应为 0 到 1 之间的数，已使用默认值', en: 'must be a number from 0 to 1; the default is used' },
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
