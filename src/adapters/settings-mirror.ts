// The Settings sheet's values mirrored in one document property, so an operation that needs a setting (a save's
// default currency, rescore's parameters, the reminder status) costs a property read instead of a sheet lookup and a
// read of the Settings sheet (two spreadsheet calls; PRODUCT.md §10 counts property calls apart). Same lifecycle as
// the mirrored language (workbook-props.ts): written by a reader that read the sheet, dropped by every writer of the
// sheet the add-on sees — its own settings writes (sheet-store.ts), a user's edit (onEdit, edit-event.ts) and setup —
// and re-read from the sheet when the file opens (menu.ts onOpen). What no trigger reports (a row deleted by hand,
// another script's write) is seen at the next opening of the file or edit of Settings.
type Props = GoogleAppsScript.Properties.Properties;

export const SETTINGS_MIRROR_PROPERTY = 'customerLedger.settingsMirror';

/**
 * Property values are limited to 9 KB (gas-runtime-notes §Properties; the emulator counts key + value in UTF-8
 * bytes): a larger Settings sheet (long templates) is simply not mirrored.
 */
const MAX_BYTES = 8000;

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** The mirrored key → value map, or null when there is none (or it does not parse as one). */
export function readSettingsMirror(props: Props | null): Record<string, string> | null {
  if (!props) return null;
  try {
    const raw = props.getProperty(SETTINGS_MIRROR_PROPERTY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof v !== 'string') return null;
      out[k] = v;
    }
    return out;
  } catch (_e) {
    return null;
  }
}

/** Mirrors the values just read from the sheet (best effort: a failed write only costs the next reader a read). */
export function writeSettingsMirror(props: Props | null, values: Record<string, string>): void {
  if (!props) return;
  try {
    const json = JSON.stringify(values);
    if (utf8Bytes(SETTINGS_MIRROR_PROPERTY) + utf8Bytes(json) > MAX_BYTES)
      props.deleteProperty(SETTINGS_MIRROR_PROPERTY);
    else props.setProperty(SETTINGS_MIRROR_PROPERTY, json);
  } catch (_e) {
    // best effort
  }
}

/** After the Settings sheet changed: the next reader reads the sheet. */
export function dropSettingsMirror(props: Props | null): void {
  if (!props) return;
  try {
    props.deleteProperty(SETTINGS_MIRROR_PROPERTY);
  } catch (_e) {
    // best effort: unavailable properties mean there is no mirror either
  }
}
