// The demo workbook as plain records (field names = the schema's column keys, money in integer cents, days as ISO
// strings), generated deterministically from a seed. Pure: no Date, no services. The playground writes these rows
// into the emulated workbook; the benchmark reuses the generator at any size (`invoices: 50000`).
// Each customer gets a payment behaviour profile, so the data holds on-time, late, disputed, promised and
// written-off cases in realistic proportions, and some invoices are always close to a reminder stage "today".
import { dayNumber, type IsoDay } from '../../src/domain/day';
import type { Cents } from '../../src/domain/money';
import type { Customer, Interaction, Invoice, Payment } from '../../src/domain/records';
import { buildCustomers, type Profile } from './demo-customers';
import { makeInvoices } from './demo-invoices';
import { Rng } from './demo-pools';
import { makeInteractions } from './demo-interactions';

/** The input columns of a customer (derived columns are left to the add-on's refresh and rescore). */
export type DemoCustomer = Pick<
  Customer,
  | 'id'
  | 'name'
  | 'type'
  | 'contact'
  | 'phone'
  | 'email'
  | 'address'
  | 'industry'
  | 'region'
  | 'birthDate'
  | 'occupation'
  | 'taxId'
  | 'manager'
  | 'creditLimit'
  | 'termsDays'
  | 'language'
  | 'remindersPaused'
  | 'status'
  | 'segmentOverride'
  | 'notes'
  | 'createdAt'
  | 'updatedAt'
  | 'updatedBy'
>;
export type DemoInvoice = Pick<
  Invoice,
  | 'id'
  | 'customerId'
  | 'contractNo'
  | 'project'
  | 'issueDate'
  | 'dueDate'
  | 'amount'
  | 'currency'
  | 'status'
  | 'promiseDate'
  | 'notes'
>;

export interface DemoOptions {
  seed?: number;
  customers?: number;
  invoices?: number;
  /** "Today" of the data: invoices span the two years before it. */
  asOf?: IsoDay;
  /** Industry values as the workbook's settings list them (the column's dropdown). */
  industries?: readonly string[];
  /** Account managers' e-mails. */
  managers?: readonly string[];
}

export interface DemoWorkbook {
  asOf: IsoDay;
  customers: DemoCustomer[];
  invoices: DemoInvoice[];
  payments: Payment[];
  interactions: Interaction[];
}

export const DEFAULT_AS_OF: IsoDay = '2026-11-20';
/** The add-on's default industry list (settings key `industries`); the playground passes the workbook's own. */
export const DEFAULT_INDUSTRIES: readonly string[] = [
  '制造业',
  '批发零售',
  '信息技术',
  '金融',
  '建筑',
  '服务业',
  '其他',
];
export const DEFAULT_MANAGERS: readonly string[] = [
  'li.na@demo-ledger.cn',
  'wang.qiang@demo-ledger.cn',
  'zhang.min@demo-ledger.cn',
  'emily.chen@demo-ledger.cn',
];

/** The playground's first-start workbook: a few hundred customers, a few thousand invoices. */
export const DEFAULT_SIZE = { customers: 300, invoices: 3000 } as const;

/** Customers for an invoice count when the caller does not say: 300, or one per five invoices when larger. */
export function defaultCustomerCount(invoices: number): number {
  return Math.max(Math.min(300, Math.max(1, invoices)), Math.round(invoices / 5));
}

export function generateDemoWorkbook(options: DemoOptions = {}): DemoWorkbook {
  const seed = options.seed ?? 20261120;
  const invoiceCount = options.invoices ?? DEFAULT_SIZE.invoices;
  const customerCount =
    options.customers ?? (options.invoices === undefined ? DEFAULT_SIZE.customers : defaultCustomerCount(invoiceCount));
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (Number.isNaN(dayNumber(asOf))) throw new RangeError(`asOf is not a day: ${asOf}`);
  const rng = new Rng(seed);
  const built = buildCustomers(
    rng,
    customerCount,
    asOf,
    options.industries ?? DEFAULT_INDUSTRIES,
    options.managers ?? DEFAULT_MANAGERS,
  );
  const { invoices, payments } = makeInvoices(rng, built, invoiceCount, asOf);
  const interactions = makeInteractions(rng, built, Math.round(invoiceCount / 3), asOf);
  return { asOf, customers: built.map((b) => b.customer), invoices, payments, interactions };
}

interface Built {
  customer: DemoCustomer;
  profile: Profile;
  since: IsoDay;
  /** Last day the customer was active (inactive customers stopped buying). */
  until: IsoDay;
  weight: number;
  typicalAmount: Cents;
  flavor: { projectsZh: readonly string[]; projectsEn: readonly string[] };
}

export type BuiltCustomer = Built;
