// Which source column feeds which ledger field (PRODUCT.md §12). Headers are matched after folding case, width,
// spaces and punctuation, against the ledger's own headers in both languages and the synonyms that Chinese ERPs
// (用友 U8/T+, 金蝶 K3/KIS), Excel templates and QuickBooks/Xero AR exports use. The user corrects the result in
// the sidebar; a mapping is `field key → source header text`, so it survives reordered columns.
import type { ImportTarget } from './import-types';
import { type Column, columnsOf } from './schema';
import { everyLang } from './i18n';

export type Mapping = Record<string, string>;

/** Extra header spellings per target and field (the schema's zh/en headers and the key always match too). */
const SYNONYMS: Readonly<Record<ImportTarget, Readonly<Record<string, readonly string[]>>>> = {
  customers: {
    id: ['客户编码', '客户代码', '客户号', '往来单位编码', '单位编码', 'Customer No', 'Customer Code', 'Account No'],
    name: [
      '客户名称',
      '公司名称',
      '单位名称',
      '客户全称',
      '往来单位',
      '往来单位名称',
      '购货单位',
      '购买方名称',
      '客户',
      'Customer',
      'Customer Name',
      'Company',
      'Company Name',
      'Display Name',
      'Contact Name',
    ],
    contact: ['联系人姓名', '联系人员', 'Contact Person', 'Primary Contact', 'Attention'],
    phone: ['联系电话', '手机', '手机号', '电话号码', '移动电话', 'Phone Number', 'Mobile', 'Telephone', 'Tel'],
    email: ['电子邮件', '电子邮箱', '邮件', 'E-mail', 'Email Address'],
    address: ['联系地址', '注册地址', '公司地址', '地址', 'Billing Address', 'Street', 'POAddressLine1'],
    industry: ['所属行业', '行业类别'],
    region: ['所属地区', '地区', '区域', '省份', 'City', 'Region', 'State'],
    taxId: [
      '税号',
      '纳税人识别号',
      '统一社会信用代码',
      '社会信用代码',
      'Tax Number',
      'Tax ID',
      'VAT Number',
      'TaxNumber',
    ],
    manager: ['业务员邮箱', '客户经理邮箱', 'Sales Rep Email', 'Account Manager'],
    creditLimit: ['信用额度', '授信额度', 'Credit Limit'],
    termsDays: ['账期', '信用期', '付款期限', '收款期限', 'Terms', 'Payment Terms', 'Due Days'],
    notes: ['备注', '说明', 'Notes', 'Memo', 'Description'],
    type: ['客户类型', '客户类别', '单位类型'],
    status: ['客户状态', '状态'],
  },
  invoices: {
    id: [
      '发票号',
      '发票号码',
      '单据号',
      '单据编号',
      '单号',
      '应收单号',
      '凭证号',
      'Invoice No',
      'Invoice Number',
      'Invoice #',
      'Num',
      'No.',
      'InvoiceNumber',
    ],
    customerId: [
      '客户编码',
      '客户代码',
      '客户编号',
      '客户名称',
      '客户',
      '往来单位',
      '购买方名称',
      'Customer',
      'Customer Name',
      'ContactName',
      'Name',
    ],
    contractNo: ['合同号', '合同编号', '合同号码', 'Contract', 'Contract No', 'Reference'],
    project: ['项目', '项目名称', '合作项目', '摘要', 'Project', 'Description', 'Memo'],
    issueDate: [
      '开票日期',
      '单据日期',
      '发票日期',
      '日期',
      '业务日期',
      'Invoice Date',
      'Date',
      'Txn Date',
      'InvoiceDate',
    ],
    dueDate: ['到期日', '到期日期', '应收日期', '收款日期', 'Due Date', 'DueDate'],
    amount: [
      '价税合计',
      '金额',
      '含税金额',
      '应收金额',
      '本币金额',
      '发票金额',
      'Amount',
      'Total',
      'Invoice Amount',
      'Total Amount',
      'Open Balance',
    ],
    currency: ['币种', '币别', '货币', 'Currency', 'Currency Code'],
    status: ['状态', '单据状态', 'Status'],
    promiseDate: ['承诺付款日', '承诺日期', 'Promise Date'],
    notes: ['备注', '说明', 'Notes', 'Memo'],
  },
  payments: {
    id: ['收款单号', '回款编号', '收款编号', 'Payment No', 'Payment ID', 'Receipt No'],
    invoiceId: ['发票号', '发票号码', '单据号', '单据编号', '应收单号', 'Invoice No', 'Invoice Number', 'Invoice #'],
    date: ['收款日期', '回款日期', '到账日期', '日期', 'Payment Date', 'Date'],
    amount: ['收款金额', '回款金额', '实收金额', '金额', 'Amount', 'Amount Received', 'Payment Amount'],
    method: ['结算方式', '付款方式', '收款方式', 'Payment Method', 'Method'],
    reference: ['凭证号', '银行流水号', '交易号', '票据号', 'Reference', 'Ref No', 'Reference No'],
    notes: ['备注', '摘要', 'Notes', 'Memo'],
  },
  interactions: {
    id: ['记录编号', '编号', 'Interaction ID', 'Activity ID'],
    customerId: ['客户编码', '客户编号', '客户名称', '客户', 'Customer', 'Customer Name'],
    date: ['日期', '记录日期', '联系日期', 'Date', 'Activity Date'],
    channel: ['渠道', '联系方式', 'Channel'],
    type: ['类型', '记录类型', 'Type'],
    summary: ['摘要', '内容', '记录内容', '事项', 'Summary', 'Subject', 'Notes'],
    satisfaction: ['满意度', '评分', 'Satisfaction', 'Rating'],
    status: ['状态', '处理状态', 'Status'],
    owner: ['负责人', '负责人邮箱', 'Owner', 'Assigned To'],
    resolution: ['处理结果', 'Resolution'],
    resolvedAt: ['解决日期', '处理日期', 'Resolved On', 'Resolved Date'],
  },
};

