// The ONE description of the workbook (PRODUCT.md §1): every sheet role, its localized name and its columns with
// type, rules, format, width, and whether the add-on derives/protects it. Setup, the row↔record mapping, the form
// validators and the in-sheet validation rules are all computed from this table, so adding a column is one line here
// (plus its field in records.ts). Column keys are the record field names.
import type { Role } from '../app/ports';
import type { Lang } from './i18n';
import { type Column, col, d, opt, type SheetDef, same } from './schema-types';

export type { Column, ColumnType, EnumOption, SheetDef } from './schema-types';
export { MAX_TEXT } from './schema-types';

export const ENUMS = {
  customerType: [opt('company', '企业', 'Company'), opt('individual', '个人', 'Individual')],
  customerStatus: [
    opt('prospect', '潜在', 'Prospect'),
    opt('active', '活跃', 'Active'),
    opt('inactive', '停用', 'Inactive'),
  ],
  lang: [opt('zh-CN', '中文', 'Chinese'), opt('en', '英文', 'English')],
  segment: [opt('vip', 'VIP', 'VIP'), opt('normal', '普通', 'Normal'), opt('high-risk', '高风险', 'High-risk')],
  grade: same('AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'NR'),
  invoiceStatus: [
    opt('open', '未结清', 'Open'),
    opt('disputed', '争议中', 'Disputed'),
    opt('promised', '承诺付款', 'Promised'),
    opt('written-off', '已核销', 'Written off'),
    opt('pending-approval', '待审批', 'Pending approval'),
    { ...opt('paid', '已结清', 'Paid'), derived: true },
  ],
  aging: [
    opt('current', '未逾期', 'Current'),
    opt('1-30', '1-30天', '1-30 days'),
    opt('31-60', '31-60天', '31-60 days'),
    opt('61-90', '61-90天', '61-90 days'),
    opt('90+', '90天以上', '90+ days'),
  ],
  paymentMethod: [
    opt('bank', '银行转账', 'Bank transfer'),
    opt('cash', '现金', 'Cash'),
    opt('cheque', '支票', 'Cheque'),
    opt('card', '刷卡', 'Card'),
    opt('wechat', '微信', 'WeChat Pay'),
    opt('alipay', '支付宝', 'Alipay'),
    opt('acceptance', '承兑汇票', 'Bank acceptance bill'),
    opt('other', '其他', 'Other'),
  ],
  channel: [
    opt('phone', '电话', 'Phone'),
    opt('email', '邮件', 'E-mail'),
    opt('visit', '拜访', 'Visit'),
    opt('wechat', '微信', 'WeChat'),
    opt('online', '在线', 'Online'),
    opt('other', '其他', 'Other'),
  ],
  interactionType: [
    opt('inquiry', '咨询', 'Inquiry'),
    opt('complaint', '投诉', 'Complaint'),
    opt('suggestion', '建议', 'Suggestion'),
    opt('feedback', '反馈', 'Feedback'),
    opt('follow-up', '回访', 'Follow-up'),
    opt('collection', '催收', 'Collection'),
  ],
  interactionStatus: [opt('open', '处理中', 'Open'), opt('resolved', '已解决', 'Resolved')],
} as const;

const notes = () => col('notes', '备注', 'Notes', 'longtext');
const stamps = () => [
  d('createdAt', '创建时间', 'Created at', 'datetime'),
  d('updatedAt', '更新时间', 'Updated at', 'datetime'),
  d('updatedBy', '更新人', 'Updated by', 'email'),
];

export const SHEETS: Readonly<Record<Role, SheetDef>> = {
  customers: {
    role: 'customers',
    name: { 'zh-CN': '客户', en: 'Customers' },
    log: false,
    columns: [
      col('id', '客户编号', 'Customer ID', 'id', { required: true }),
      col('name', '客户名称', 'Name', 'text', { required: true, maxLength: 200, width: 180 }),
      col('type', '客户类型', 'Type', 'enum', { opts: ENUMS.customerType }),
      col('contact', '联系人', 'Contact', 'text'),
      col('phone', '电话', 'Phone', 'phone'),
      col('email', '邮箱', 'Email', 'email'),
      col('address', '地址', 'Address', 'text', { width: 220 }),
      col('industry', '行业', 'Industry', 'text', { listSetting: 'industries' }),
      col('region', '地区', 'Region', 'text'),
      col('birthDate', '出生日期', 'Birth date', 'date', { when: 'past' }),
      col('occupation', '职业', 'Occupation', 'text'),
      col('taxId', '统一社会信用代码', 'Tax ID', 'taxId'),
      col('manager', '客户经理', 'Account manager', 'email'),
      col('creditLimit', '信用额度', 'Credit limit', 'money', { nullable: true }),
      col('termsDays', '账期(天)', 'Payment terms (days)', 'integer', {
        nullable: true,
        min: 0,
        max: 365,
        defaultText: '30',
      }),
      col('language', '语言', 'Language', 'enum', { opts: ENUMS.lang }),
      col('remindersPaused', '暂停催收', 'Reminders paused', 'checkbox'),
      col('status', '状态', 'Status', 'enum', { opts: ENUMS.customerStatus, defaultText: 'active' }),
      col('segmentOverride', '分类(手动)', 'Segment override', 'enum', { opts: ENUMS.segment }),
      notes(),
      d('outstanding', '应收余额', 'Outstanding', 'money'),
      d('overdue', '逾期金额', 'Overdue', 'money'),
      d('oldestOverdueDays', '最长逾期天数', 'Oldest overdue (days)', 'integer'),
      d('lastPaymentDate', '最近回款日', 'Last payment', 'date'),
      d('creditScore', '信用评分', 'Credit score', 'integer', { nullable: true }),
      d('creditGrade', '信用等级', 'Credit grade', 'enum', { opts: ENUMS.grade }),
      d('segment', '客户分类', 'Segment', 'enum', { opts: ENUMS.segment }),
      d('segmentReason', '分类原因', 'Segment reason', 'longtext'),
      d('scoreReasons', '评分原因', 'Score reasons', 'longtext'),
      d('scoredAt', '评分日期', 'Scored on', 'date'),
      d('recommendedLimit', '建议信用额度', 'Recommended limit', 'money', { nullable: true }),
      d('recommendedTerms', '建议账期(天)', 'Recommended terms (days)', 'integer', { nullable: true }),
      d('policyReasons', '建议依据', 'Recommendation reasons', 'longtext'),
      ...stamps(),
      // Appended last: setup/repair adds them to existing workbooks without moving any column. Checkboxes share the
      // one checkbox rule, so setup stays within its 150 calls (PRODUCT §10).
      col('monthlyStatement', '月度对账单', 'Monthly statement', 'checkbox'),
      col('monthlyConfirmation', '月度询证函', 'Monthly balance confirmation', 'checkbox'),
    ],
  },
  invoices: {
    role: 'invoices',
    name: { 'zh-CN': '应收账款', en: 'Receivables' },
    log: false,
    columns: [
      col('id', '单据编号', 'Invoice ID', 'id', { required: true }),
      col('customerId', '客户编号', 'Customer ID', 'id', { required: true }),
      col('contractNo', '合同编号', 'Contract no.', 'id'),
      col('project', '合作项目', 'Project', 'text', { width: 180 }),
      col('issueDate', '开票日期', 'Issue date', 'date', { required: true }),
      col('dueDate', '到期日', 'Due date', 'date'),
      col('amount', '金额', 'Amount', 'money', { required: true, positive: true }),
      col('currency', '币种', 'Currency', 'currency'),
      col('status', '状态', 'Status', 'enum', { opts: ENUMS.invoiceStatus, defaultText: 'open' }),
      col('promiseDate', '承诺付款日', 'Promised date', 'date'),
      notes(),
      d('paid', '已收金额', 'Paid', 'money'),
      d('outstanding', '未收金额', 'Outstanding', 'money'),
      d('settledDate', '结清日期', 'Settled on', 'date'),
      d('daysOverdue', '逾期天数', 'Days overdue', 'integer'),
      d('agingBucket', '账龄', 'Aging', 'enum', { opts: ENUMS.aging }),
      d('lastReminderStage', '最近催收阶段', 'Last reminder stage', 'text'),
      d('lastReminderAt', '最近催收时间', 'Last reminder at', 'datetime'),
    ],
  },
  payments: {
    role: 'payments',
    name: { 'zh-CN': '回款', en: 'Payments' },
    log: false,
    columns: [
      col('id', '回款编号', 'Payment ID', 'id', { required: true }),
      col('invoiceId', '单据编号', 'Invoice ID', 'id', { required: true }),
      col('customerId', '客户编号', 'Customer ID', 'id'),
      col('date', '回款日期', 'Date', 'date', { required: true, when: 'notFuture' }),
      col('amount', '回款金额', 'Amount', 'money', { required: true, positive: true }),
      col('method', '付款方式', 'Method', 'enum', { opts: ENUMS.paymentMethod, defaultText: 'bank' }),
      col('reference', '付款凭证号', 'Reference', 'id'),
      col('recordedBy', '登记人', 'Recorded by', 'email'),
      notes(),
    ],
  },
  interactions: {
    role: 'interactions',
    name: { 'zh-CN': '服务记录', en: 'Interactions' },
    log: false,
    columns: [
      col('id', '记录编号', 'Interaction ID', 'id', { required: true }),
      col('customerId', '客户编号', 'Customer ID', 'id', { required: true }),
      col('date', '日期', 'Date', 'date', { required: true, when: 'notFuture' }),
      col('channel', '渠道', 'Channel', 'enum', { opts: ENUMS.channel }),
      col('type', '类型', 'Type', 'enum', { opts: ENUMS.interactionType }),
      col('summary', '摘要', 'Summary', 'longtext', { required: true }),
      col('satisfaction', '满意度', 'Satisfaction', 'integer', { nullable: true, min: 1, max: 5 }),
      col('status', '状态', 'Status', 'enum', { opts: ENUMS.interactionStatus, defaultText: 'open' }),
      col('owner', '负责人', 'Owner', 'email'),
      col('resolution', '处理结果', 'Resolution', 'longtext'),
      col('resolvedAt', '解决日期', 'Resolved on', 'date'),
    ],
  },
  reminders: {
    role: 'reminders',
    name: { 'zh-CN': '催收记录', en: 'Reminder log' },
    log: true,
    columns: [
      col('at', '时间', 'At', 'text', { required: true, width: 150 }),
      col('customerId', '客户编号', 'Customer ID', 'id'),
      col('invoiceIds', '单据编号', 'Invoice IDs', 'text'),
      col('stage', '催收阶段', 'Stage', 'text'),
      col('to', '收件人', 'To', 'text', { width: 190 }),
      col('cc', '抄送', 'Cc', 'text', { width: 190 }),
      col('subject', '主题', 'Subject', 'text', { width: 240 }),
      col('result', '结果', 'Result', 'text'),
      col('detail', '详情', 'Detail', 'longtext'),
      // The stage and result in words, beside the codes the engine reads (src/domain/reminders/log-text.ts).
      col('stageText', '阶段说明', 'Stage (in words)', 'text', { width: 150 }),
      col('resultText', '结果说明', 'Result (in words)', 'text', { width: 200 }),
    ],
  },
  audit: {
    role: 'audit',
    name: { 'zh-CN': '操作日志', en: 'Audit log' },
    log: true,
    // Every audit field is text so a row reads back exactly as hashed (a Date round trip could alter it).
    columns: [
      col('at', '时间', 'At', 'text', { required: true, width: 150 }),
      col('user', '用户', 'User', 'text', { width: 180 }),
      col('action', '操作', 'Action', 'text'),
      col('sheet', '工作表', 'Sheet', 'text', { width: 100 }),
      col('recordId', '记录编号', 'Record ID', 'text', { width: 110 }),
      col('field', '字段', 'Field', 'text', { width: 110 }),
      col('oldValue', '原值', 'Old value', 'longtext', { width: 200 }),
      col('newValue', '新值', 'New value', 'longtext', { width: 200 }),
      col('source', '来源', 'Source', 'text', { width: 80 }),
      col('hash', '校验值', 'Hash', 'text', { width: 120 }),
    ],
  },
  settings: {
    role: 'settings',
    name: { 'zh-CN': '设置', en: 'Settings' },
    log: false,
    columns: [
      col('key', '键', 'Key', 'text', { required: true, width: 200 }),
      col('value', '值', 'Value', 'longtext', { width: 320 }),
      col('description', '说明', 'Description', 'longtext', { width: 420 }),
    ],
  },
};

export function sheetOf(role: Role): SheetDef {
  return SHEETS[role];
}

export function columnsOf(role: Role): readonly Column[] {
  return SHEETS[role].columns;
}

export function columnOf(role: Role, key: string): Column | undefined {
  return SHEETS[role].columns.find((c) => c.key === key);
}

export function headerOf(column: Column, lang: Lang): string {
  return column.header[lang];
}

/** Header comparison key: case-, width- and space-insensitive, so "customer id", "Customer  ID" and "客户编号 " match. */
export function normalizeHeader(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The column whose header (in either language) or key matches `headerText`. */
export function findColumn(role: Role, headerText: unknown): Column | undefined {
  const n = normalizeHeader(headerText);
  if (!n) return undefined;
  return SHEETS[role].columns.find(
    (c) => normalizeHeader(c.header['zh-CN']) === n || normalizeHeader(c.header.en) === n || c.key.toLowerCase() === n,
  );
}

/** Per enum column: normalized value/label → value, built once (a ledger reads the same labels on every row). */
const enumIndex = new WeakMap<Column, Map<string, string>>();

function enumLookup(column: Column): Map<string, string> {
  let m = enumIndex.get(column);
  if (!m) {
    m = new Map();
    // Reverse order so the first option wins a clash, as a front-to-back search would.
    for (const o of [...(column.options ?? [])].reverse()) {
      for (const text of [o.label.en, o.label['zh-CN'], o.value]) {
        const n = normalizeHeader(text);
        if (n) m.set(n, o.value);
      }
    }
    enumIndex.set(column, m);
  }
  return m;
}

/** Canonical enum value for a label in either language (or the value itself); undefined when unknown. */
export function enumValue(column: Column, input: unknown): string | undefined {
  if (!column.options) return undefined;
  const lookup = enumLookup(column);
  // Cells repeat the exact labels: the raw text is tried before the (costly) NFKC normalization.
  if (typeof input === 'string') {
    const raw = lookup.get(`\u0000${input}`);
    if (raw !== undefined) return raw;
  }
  const n = normalizeHeader(input);
  if (!n) return undefined;
  const v = lookup.get(n);
  if (v !== undefined && typeof input === 'string') lookup.set(`\u0000${input}`, v);
  return v;
}

/** The label an enum value is written with in `lang` (unknown values are written as given). */
export function enumLabel(column: Column, value: string, lang: Lang): string {
  const hit = column.options?.find((o) => o.value === value);
  return hit ? hit.label[lang] : value;
}

/** The role whose sheet name (either language) matches; for finding sheets when no id was stored. */
export function roleOfSheetName(name: string): Role | undefined {
  const n = normalizeHeader(name);
  return (Object.keys(SHEETS) as Role[]).find(
    (r) => normalizeHeader(SHEETS[r].name['zh-CN']) === n || normalizeHeader(SHEETS[r].name.en) === n,
  );
}
