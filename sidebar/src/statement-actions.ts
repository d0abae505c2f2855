// Customer 360 actions "Send statement" / "Send balance confirmation" (PRODUCT.md §13): one server call each; the
// answer (sent, already sent this month, not allowed, quota) is shown as the view's notice after a reload.
import { h } from './dom';
import { tr } from './i18n';
import type { Notice } from './nav';
import { server } from './rpc-client';

export function statementButtons(customerId: string, reload: (n: Notice) => unknown): HTMLElement[] {
  const button = (kind: 'statement' | 'confirmation', id: string, text: string) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: 'btn',
        id,
        onclick: async () => {
          b.disabled = true;
          try {
            const r = await server.sendStatement({ customerId, kind });
            await reload({ kind: r.ok ? 'ok' : 'warn', lines: [r.message] });
          } catch (e) {
            await reload({ kind: 'warn', lines: [tr('serverError', { msg: (e as Error).message })] });
          }
        },
      },
      text,
    );
    return b;
  };
  return [
    button('statement', 'act-statement', tr('sendStatement')),
    button('confirmation', 'act-confirmation', tr('sendConfirmation')),
  ];
}