/** Header comparison key: width- and case-folded, without spaces and most punctuation. */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：#（）()[\]【】/\\]+/g, '');
}

/** The fields an import of `target` can fill: the form fields (derived and server-filled columns excluded). */
export function importFields(target: ImportTarget): readonly Column[] {
  const omit = target === 'payments' ? ['customerId', 'recordedBy'] : [];
  return columnsOf(target).filter((c) => !c.derived && !omit.includes(c.key));
}

/**
 * Spellings that beat the ledger's own header: on a Chinese VAT invoice 金额 is the amount before tax and 价税合计
 * (含税金额) what the customer owes, so an export holding both must take the latter.
 */
const PREFERRED: Partial<Record<ImportTarget, Readonly<Record<string, readonly string[]>>>> = {
  invoices: { amount: ['价税合计', '含税金额'] },
};

/** Every spelling that names `col` for `target`, most specific first (preferred, own headers, then synonyms). */
function spellings(target: ImportTarget, col: Column): string[] {
  const first = PREFERRED[target]?.[col.key] ?? [];
  return [...first, ...everyLang(col.header), col.key, ...(SYNONYMS[target][col.key] ?? [])];
}

/**
 * Automatic mapping: each field takes the first source header among its spellings (in the order of spellings, so
 * 价税合计 wins over 金额 when a file has both); a header feeds at most one field. Fields without a match are absent.
 */
export function autoMapping(target: ImportTarget, headers: readonly string[]): Mapping {
  const byKey = new Map<string, string>();
  for (const h of headers) {
    const k = headerKey(h);
    if (k && !byKey.has(k)) byKey.set(k, h);
  }
  const used = new Set<string>();
  const out: Mapping = {};
  for (const col of importFields(target)) {
    for (const s of spellings(target, col)) {
      const h = byKey.get(headerKey(s));
      if (h !== undefined && !used.has(h)) {
        out[col.key] = h;
        used.add(h);
        break;
      }
    }
  }
  return out;
}

/** A mapping from the client, kept only where the field exists and the header is one of the source's. */
export function cleanMapping(target: ImportTarget, headers: readonly string[], raw: unknown): Mapping | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const known = new Set(headers);
  const fields = new Set(importFields(target).map((c) => c.key));
  const out: Mapping = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (fields.has(k) && typeof v === 'string' && known.has(v)) out[k] = v;
  }
  return out;
}
