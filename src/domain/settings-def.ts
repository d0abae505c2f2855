// The shape of one row of the Settings sheet (key · value · description). Each feature declares its own settings
// next to its code as `SettingDef[]`; src/domain/settings.ts gathers them for setup and the sidebar.
import type { Lang, Text } from './i18n';

export interface SettingDef {
  /** Stable key, stored in the sheet's key column (never localized). */
  readonly key: string;
  /** Default value as the text written to the sheet. */
  readonly defaultValue: string;
  /** Description shown in the sheet and the sidebar. */
  readonly description: Text;
  /** The default as setup writes it in the workbook's language, when it is words (industry names), not a code. */
  readonly localDefault?: Text;
}

/** The value setup writes for a setting in a workbook of `lang`. */
export function defaultIn(d: SettingDef, lang: Lang): string {
  return d.localDefault?.[lang] ?? d.defaultValue;
}

/** Settings as read from the sheet: key → value text (missing keys fall back to defaults). */
export type SettingsMap = Readonly<Record<string, string>>;
