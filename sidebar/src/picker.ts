// Customer picker for the invoice, payment and interaction forms: instant search over the client-side index,
// the chosen customer shown as a chip. Its error slot carries the field name `customerId`.
import { searchIndex } from '../../src/app/sidebar-search';
import type { IndexRow } from '../../src/app/sidebar-types';
import { clear, h } from './dom';
import { tr } from './i18n';
import { app } from './state';

export interface Picker {
  el: HTMLElement;
  value(): string;
  set(id: string): void;
}

export function customerPicker(onPick: (row: IndexRow | null) => void, initial = ''): Picker {
  let chosen = '';
  const input = h('input', {
    type: 'search',
    id: 'f-customerId',
    class: 'picker-input',
    placeholder: tr('pickCustomer'),
    autocomplete: 'off',
  });
  const list = h('ul', { class: 'results picker-results', role: 'listbox' });
  const chip = h('div', { class: 'chip', hidden: true });
  const el = h(
    'div',
    { class: 'field', 'data-field': 'customerId' },
    h('label', { for: 'f-customerId' }, tr('customer'), h('span', { class: 'req' }, ' *')),
    chip,
    input,
    list,
    h('div', { class: 'err', role: 'alert' }),
  );
  const show = () => {
    clear(list);
    const rows = input.value.trim() ? searchIndex(app.index, input.value, 8) : [];
    for (const r of rows) {
      list.appendChild(
        h(
          'li',
          {
            role: 'option',
            tabindex: 0,
            'data-id': r[0],
            onclick: () => set(r[0]),
            onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && set(r[0]),
          },
          h('span', { class: 'name' }, r[1]),
          h('span', { class: 'muted' }, ` ${r[0]}`),
        ),
      );
    }
  };
  input.addEventListener('input', show);
  function set(id: string): void {
    const row = app.byId.get(id) ?? null;
    chosen = row ? id : '';
    clear(list);
    clear(chip);
    if (row) {
      chip.appendChild(h('span', { class: 'name' }, row[1]));
      chip.appendChild(h('span', { class: 'muted' }, ` ${row[0]}`));
      chip.appendChild(
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => {
              set('');
              input.focus();
            },
          },
          tr('change'),
        ),
      );
    }
    chip.hidden = !row;
    input.hidden = Boolean(row);
    input.value = '';
    el.classList.remove('invalid');
    onPick(row);
  }
  if (initial) set(initial);
  return { el, value: () => chosen, set };
}
