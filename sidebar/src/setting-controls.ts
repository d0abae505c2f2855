// The controls of the settings view: a switch for yes/no settings, a dropdown for languages and hours, and a points
// table (upper bound → points rows) for the scorecard's bins, checked as it is typed. Each control keeps the setting's
// text in one form control (`value`), which the view compares with what was loaded and sends, so the server and the
// Settings sheet see exactly the text they always did.
import type { SettingControlView, SettingItemView } from '../../src/app/sidebar-types';
import { isYesSetting, validateSetting } from '../../src/domain/settings-validate';
import { h } from './dom';
import type { Control } from './fields';
import { lang, tr } from './i18n';

export interface BuiltControl {
  /** What the label points at and the row shows. */
  element: HTMLElement;
  /** Holds the setting's text. */
  value: Control;
}

export function buildControl(id: string, item: SettingItemView, readOnly: boolean): BuiltControl {
  const c: SettingControlView = item.control;
  if (c.kind === 'toggle') return toggle(id, item, c.on, c.off, readOnly);
  if (c.kind === 'choice') return choice(id, item, c.options, readOnly);
  if (c.kind === 'bins') return binsTable(id, item, readOnly);
  const long = c.kind === 'multiline' || item.value.includes('\n');
  const input = long
    ? h('textarea', {
        id,
        name: item.key,
        rows: c.kind === 'multiline' ? 7 : 3,
        'data-key': item.key,
        readonly: readOnly,
      })
    : h('input', { id, name: item.key, type: 'text', autocomplete: 'off', 'data-key': item.key, readonly: readOnly });
  input.value = item.value;
  return { element: input, value: input };
}

function hidden(item: SettingItemView): HTMLInputElement {
  const v = h('input', { type: 'hidden', name: item.key, 'data-key': item.key });
  v.value = item.value;
  return v;
}

function toggle(id: string, item: SettingItemView, on: string, off: string, readOnly: boolean): BuiltControl {
  const value = hidden(item);
  const box = h('input', {
    id,
    type: 'checkbox',
    role: 'switch',
    disabled: readOnly,
    checked: isYesSetting(item.value),
  });
  const state = h('span', { class: 'switch-state' }, tr(box.checked ? 'yes' : 'no'));
  box.addEventListener('change', () => {
    value.value = box.checked ? on : off;
    state.textContent = tr(box.checked ? 'yes' : 'no');
  });
  return { element: h('span', { class: 'switch' }, box, state, value), value };
}

function choice(
  id: string,
  item: SettingItemView,
  options: ReadonlyArray<{ value: string; label: string }>,
  readOnly: boolean,
): BuiltControl {
  const select = h('select', { id, name: item.key, 'data-key': item.key, disabled: readOnly });
  // A value typed in the sheet that is not one of the choices stays visible (and is kept unless changed).
  const all = options.some((o) => o.value === item.value)
    ? options
    : [...options, { value: item.value, label: item.value }];
  for (const o of all) select.appendChild(h('option', { value: o.value }, o.label));
  select.value = item.value;
  return { element: select, value: select };
}

/** `edge:points, …, *:points` as editable rows; the last row is "above the last bound". */
function binsTable(id: string, item: SettingItemView, readOnly: boolean): BuiltControl {
  const value = hidden(item);
  const body = h('tbody');
  const problem = h('div', { class: 'err bins-check', role: 'status' });
  const rows = item.value
    .split(/[,;，；\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(/[:：]/).map((x) => x.trim()));
  const serialize = () => {
    const parts = Array.from(body.querySelectorAll('tr')).map((tr_) => {
      const read = (cls: string) => (tr_.querySelector(`input.${cls}`) as HTMLInputElement | null)?.value.trim() ?? '';
      return `${tr_.dataset.last === '1' ? '*' : read('bins-upper')}:${read('bins-points')}`;
    });
    value.value = parts.join(', ');
    const r = validateSetting(item.key, value.value, lang());
    problem.textContent = r.ok ? '' : r.message;
  };
  const cell = (cls: string, v: string, label: string) =>
    h(
      'td',
      {},
      h('input', {
        class: cls,
        type: 'text',
        inputmode: 'decimal',
        'aria-label': label,
        value: v,
        readonly: readOnly,
        oninput: serialize,
      }),
    );
  const addRow = (edge: string, points: string, last: boolean, before: Node | null = null) => {
    const remove = h(
      'button',
      { type: 'button', class: 'link bins-remove', 'aria-label': tr('binsRemove'), disabled: readOnly },
      '×',
    );
    const row = h(
      'tr',
      { 'data-last': last ? '1' : null },
      last ? h('td', { class: 'muted' }, tr('binsAbove')) : cell('bins-upper', edge, tr('binsUpper')),
      cell('bins-points', points, tr('binsPoints')),
      h('td', {}, last ? null : remove),
    );
    remove.addEventListener('click', () => {
      row.remove();
      serialize();
    });
    body.insertBefore(row, before);
  };
  for (const [edge, points] of rows) addRow(edge === '*' ? '' : edge, points ?? '', edge === '*');
  if (!rows.some(([e]) => e === '*')) addRow('', '', true);
  const add = h('button', { type: 'button', class: 'link', id: `${id}-add`, disabled: readOnly }, tr('binsAdd'));
  add.addEventListener('click', () => {
    addRow('', '', false, body.querySelector('tr[data-last]'));
    serialize();
  });
  const table = h(
    'table',
    { class: 'bins', id },
    h('thead', {}, h('tr', {}, h('th', {}, tr('binsUpper')), h('th', {}, tr('binsPoints')), h('th', {}))),
    body,
  );
  return { element: h('div', { class: 'bins-editor' }, table, add, problem, value), value };
}
