// The settings view: every setting, grouped, with its description; admins edit and save. Only changed values are
// sent, after the same checks the server runs (src/domain/settings-validate.ts); the server is the authority and
// refuses a stale form. Whatever happens, the typed values stay in the form.
import { allowsOverpayment, defaultCurrency, listOf, settingOf } from '../../src/app/sidebar-start';
import type { SettingItemView, SettingsSaveResult, SettingsView } from '../../src/app/sidebar-types';
import { WORKBOOK_KEYS } from '../../src/domain/settings';
import { validateSetting } from '../../src/domain/settings-validate';
import { clear, h } from './dom';
import { buildControl } from './setting-controls';
import { clearErrors, type FormKit, newKit, showBanner, showErrors } from './fields';
import { lang, tr } from './i18n';
import { server } from './rpc-client';
import { app } from './state';

/** Groups shown open; the long technical ones (scoring tables, templates) start folded. */
const OPEN_GROUPS = ['company', 'workbook', 'reminders'];

function settingField(kit: FormKit, item: SettingItemView, readOnly: boolean): HTMLElement {
  const id = `set-${item.key.replace(/[^\w-]/g, '_')}`;
  const control = buildControl(id, item, readOnly);
  // Labels, not keys: the key stays available as the label's tooltip for whoever edits the Settings sheet by hand.
  const row = h(
    'div',
    { class: `field setting setting-${item.control.kind}`, 'data-field': item.key },
    h('label', { for: id, title: item.key }, item.name),
    control.element,
    // A control that only offers valid values needs no hint about the sheet's text format ("true / false").
    item.hint && ['text', 'multiline'].includes(item.control.kind) ? h('div', { class: 'hint' }, item.hint) : null,
    item.missing ? h('div', { class: 'hint' }, tr('settingMissing')) : null,
    h('div', { class: 'err', role: 'alert' }),
  );
  kit.fields.set(item.key, row);
  kit.controls.set(item.key, control.value);
  return row;
}

/** The chat group's test button (admins): posts to the saved robots and shows how it went (PRODUCT.md §15). */
function chatTestRow(canEdit: boolean): HTMLElement {
  const result = h('div', { class: 'banner', id: 'chat-test-result', role: 'status', hidden: true });
  const button = h('button', { type: 'button', class: 'btn', id: 'chat-test', disabled: !canEdit }, tr('chatTest'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = tr('chatTesting');
    try {
      const r = await server.sendChatTest();
      result.className = `banner ${r.ok ? 'ok' : 'error'}`;
      result.textContent = r.message;
    } catch (err) {
      const msg = (err instanceof Error ? err.message : String(err)).replace(/[.。\s]+$/, '');
      result.className = 'banner error';
      result.textContent = tr('serverError', { msg });
    } finally {
      result.hidden = false;
      button.disabled = false;
      button.textContent = tr('chatTest');
    }
  });
  return h('div', { class: 'field chat-test' }, button, h('div', { class: 'hint' }, tr('chatTestHint')), result);
}

/** The forms read currency, industries and the overpayment rule from the start-up payload: keep it current. */
function refreshHome(values: ReadonlyMap<string, string>): void {
  const home = app.home;
  if (!home) return;
  const map = Object.fromEntries(values);
  home.currency = defaultCurrency(map);
  home.industries = listOf(settingOf(map, [WORKBOOK_KEYS.industries], ''));
  home.allowOverpayment = allowsOverpayment(map);
}

function render(main: HTMLElement, view: SettingsView, back: () => void): void {
  clear(main);
  const kit = newKit();
  kit.form.id = 'settings-form';
  let loaded = new Map(view.groups.flatMap((g) => g.items.map((i) => [i.key, i.value] as const)));
  let version = view.version;
  if (view.problem) showBanner(kit, view.canEdit ? 'error' : 'warn', view.problem);
  if (view.notice)
    kit.form.appendChild(h('div', { class: 'banner warn', id: 'settings-notice', role: 'note' }, view.notice));
  for (const g of view.groups) {
    const details = h(
      'details',
      { class: 'card settings-group', 'data-group': g.id, open: OPEN_GROUPS.includes(g.id) },
      h('summary', {}, h('h2', {}, g.title)),
    );
    for (const item of g.items) details.appendChild(settingField(kit, item, !view.canEdit));
    if (g.id === 'chat') details.appendChild(chatTestRow(view.canEdit));
    kit.form.appendChild(details);
  }
  const save = h('button', { type: 'submit', class: 'btn primary', id: 'save', disabled: !view.canEdit }, tr('save'));
  kit.form.appendChild(
    h(
      'div',
      { class: 'actions settings-actions' },
      save,
      h('button', { type: 'button', class: 'btn', onclick: back }, tr('cancel')),
    ),
  );

  /** Opens the folded groups that hold an error, so the message is seen. */
  const reveal = () => {
    for (const d of kit.form.querySelectorAll('details')) if (d.querySelector('.invalid')) d.open = true;
  };

  kit.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (save.disabled) return;
    clearErrors(kit);
    const changed: Record<string, string> = {};
    for (const [key, el] of kit.controls) if (el.value !== loaded.get(key)) changed[key] = el.value;
    const errors = Object.entries(changed).flatMap(([key, v]) => {
      const r = validateSetting(key, v, lang());
      return r.ok ? [] : [{ field: key, message: r.message }];
    });
    if (errors.length) {
      const orphans = showErrors(kit, errors);
      reveal();
      showBanner(kit, 'error', [tr('fixFields', { n: errors.length }), ...orphans].join(' '));
      return;
    }
    save.disabled = true;
    save.textContent = tr('saving');
    kit.form.setAttribute('aria-busy', 'true');
    try {
      const r: SettingsSaveResult = await server.saveSettings({ version, values: changed, lang: lang() });
      if (r.ok) {
        loaded = new Map(r.view.groups.flatMap((g) => g.items.map((i) => [i.key, i.value] as const)));
        version = r.view.version;
        // Show the stored spelling (trimmed, currency in capitals) of what was just saved.
        for (const key of r.changed) {
          const el = kit.controls.get(key);
          const v = loaded.get(key);
          if (el && v !== undefined) el.value = v;
        }
        refreshHome(loaded);
        showBanner(kit, 'ok', r.message);
        kit.banner.scrollIntoView({ block: 'nearest' });
      } else {
        const orphans = showErrors(kit, r.errors);
        reveal();
        showBanner(kit, 'error', [r.message, ...orphans].join(' '));
      }
    } catch (err) {
      const msg = (err instanceof Error ? err.message : String(err)).replace(/[.。\s]+$/, '');
      showBanner(kit, 'error', tr('serverError', { msg }));
    } finally {
      save.disabled = false;
      save.textContent = tr('save');
      kit.form.removeAttribute('aria-busy');
    }
  });
  main.appendChild(kit.form);
}

export function settingsView(back: () => void): HTMLElement {
  const main = h('main', { id: 'settings' }, h('div', { class: 'muted' }, tr('loading')));
  server.settingsView().then(
    (view) => render(main, view, back),
    (e: Error) => {
      clear(main);
      main.appendChild(h('div', { class: 'banner error', role: 'alert' }, tr('loadError', { msg: e.message })));
    },
  );
  return main;
}
