// Saving the settings view. All or nothing: every sent value is checked first (the same checks the sidebar ran),
// then, under the document lock, the admin check and the version check on a fresh read; only then are the changed
// rows' value cells written (keys missing from the sheet are appended) with one audit row per change.
import { t } from '../domain/i18n';
import type { Lang } from '../domain/records';
import { ALL_SETTINGS } from '../domain/settings';
import { validateSettings } from '../domain/settings-validate';
import type { SettingRow } from './ports';
import { type AuditDraft, createdRecord, writeAudit } from './save-audit';
import { saveLang, underLock } from './save-common';
import { buildSettingsView, mayEditSettings, type OwnerLookup, settingRows, settingsVersion } from './settings-view';
import { SETTINGS_TEXT, SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import type { FieldError, SettingsSave, SettingsSaveFailure, SettingsSaveResult } from './sidebar-types';

function refuse(
  reason: SettingsSaveFailure['reason'],
  message: string,
  errors: FieldError[] = [],
): SettingsSaveFailure {
  return { ok: false, reason, message, errors };
}

/** The sent values as key → text, or {} when the payload is not a plain object (the client is not trusted). */
function sentValues(save: SettingsSave | null | undefined): Record<string, unknown> {
  const v = save && typeof save === 'object' ? (save as { values?: unknown }).values : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {};
}

const DEFAULTS = new Map(ALL_SETTINGS.map((d) => [d.key, d]));

export function saveSettings(
  services: SidebarServices,
  save: SettingsSave,
  owner: OwnerLookup | null,
): SettingsSaveResult {
  const { store, clock, identity } = services;
  const lang: Lang = saveLang(services, save);
  const check = validateSettings(sentValues(save), lang);
  if (check.errors.length) {
    return refuse('validation', t(lang, SIDEBAR_TEXT.validation, { n: check.errors.length }), check.errors);
  }
  // A box, not a let: TypeScript does not see the closure assign it and would narrow a let to null.
  const box: { outcome: SettingsSaveResult | null } = { outcome: null };
  const locked = underLock(services, lang, () => {
    const rows = settingRows(store);
    if (!mayEditSettings(services, rows, owner)) {
      box.outcome = refuse('not-admin', t(lang, SETTINGS_TEXT.notAdmin));
    } else if (settingsVersion(rows) !== String(save?.version ?? '')) {
      box.outcome = refuse('conflict', t(lang, SETTINGS_TEXT.conflict));
    } else {
      const updates: Array<{ row: number; record: Partial<SettingRow> }> = [];
      const appends: SettingRow[] = [];
      const audit: AuditDraft[] = [];
      for (const [key, value] of Object.entries(check.values)) {
        const hit = rows.get(key);
        if (hit) {
          const old = String(hit.record.value ?? '');
          if (old === value) continue;
          updates.push({ row: hit.row, record: { value } });
          audit.push({
            action: 'update',
            sheet: 'settings',
            recordId: key,
            field: 'value',
            oldValue: old,
            newValue: value,
          });
        } else {
          const def = DEFAULTS.get(key);
          if (!def || def.defaultValue === value) continue;
          const record: SettingRow = { key, value, description: def.description[lang] };
          appends.push(record);
          audit.push(createdRecord('settings', key, record));
        }
      }
      if (updates.length) store.update('settings', updates, ['value']);
      if (appends.length) store.append('settings', appends);
      writeAudit(store, clock, identity, audit);
      const changed = audit.map((a) => a.recordId);
      box.outcome = {
        ok: true,
        message: changed.length
          ? t(lang, SETTINGS_TEXT.saved, { n: changed.length })
          : t(lang, SETTINGS_TEXT.unchanged),
        changed,
        view: buildSettingsView(changed.length ? settingRows(store) : rows, lang, true),
      };
    }
    return { ok: true, id: '', message: '', warnings: [], customer: null };
  });
  if (box.outcome) return box.outcome;
  // Only the lock's own failures get here (busy, or a sheet that cannot be read).
  return locked.ok ? refuse('setup', '') : refuse(locked.reason, locked.message, locked.errors);
}
