// Form fields generated from the workbook schema (labels, enum options, required marks) and validated with the
// SAME zod schemas the server uses (src/domain/validate.ts). Errors appear under each field, in the user's language.
import type { FieldError, FormValues, SaveResult } from '../../src/app/sidebar-types';
import type { Column } from '../../src/domain/schema';
import { type InputKind, inputFields, type ValidationContext, validateInput } from '../../src/domain/validate';
import { clear, h } from './dom';
import { lang, tr } from './i18n';

export interface FieldOptions {
  /** Extra hint shown under the label. */
  hint?: string;
  /** Suggestions for free-text fields (datalist). */
  suggestions?: string[];
}

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FormKit {
  form: HTMLFormElement;
  banner: HTMLElement;
  fields: Map<string, HTMLElement>;
  controls: Map<string, Control>;
}

/** The fields a form shows; a shown `id` is optional (left empty, the server generates one). */
export function columnsFor(kind: InputKind, hidden: readonly string[] = []): Column[] {
  return inputFields(kind)
    .filter((c) => !hidden.includes(c.key))
    .map((c) => (c.key === 'id' ? { ...c, required: false } : c));
}

function control(col: Column, opts: FieldOptions): Control {
  const id = `f-${col.key}`;
  const l = lang();
  if (col.type === 'enum' && col.options) {
    return h(
      'select',
      { id, name: col.key },
      h('option', { value: '' }, ''),
      ...col.options.map((o) => h('option', { value: o.value }, o.label[l])),
    );
  }
  if (col.type === 'checkbox') return h('input', { id, name: col.key, type: 'checkbox' });
  if (col.type === 'longtext') return h('textarea', { id, name: col.key, rows: 2 });
  const attrs: Record<string, string> = { id, name: col.key, type: 'text', autocomplete: 'off' };
  if (col.type === 'date') attrs.placeholder = 'yyyy-mm-dd';
  if (col.type === 'money' || col.type === 'decimal') attrs.inputmode = 'decimal';
  if (col.type === 'integer') attrs.inputmode = 'numeric';
  if (col.type === 'email') attrs.inputmode = 'email';
  if (col.type === 'phone') attrs.inputmode = 'tel';
  if (opts.suggestions?.length) attrs.list = `${id}-list`;
  return h('input', attrs);
}

/** One labelled field with its error slot (`.err`, role=alert) and optional hint. */
export function fieldRow(col: Column, opts: FieldOptions = {}): { row: HTMLElement; input: Control } {
  const input = control(col, opts);
  const label = h(
    'label',
    { for: input.id },
    col.header[lang()],
    col.required ? h('span', { class: 'req' }, ' *') : null,
  );
  const row = h(
    'div',
    { class: col.type === 'checkbox' ? 'field check' : 'field', 'data-field': col.key },
    col.type === 'checkbox' ? input : null,
    label,
    col.type === 'checkbox' ? null : input,
    opts.suggestions?.length
      ? h('datalist', { id: `${input.id}-list` }, ...opts.suggestions.map((s) => h('option', { value: s })))
      : null,
    opts.hint ? h('div', { class: 'hint' }, opts.hint) : null,
    h('div', { class: 'err', role: 'alert' }),
  );
  return { row, input };
}

export function newKit(): FormKit {
  const form = h('form', { novalidate: true, class: 'form', autocomplete: 'off' });
  const banner = h('div', { class: 'banner', role: 'status', hidden: true });
  form.appendChild(banner);
  return { form, banner, fields: new Map(), controls: new Map() };
}

export function addFields(kit: FormKit, cols: readonly Column[], opts: Record<string, FieldOptions> = {}): void {
  for (const col of cols) {
    const { row, input } = fieldRow(col, opts[col.key]);
    kit.fields.set(col.key, row);
    kit.controls.set(col.key, input);
    kit.form.appendChild(row);
  }
}

export function readValues(kit: FormKit): FormValues {
  const out: FormValues = {};
  for (const [key, el] of kit.controls)
    out[key] = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
  return out;
}

export function writeValues(kit: FormKit, values: FormValues): void {
  for (const [key, el] of kit.controls) {
    if (!(key in values)) continue;
    const v = values[key];
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === true;
    else el.value = typeof v === 'boolean' ? String(v) : v;
  }
}

export function clearErrors(kit: FormKit): void {
  for (const row of kit.fields.values()) {
    row.classList.remove('invalid');
    const err = row.querySelector('.err');
    if (err) err.textContent = '';
  }
  kit.form.querySelectorAll('.err').forEach((e) => {
    e.textContent = '';
  });
  showBanner(kit, '', '');
}

/** Shows errors under their fields; errors for fields the form does not show go to the banner. */
export function showErrors(kit: FormKit, errors: readonly FieldError[]): string[] {
  const orphans: string[] = [];
  for (const e of errors) {
    const row =
      kit.fields.get(e.field) ??
      (kit.form.querySelector(`[data-field="${CSS.escape(e.field)}"]`) as HTMLElement | null);
    const slot = row?.querySelector('.err');
    if (row && slot) {
      row.hidden = false;
      row.classList.add('invalid');
      slot.textContent = e.message;
    } else orphans.push(e.message);
  }
  const first = kit.form.querySelector('.invalid input, .invalid select, .invalid textarea') as HTMLElement | null;
  first?.focus();
  return orphans;
}

export function showBanner(kit: FormKit, kind: '' | 'error' | 'warn' | 'ok', text: string, extra?: Node): void {
  const b = kit.banner;
  clear(b);
  b.className = `banner ${kind}`;
  b.hidden = !text;
  if (text) b.appendChild(h('div', {}, text));
  if (extra) b.appendChild(extra);
  // The user is usually at the Save button, far below: bring the message into view (fields keep their focus).
  if (text && kind !== 'ok') b.scrollIntoView({ block: 'nearest' });
}

/** Client-side validation with the server's schema; true when the form may be sent. */
export function validateClient(kit: FormKit, kind: InputKind, values: FormValues, ctx: ValidationContext): boolean {
  clearErrors(kit);
  const r = validateInput(kind, values, lang(), ctx);
  if (r.ok) return true;
  const orphans = showErrors(kit, r.errors);
  showBanner(kit, 'error', [tr('fixFields', { n: r.errors.length }), ...orphans].join(' '));
  return false;
}

/**
 * Sends a save with the submit button disabled (no double submit). Whatever happens, the typed values stay in the
 * form; failures say what to do. Resolves with the success result, or null when the save did not happen.
 */
export async function submit(
  kit: FormKit,
  button: HTMLButtonElement,
  send: () => Promise<SaveResult>,
): Promise<SaveResult | null> {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = tr('saving');
  kit.form.setAttribute('aria-busy', 'true');
  try {
    const r = await send();
    if (!r.ok) {
      const orphans = showErrors(kit, r.errors);
      showBanner(kit, 'error', [r.message, ...orphans].join(' '));
    }
    return r;
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).replace(/[.。\s]+$/, '');
    showBanner(kit, 'error', tr('serverError', { msg }));
    return null;
  } finally {
    button.disabled = false;
    button.textContent = label;
    kit.form.removeAttribute('aria-busy');
  }
}
