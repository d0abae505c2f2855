// The customer form (create and edit). Creates may hit the duplicate warning, which links to the existing record
// (opened on top, so Back returns to this form as typed) and offers "Save anyway". Edits send the version the
// record was loaded at; the server refuses the save if the row changed since.
import type { Customer360, DuplicateHit, SaveResult } from '../../src/app/sidebar-types';
import { h } from './dom';
import { addFields, columnsFor, newKit, readValues, showBanner, submit, validateClient, writeValues } from './fields';
import { lang, tr, type UiKey } from './i18n';
import type { Nav } from './nav';
import { server } from './rpc-client';
import { app, upsertCustomer } from './state';

const TYPE_ONLY: Record<string, string> = {
  taxId: 'company',
  birthDate: 'individual',
  occupation: 'individual',
  // financial ratios come from a company's statements
  debtRatio: 'company',
  currentRatio: 'company',
};

const RULE_LABEL: Record<string, UiKey> = {
  taxId: 'ruleTaxId',
  email: 'ruleEmail',
  phone: 'rulePhone',
  name: 'ruleName',
};

export function customerForm(nav: Nav, existing?: Customer360): HTMLElement {
  const home = app.home!;
  const kit = newKit();
  kit.form.id = existing ? 'customer-edit-form' : 'customer-form';
  addFields(kit, columnsFor(existing ? 'customerEdit' : 'customer', ['id']), {
    industry: { suggestions: home.industries },
  });
  writeValues(kit, existing ? existing.form : { type: 'company', status: 'active', termsDays: '30', language: lang() });
  // Companies have a tax id; individuals a birth date and occupation. Hidden fields keep (and still send) their
  // values, and a field with an error is shown again.
  const typeSelect = kit.controls.get('type');
  const byType = () => {
    const type = typeSelect?.value ?? '';
    for (const [key, only] of Object.entries(TYPE_ONLY)) {
      const row = kit.fields.get(key);
      if (row && !row.classList.contains('invalid')) row.hidden = type !== '' && type !== only;
    }
  };
  typeSelect?.addEventListener('change', byType);
  byType();
  let confirmDuplicate = false;
  const save = h('button', { type: 'submit', class: 'btn primary', id: 'save' }, tr('save'));
  kit.form.appendChild(
    h(
      'div',
      { class: 'actions' },
      save,
      h('button', { type: 'button', class: 'btn', onclick: () => nav.back() }, tr('cancel')),
    ),
  );

  const duplicateWarning = (hits: DuplicateHit[], message: string) => {
    const list = h(
      'ul',
      { class: 'dups' },
      ...hits.map((d) =>
        h(
          'li',
          {},
          tr('duplicateOf', { rule: tr(RULE_LABEL[d.rule] ?? 'ruleName') }),
          h(
            'a',
            {
              href: '#',
              class: 'dup-link',
              'data-id': d.id,
              onclick: (e: Event) => {
                e.preventDefault();
                nav.openCustomer(d.id);
              },
            },
            `${d.name} (${d.id})`,
          ),
        ),
      ),
    );
    const anyway = h(
      'button',
      {
        type: 'button',
        class: 'btn',
        id: 'save-anyway',
        onclick: () => {
          confirmDuplicate = true;
          kit.form.requestSubmit();
        },
      },
      tr('saveAnyway'),
    );
    showBanner(kit, 'warn', message, h('div', {}, list, anyway));
  };

  kit.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    const values = readValues(kit);
    const kind = existing ? 'customerEdit' : 'customer';
    if (!validateClient(kit, kind, existing ? { ...values, id: existing.id } : values, { today: home.today })) return;
    const confirm = confirmDuplicate;
    confirmDuplicate = false;
    const r: SaveResult | null = await submit(kit, save, () =>
      server.saveCustomer({
        id: existing?.id,
        version: existing?.version,
        values,
        confirmDuplicate: confirm,
        lang: home.lang,
      }),
    );
    if (!r) return;
    if (!r.ok) {
      if (r.reason === 'duplicate') duplicateWarning(r.duplicates, r.message);
      return;
    }
    upsertCustomer(r.customer);
    nav.openCustomer(r.id, { kind: 'ok', lines: [r.message, ...r.warnings] }, true);
  });
  return h('main', {}, kit.form);
}
