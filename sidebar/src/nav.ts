// Navigation between the sidebar's views, passed to each view so views do not import each other.
import type { Customer360 } from '../../src/app/sidebar-types';

export interface Notice {
  kind: 'ok' | 'warn';
  lines: string[];
}

export interface Nav {
  back(): void;
  /**
   * Opens a customer's 360 view. `fromSave`: the current view is a form that just saved; it closes, and the
   * customer's view beneath it (if any) reloads instead of stacking a second copy.
   */
  openCustomer(id: string, notice?: Notice, fromSave?: boolean): void;
  editCustomer(view: Customer360): void;
  newCustomer(): void;
  newInvoice(customerId?: string): void;
  /** `invoiceId`: the invoice to pre-select (its outstanding pre-fills the amount). */
  newPayment(customerId?: string, invoiceId?: string): void;
  newInteraction(customerId?: string): void;
  /** One receipt split across the customer's open invoices. */
  newReceipt(customerId: string): void;
}
