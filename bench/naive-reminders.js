// The benchmark's NAIVE BASELINE for the daily reminder run: an overdue-reminder script written the way a typical
// Apps Script tutorial writes it, so `npm run bench` can show what batching and planning save. It is plain Apps
// Script (no build step) loaded into its own emulator environment on the same workbook as the add-on. Deliberately
// naive, and kept naive: columns found by reading header cells one by one, one getRange().getValue() per cell read,
// one MailApp.sendEmail and one setValue per overdue row. It is not part of the add-on and is never deployed.

/** Finds a column by reading header cells one at a time (tutorial style: no getValues). */
function findColumn_(sheet, header) {
  const lastColumn = sheet.getLastColumn();
  for (let c = 1; c <= lastColumn; c++) {
    if (sheet.getRange(1, c).getValue() === header) return c;
  }
  throw new Error(`Column not found: ${header}`);
}

/** Entry point: e-mails every overdue, unpaid, not yet reminded invoice and marks its row as reminded. */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script global, called by name from the emulator.
function sendOverdueReminders() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const customers = ss.getSheetByName('客户');
  const invoices = ss.getSheetByName('应收账款');

  // Customer id → e-mail, one cell at a time.
  const custId = findColumn_(customers, '客户编号');
  const custEmail = findColumn_(customers, '邮箱');
  const emails = {};
  const lastCustomer = customers.getLastRow();
  for (let r = 2; r <= lastCustomer; r++) {
    const id = customers.getRange(r, custId).getValue();
    emails[id] = customers.getRange(r, custEmail).getValue();
  }

  const colId = findColumn_(invoices, '单据编号');
  const colCustomer = findColumn_(invoices, '客户编号');
  const colDue = findColumn_(invoices, '到期日');
  const colOutstanding = findColumn_(invoices, '未收金额');
  const colStatus = findColumn_(invoices, '状态');
  const colReminded = findColumn_(invoices, '最近催收阶段');

  const today = new Date();
  today.setHours(0, 0, 0, 0);
  let sent = 0;
  const lastInvoice = invoices.getLastRow();
  for (let r = 2; r <= lastInvoice; r++) {
    const due = invoices.getRange(r, colDue).getValue();
    const outstanding = invoices.getRange(r, colOutstanding).getValue();
    const status = invoices.getRange(r, colStatus).getValue();
    const reminded = invoices.getRange(r, colReminded).getValue();
    if (!due || due >= today || !(outstanding > 0) || reminded) continue;
    if (status === '已核销' || status === '争议中') continue;
    const email = emails[invoices.getRange(r, colCustomer).getValue()];
    if (!email) continue;
    const id = invoices.getRange(r, colId).getValue();
    MailApp.sendEmail(
      email,
      `付款提醒 Payment reminder: ${id}`,
      `您好，单据 ${id} 已逾期，未收金额 ${outstanding}。请尽快安排付款。\n` +
        `Invoice ${id} is overdue; ${outstanding} is outstanding. Please arrange payment.`,
    );
    invoices.getRange(r, colReminded).setValue('reminded');
    sent++;
  }
  return sent;
}
