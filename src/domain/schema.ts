// The ONE description of the workbook (PRODUCT.md §1): every sheet role, its localized name and its columns with
// type, rules, format, width, and whether the add-on derives/protects it. Setup, the row↔record mapping, the form
// validators and the in-sheet validation rules are all computed from this table, so adding a column is one line here
// (plus its field in records.ts). Column keys are the record field names.
import type { Role } from '../app/ports';
import type { Lang } from './i18n';
import { type Column, col, d, opt, type SheetDef, same } from './schema-types';
import { everyLang, msg } from './i18n';

export type { Column, ColumnType, EnumOption, SheetDef } from './schema-types';
export { MAX_TEXT } from './schema-types';

export const ENUMS = {
  customerType: [
    opt('company', msg('schema.ENUMS.customerType.company')),
    opt('individual', msg('schema.ENUMS.customerType.individual')),
  ],
  customerStatus: [
    opt('prospect', msg('schema.ENUMS.customerStatus.prospect')),
    opt('active', msg('schema.ENUMS.customerStatus.active')),
    opt('inactive', msg('schema.ENUMS.customerStatus.inactive')),
  ],
  lang: [
    opt('zh-CN', msg('schema.ENUMS.lang.zh-CN'), ['简体中文', '簡體中文', 'Chinese (Simplified)']),
    opt('zh-TW', msg('schema.ENUMS.lang.zh-TW')),
    opt('en', msg('schema.ENUMS.lang.en')),
  ],
  segment: [
    opt('vip', msg('schema.ENUMS.segment.vip')),
    opt('normal', msg('schema.ENUMS.segment.normal')),
    opt('high-risk', msg('schema.ENUMS.segment.high-risk')),
  ],
  grade: same('AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'NR'),
  invoiceStatus: [
    opt('open', msg('schema.ENUMS.invoiceStatus.open')),
    opt('disputed', msg('schema.ENUMS.invoiceStatus.disputed')),
    opt('promised', msg('schema.ENUMS.invoiceStatus.promised')),
    opt('written-off', msg('schema.ENUMS.invoiceStatus.written-off')),
    opt('pending-approval', msg('schema.ENUMS.invoiceStatus.pending-approval')),
  ],
  aging: [
    opt('current', msg('schema.ENUMS.aging.current')),
    opt('1-30', msg('schema.ENUMS.aging.1-30')),
    opt('31-60', msg('schema.ENUMS.aging.31-60')),
    opt('61-90', msg('schema.ENUMS.aging.61-90')),
    opt('90+', msg('schema.ENUMS.aging.90+')),
  ],
  paymentMethod: [
    opt('bank', msg('schema.ENUMS.paymentMethod.bank')),
    opt('cash', msg('schema.ENUMS.paymentMethod.cash')),
    opt('cheque', msg('schema.ENUMS.paymentMethod.cheque')),
    opt('card', msg('schema.ENUMS.paymentMethod.card')),
    opt('wechat', msg('schema.ENUMS.paymentMethod.wechat')),
    opt('alipay', msg('schema.ENUMS.paymentMethod.alipay')),
    opt('acceptance', msg('schema.ENUMS.paymentMethod.acceptance')),
    opt('other', msg('schema.ENUMS.paymentMethod.other')),
  ],
  channel: [
    opt('phone', msg('schema.ENUMS.channel.phone')),
    opt('email', msg('schema.ENUMS.channel.email')),
    opt('visit', msg('schema.ENUMS.channel.visit')),
    opt('wechat', msg('schema.ENUMS.channel.wechat')),
    opt('online', msg('schema.ENUMS.channel.online')),
    opt('other', msg('schema.ENUMS.channel.other')),
  ],
  interactionType: [
    opt('inquiry', msg('schema.ENUMS.interactionType.inquiry')),
    opt('complaint', msg('schema.ENUMS.interactionType.complaint')),
    opt('suggestion', msg('schema.ENUMS.interactionType.suggestion')),
    opt('feedback', msg('schema.ENUMS.interactionType.feedback')),
    opt('follow-up', msg('schema.ENUMS.interactionType.follow-up')),
    opt('collection', msg('schema.ENUMS.interactionType.collection')),
  ],
  interactionStatus: [
    opt('open', msg('schema.ENUMS.interactionStatus.open')),
    opt('resolved', msg('schema.ENUMS.interactionStatus.resolved')),
  ],
} as const;

const notes = () => col('notes', msg('schema.notes.notes'), 'longtext');
const stamps = () => [
  d('createdAt', msg('schema.stamps.createdAt'), 'datetime'),
  d('updatedAt', msg('schema.stamps.updatedAt'), 'datetime'),
  d('updatedBy', msg('schema.stamps.updatedBy'), 'email'),
];

export const SHEETS: Readonly<Record<Role, SheetDef>> = {
  customers: {
    role: 'customers',
    name: msg('schema.SHEETS.customers.name'),
    log: false,
    columns: [
      col('id', msg('schema.SHEETS.customers.columns.id'), 'id', { required: true }),
      col('name', msg('schema.SHEETS.customers.columns.name'), 'text', { required: true, maxLength: 200, width: 180 }),
      col('type', msg('schema.SHEETS.customers.columns.type'), 'enum', { opts: ENUMS.customerType }),
      col('contact', msg('schema.SHEETS.customers.columns.contact'), 'text'),
      col('phone', msg('schema.SHEETS.customers.columns.phone'), 'phone'),
      col('email', msg('schema.SHEETS.customers.columns.email'), 'email'),
      col('address', msg('schema.SHEETS.customers.columns.address'), 'text', { width: 220 }),
      col('industry', msg('schema.SHEETS.customers.columns.industry'), 'text', { listSetting: 'industries' }),
      col('region', msg('schema.SHEETS.customers.columns.region'), 'text'),
      col('birthDate', msg('schema.SHEETS.customers.columns.birthDate'), 'date', { when: 'past' }),
      col('occupation', msg('schema.SHEETS.customers.columns.occupation'), 'text'),
      col('taxId', msg('schema.SHEETS.customers.columns.taxId'), 'taxId'),
      col('manager', msg('schema.SHEETS.customers.columns.manager'), 'email'),
      col('creditLimit', msg('schema.SHEETS.customers.columns.creditLimit'), 'money', { nullable: true }),
      col('termsDays', msg('schema.SHEETS.customers.columns.termsDays'), 'integer', {
        nullable: true,
        min: 0,
        max: 365,
        defaultText: '30',
      }),
      col('language', msg('schema.SHEETS.customers.columns.language'), 'enum', { opts: ENUMS.lang }),
      col('remindersPaused', msg('schema.SHEETS.customers.columns.remindersPaused'), 'checkbox'),
      col('status', msg('schema.SHEETS.customers.columns.status'), 'enum', {
        opts: ENUMS.customerStatus,
        defaultText: 'active',
      }),
      col('segmentOverride', msg('schema.SHEETS.customers.columns.segmentOverride'), 'enum', { opts: ENUMS.segment }),
      notes(),
      d('outstanding', msg('schema.SHEETS.customers.columns.outstanding'), 'money'),
      d('overdue', msg('schema.SHEETS.customers.columns.overdue'), 'money'),
      d('oldestOverdueDays', msg('schema.SHEETS.customers.columns.oldestOverdueDays'), 'integer'),
      d('lastPaymentDate', msg('schema.SHEETS.customers.columns.lastPaymentDate'), 'date'),
      d('creditScore', msg('schema.SHEETS.customers.columns.creditScore'), 'integer', { nullable: true }),
      d('creditGrade', msg('schema.SHEETS.customers.columns.creditGrade'), 'enum', { opts: ENUMS.grade }),
      d('segment', msg('schema.SHEETS.customers.columns.segment'), 'enum', { opts: ENUMS.segment }),
      d('segmentReason', msg('schema.SHEETS.customers.columns.segmentReason'), 'longtext'),
      d('scoreReasons', msg('schema.SHEETS.customers.columns.scoreReasons'), 'longtext'),
      d('scoredAt', msg('schema.SHEETS.customers.columns.scoredAt'), 'date'),
      d('recommendedLimit', msg('schema.SHEETS.customers.columns.recommendedLimit'), 'money', { nullable: true }),
      d('recommendedTerms', msg('schema.SHEETS.customers.columns.recommendedTerms'), 'integer', { nullable: true }),
      d('policyReasons', msg('schema.SHEETS.customers.columns.policyReasons'), 'longtext'),
      ...stamps(),
      // Optional financial ratios from the customer's statements (PRODUCT §4); they feed the score when filled in.
      // Last, so repairing an older workbook appends them where a new workbook has them.
      col('debtRatio', msg('schema.SHEETS.customers.columns.debtRatio'), 'decimal', {
        nullable: true,
        min: 0,
        max: 1000,
      }),
      col('currentRatio', msg('schema.SHEETS.customers.columns.currentRatio'), 'decimal', {
        nullable: true,
        min: 0,
        max: 100,
      }),
    ],
  },
  invoices: {
    role: 'invoices',
    name: msg('schema.SHEETS.invoices.name'),
    log: false,
    columns: [
      col('id', msg('schema.SHEETS.invoices.columns.id'), 'id', { required: true }),
      col('customerId', msg('schema.SHEETS.invoices.columns.customerId'), 'id', { required: true }),
      col('contractNo', msg('schema.SHEETS.invoices.columns.contractNo'), 'id'),
      col('project', msg('schema.SHEETS.invoices.columns.project'), 'text', { width: 180 }),
      col('issueDate', msg('schema.SHEETS.invoices.columns.issueDate'), 'date', { required: true }),
      col('dueDate', msg('schema.SHEETS.invoices.columns.dueDate'), 'date'),
      col('amount', msg('schema.SHEETS.invoices.columns.amount'), 'money', { required: true, positive: true }),
      col('currency', msg('schema.SHEETS.invoices.columns.currency'), 'currency'),
      col('status', msg('schema.SHEETS.invoices.columns.status'), 'enum', {
        opts: ENUMS.invoiceStatus,
        defaultText: 'open',
      }),
      col('promiseDate', msg('schema.SHEETS.invoices.columns.promiseDate'), 'date'),
      notes(),
      d('paid', msg('schema.SHEETS.invoices.columns.paid'), 'money'),
      d('outstanding', msg('schema.SHEETS.invoices.columns.outstanding'), 'money'),
      d('settledDate', msg('schema.SHEETS.invoices.columns.settledDate'), 'date'),
      d('daysOverdue', msg('schema.SHEETS.invoices.columns.daysOverdue'), 'integer'),
      d('agingBucket', msg('schema.SHEETS.invoices.columns.agingBucket'), 'enum', { opts: ENUMS.aging }),
      d('lastReminderStage', msg('schema.SHEETS.invoices.columns.lastReminderStage'), 'text'),
      d('lastReminderAt', msg('schema.SHEETS.invoices.columns.lastReminderAt'), 'datetime'),
    ],
  },
  payments: {
    role: 'payments',
    name: msg('schema.SHEETS.payments.name'),
    log: false,
    columns: [
      col('id', msg('schema.SHEETS.payments.columns.id'), 'id', { required: true }),
      col('invoiceId', msg('schema.SHEETS.payments.columns.invoiceId'), 'id', { required: true }),
      col('customerId', msg('schema.SHEETS.payments.columns.customerId'), 'id'),
      col('date', msg('schema.SHEETS.payments.columns.date'), 'date', { required: true, when: 'notFuture' }),
      col('amount', msg('schema.SHEETS.payments.columns.amount'), 'money', { required: true, positive: true }),
      col('method', msg('schema.SHEETS.payments.columns.method'), 'enum', {
        opts: ENUMS.paymentMethod,
        defaultText: 'bank',
      }),
      col('reference', msg('schema.SHEETS.payments.columns.reference'), 'id'),
      col('recordedBy', msg('schema.SHEETS.payments.columns.recordedBy'), 'email'),
      notes(),
      // Appended last (existing workbooks get it from Set up / repair): the rows of one split receipt share it.
      col('receiptId', msg('schema.SHEETS.payments.columns.receiptId'), 'id'),
    ],
  },
  interactions: {
    role: 'interactions',
    name: msg('schema.SHEETS.interactions.name'),
    log: false,
    columns: [
      col('id', msg('schema.SHEETS.interactions.columns.id'), 'id', { required: true }),
      col('customerId', msg('schema.SHEETS.interactions.columns.customerId'), 'id', { required: true }),
      col('date', msg('schema.SHEETS.interactions.columns.date'), 'date', { required: true, when: 'notFuture' }),
      col('channel', msg('schema.SHEETS.interactions.columns.channel'), 'enum', { opts: ENUMS.channel }),
      col('type', msg('schema.SHEETS.interactions.columns.type'), 'enum', { opts: ENUMS.interactionType }),
      col('summary', msg('schema.SHEETS.interactions.columns.summary'), 'longtext', { required: true }),
      col('satisfaction', msg('schema.SHEETS.interactions.columns.satisfaction'), 'integer', {
        nullable: true,
        min: 1,
        max: 5,
      }),
      col('status', msg('schema.SHEETS.interactions.columns.status'), 'enum', {
        opts: ENUMS.interactionStatus,
        defaultText: 'open',
      }),
      col('owner', msg('schema.SHEETS.interactions.columns.owner'), 'email'),
      col('resolution', msg('schema.SHEETS.interactions.columns.resolution'), 'longtext'),
      col('resolvedAt', msg('schema.SHEETS.interactions.columns.resolvedAt'), 'date'),
    ],
  },
  reminders: {
    role: 'reminders',
    name: msg('schema.SHEETS.reminders.name'),
    log: true,
    columns: [
      col('at', msg('schema.SHEETS.reminders.columns.at'), 'text', { required: true, width: 150 }),
      col('customerId', msg('schema.SHEETS.reminders.columns.customerId'), 'id'),
      col('invoiceIds', msg('schema.SHEETS.reminders.columns.invoiceIds'), 'text'),
      col('stage', msg('schema.SHEETS.reminders.columns.stage'), 'text'),
      col('to', msg('schema.SHEETS.reminders.columns.to'), 'text', { width: 190 }),
      col('cc', msg('schema.SHEETS.reminders.columns.cc'), 'text', { width: 190 }),
      col('subject', msg('schema.SHEETS.reminders.columns.subject'), 'text', { width: 240 }),
      col('result', msg('schema.SHEETS.reminders.columns.result'), 'text'),
      col('detail', msg('schema.SHEETS.reminders.columns.detail'), 'longtext'),
      // The stage and result in words, beside the codes the engine reads (src/domain/reminders/log-text.ts).
      col('stageText', msg('schema.SHEETS.reminders.columns.stageText'), 'text', { width: 150 }),
      col('resultText', msg('schema.SHEETS.reminders.columns.resultText'), 'text', { width: 200 }),
    ],
  },
  audit: {
    role: 'audit',
    name: msg('schema.SHEETS.audit.name'),
    log: true,
    // Every audit field is text so a row reads back exactly as hashed (a Date round trip could alter it).
    columns: [
      col('at', msg('schema.SHEETS.audit.columns.at'), 'text', { required: true, width: 150 }),
      col('user', msg('schema.SHEETS.audit.columns.user'), 'text', { width: 180 }),
      col('action', msg('schema.SHEETS.audit.columns.action'), 'text'),
      col('sheet', msg('schema.SHEETS.audit.columns.sheet'), 'text', { width: 100 }),
      col('recordId', msg('schema.SHEETS.audit.columns.recordId'), 'text', { width: 110 }),
      col('field', msg('schema.SHEETS.audit.columns.field'), 'text', { width: 110 }),
      col('oldValue', msg('schema.SHEETS.audit.columns.oldValue'), 'longtext', { width: 200 }),
      col('newValue', msg('schema.SHEETS.audit.columns.newValue'), 'longtext', { width: 200 }),
      col('source', msg('schema.SHEETS.audit.columns.source'), 'text', { width: 80 }),
      col('hash', msg('schema.SHEETS.audit.columns.hash'), 'text', { width: 120 }),
    ],
  },
  settings: {
    role: 'settings',
    name: msg('schema.SHEETS.settings.name'),
    log: false,
    columns: [
      col('key', msg('schema.SHEETS.settings.columns.key'), 'text', { required: true, width: 200 }),
      col('value', msg('schema.SHEETS.settings.columns.value'), 'longtext', { width: 320 }),
      col('description', msg('schema.SHEETS.settings.columns.description'), 'longtext', { width: 420 }),
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

/** The column whose header (in any language) or key matches `headerText`: a colleague's locale does not matter. */
export function findColumn(role: Role, headerText: unknown): Column | undefined {
  const n = normalizeHeader(headerText);
  if (!n) return undefined;
  return SHEETS[role].columns.find(
    (c) => everyLang(c.header).some((h) => normalizeHeader(h) === n) || c.key.toLowerCase() === n,
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
      for (const text of [...(o.aliases ?? []), o.label.en, o.label['zh-CN'], o.label['zh-TW'], o.value]) {
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

/** The role whose sheet name (any language) matches; for finding sheets when no id was stored. */
export function roleOfSheetName(name: string): Role | undefined {
  const n = normalizeHeader(name);
  return (Object.keys(SHEETS) as Role[]).find((r) => everyLang(SHEETS[r].name).some((s) => normalizeHeader(s) === n));
}
