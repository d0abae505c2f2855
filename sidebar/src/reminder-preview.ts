// Reminder preview (dry run): what today's run would send, per customer, and the reason for every skip.
import { clear, h } from './dom';
import { tr } from './i18n';
import { server } from './rpc-client';

export function reminderPreviewView(): HTMLElement {
  const main = h('main', { id: 'reminder-preview' }, h('div', { class: 'muted' }, tr('loading')));
  server.reminderPreview().then(
    (p) => {
      clear(main);
      main.appendChild(h('div', { class: 'banner ok', id: 'preview-summary' }, p.summary));
      main.appendChild(
        h(
          'section',
          { class: 'card', id: 'preview-messages' },
          h('h2', {}, tr('previewSends'), ` (${p.messages.length})`),
          p.messages.length
            ? h(
                'ul',
                { class: 'list' },
                ...p.messages.map((m) =>
                  h(
                    'li',
                    {},
                    h(
                      'div',
                      { class: 'row1' },
                      h('span', { class: 'name' }, m.customerName),
                      h('span', { class: 'amount' }, m.total),
                    ),
                    h('div', { class: 'muted small' }, `${m.stageLabel} · ${m.to.join(', ')}`),
                    h('div', { class: 'small' }, m.subject),
                    h(
                      'div',
                      { class: 'muted small' },
                      m.invoices.map((i) => `${i.invoiceId} (${i.outstanding})`).join(', '),
                    ),
                  ),
                ),
              )
            : h('div', { class: 'muted small' }, tr('none')),
        ),
      );
      main.appendChild(
        h(
          'section',
          { class: 'card', id: 'preview-skips' },
          h('h2', {}, tr('previewSkips'), ` (${p.skips.length})`),
          p.skips.length
            ? h(
                'ul',
                { class: 'list' },
                ...p.skips.map((s) =>
                  h(
                    'li',
                    { class: 'small' },
                    h(
                      'div',
                      { class: 'row1' },
                      h('span', { class: 'name' }, s.customerName),
                      h('span', { class: 'muted' }, s.invoiceId),
                    ),
                    h('div', {}, [s.stageLabel, s.reasonText].filter(Boolean).join(' · ')),
                  ),
                ),
              )
            : h('div', { class: 'muted small' }, tr('none')),
        ),
      );
    },
    (e: Error) => {
      clear(main);
      main.appendChild(h('div', { class: 'banner error', role: 'alert' }, tr('loadError', { msg: e.message })));
    },
  );
  return main;
}
