// A Settings sheet in memory for the settings view and save tests: rows as setup writes them (key, value,
// description), so the use cases see exactly what the sheet adapter would give them.
import type { SettingRow } from '../../src/app/ports';
import { ALL_SETTINGS } from '../../src/domain/settings';
import { MemoryStore } from '../fakes/memory-store';
import { sidebarServices } from './sidebar-fakes';

/** Every known setting at its default, with overrides; `omit` leaves keys out of the sheet. */
export function settingsSheet(overrides: Record<string, string> = {}, omit: string[] = []): Array<Partial<SettingRow>> {
  return ALL_SETTINGS.filter((d) => !omit.includes(d.key)).map((d) => ({
    key: d.key,
    value: d.key in overrides ? overrides[d.key] : d.defaultValue,
    description: d.description.en,
  }));
}

export const OWNER = 'owner@example.com';

/** Sidebar services over a store holding the given Settings rows; the acting user is alice@example.com. */
export function settingsServices(rows = settingsSheet(), lang: 'en' | 'zh-CN' = 'en') {
  const store = new MemoryStore({ settings: rows });
  const kit = sidebarServices(store, lang);
  let ownerAsked = 0;
  const owner = () => {
    ownerAsked++;
    return OWNER;
  };
  return { ...kit, owner, ownerAsked: () => ownerAsked };
}

/** The sheet's value of one key (last row wins, like the store). */
export function sheetValue(store: MemoryStore, key: string): string | undefined {
  const hits = store.records('settings').filter((r) => r.key === key);
  return hits.length ? hits[hits.length - 1].value : undefined;
}
