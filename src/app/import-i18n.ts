// Texts of the import (PRODUCT.md §12), zh-CN and en: row problems written to the Import report sheet, refusals of
// a whole source (nothing is written then) and progress lines. Each refusal says what is wrong and what to do.
import type { Catalog } from '../domain/i18n';

export const IMPORT_TEXT = {
  unknownCustomer: {
    'zh-CN': '找不到客户“{ref}”（按客户编号或完整客户名称查找）。请先导入或新建该客户。',
    en: 'Customer “{ref}” was not found (looked up by customer ID or exact name). Import or create the customer first.',
  },
  ambiguousCustomer: {
    'zh-CN': '有多位客户名为“{ref}”，请改用客户编号。',
    en: 'Several customers are named “{ref}”; use the customer ID instead.',
  },
  unknownInvoice: {
    'zh-CN': '找不到单据 {ref}。请先导入应收单据。',
    en: 'Invoice {ref} was not found. Import the receivables first.',
  },
  invoiceClosed: {
    'zh-CN': '单据 {ref} 已核销或已结清，不能再登记回款。',
    en: 'Invoice {ref} is written off or settled; no payment can be applied.',
  },
  overpayment: {
    'zh-CN': '回款金额超过单据 {ref} 的未收金额 {outstanding}。',
    en: 'The amount exceeds the outstanding {outstanding} of invoice {ref}.',
  },
  duplicateId: {
    'zh-CN': '编号 {id} 已存在，且导入方式为“新建”：编号不能重复。',
    en: 'ID {id} already exists and the mode is “create”: IDs must be unique.',
  },
  duplicateInFile: { 'zh-CN': '与源数据第 {row} 行重复。', en: 'Duplicates source row {row}.' },
  sourceMissing: {
    'zh-CN': '找不到工作表“{name}”。请确认标签名称，或先用“文件 → 导入”把文件导入为新标签。',
    en: 'There is no sheet named “{name}”. Check the tab name, or first bring the file in with File → Import as a new tab.',
  },
  sourceIsLedger: {
    'zh-CN': '“{name}”是台账自身的工作表，不能作为导入来源。',
    en: '“{name}” is one of the ledger’s own sheets and cannot be an import source.',
  },
  empty: {
    'zh-CN': '来源没有数据：第一行应为标题，下面是数据行。',
    en: 'The source has no data: the first row must be headers, with data rows below.',
  },
  noHeader: {
    'zh-CN':
      '第一行不像标题行：没有一个标题能对应到“{target}”的字段（例如 {example}）。请在第一行放列标题，或在侧边栏手动对应列。',
    en: 'The first row does not look like a header row: no header matches a field of “{target}” (e.g. {example}). Put column headers in row 1, or map the columns by hand in the sidebar.',
  },
  blankHeader: {
    'zh-CN': '第 {col} 列有数据但标题为空（可能是合并的标题单元格）。请取消合并并为每列填写标题。',
    en: 'Column {col} holds data but has no header (merged header cells?). Unmerge them and give every column its own header.',
  },
  tooManyRows: {
    'zh-CN': '来源有 {n} 行数据，超过单次导入上限 {max} 行。请拆分为多个文件或标签分批导入。',
    en: 'The source has {n} data rows, more than the {max} one import can take. Split it into several files or tabs.',
  },
  tooManyColumns: {
    'zh-CN': '来源有 {n} 列，超过上限 {max} 列；这通常不是一张明细表。请只保留需要导入的列。',
    en: 'The source has {n} columns, more than the {max} allowed; it is probably not a plain table. Keep only the columns to import.',
  },
  requiredUnmapped: {
    'zh-CN': '必填字段“{field}”没有对应的列。请在侧边栏为它选择一列。',
    en: 'The required field “{field}” has no column. Choose one for it in the sidebar.',
  },
  badRequest: { 'zh-CN': '导入请求无效：{detail}', en: 'Invalid import request: {detail}' },
  busy: {
    'zh-CN': '其他用户正在写入台账，请稍等几秒后再继续导入（已导入的部分已保存，不会重复）。',
    en: 'Another user is writing to the ledger. Wait a few seconds and continue the import (what was imported is saved and will not be doubled).',
  },
  progress: {
    'zh-CN': '已处理 {done} / {total} 行：新增 {created}，更新 {updated}，跳过 {skipped}，拒绝 {rejected}。',
    en: 'Processed {done} of {total} rows: {created} new, {updated} updated, {skipped} skipped, {rejected} rejected.',
  },
  finished: {
    'zh-CN': '导入完成：新增 {created}，更新 {updated}，跳过 {skipped}，拒绝 {rejected}。',
    en: 'Import finished: {created} new, {updated} updated, {skipped} skipped, {rejected} rejected.',
  },
  seeReport: {
    'zh-CN': '被拒绝的行及原因见“{sheet}”工作表。',
    en: 'Rejected rows and the reasons are listed in the “{sheet}” sheet.',
  },
  reportSheet: { 'zh-CN': '导入报告', en: 'Import report' },
  reportRun: { 'zh-CN': '导入时间', en: 'Imported at' },
  reportSource: { 'zh-CN': '来源', en: 'Source' },
  reportRow: { 'zh-CN': '源数据行号', en: 'Source row' },
  reportField: { 'zh-CN': '字段', en: 'Field' },
  reportMessage: { 'zh-CN': '原因', en: 'Message' },
  reportValue: { 'zh-CN': '原始值', en: 'Value' },
} satisfies Catalog;
