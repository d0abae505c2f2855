// Clock, Identity and Progress ports on Apps Script. Days and stamps are formatted in the SPREADSHEET's time zone
// (not the script's), because that is the zone in which the team reads its due dates (gas-runtime-notes §10).
import type { Clock, Identity, Progress } from '../app/ports';
import { isLang, type Lang, langFromLocale } from '../domain/i18n';
import { WORKBOOK_KEYS } from '../domain/settings';
import type { SettingsMap } from '../domain/settings-def';
import { type ZoneFormat, zoneFormat } from './zone-format';

/** `zone`: the store's ZoneFormat (shared offset memo), or a function giving the zone name. */
export function sheetsClock(zone: ZoneFormat | (() => string)): Clock {
  const started = Date.now();
  const z = typeof zone === 'function' ? zoneFormat(zone) : zone;
  return {
    today: () => z.day(new Date()),
    nowStamp: () => z.stamp(new Date()),
    elapsedMs: () => Date.now() - started,
  };
}

/** The UI language: the settings override when set, else the user's locale (zh* → zh-CN, else en). */
export function uiLang(settings?: SettingsMap): Lang {
  const forced = settings?.[WORKBOOK_KEYS.language];
  if (isLang(forced)) return forced;
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch (_e) {
    return 'en';
  }
}

/** The settings a UI language needs, from a store that can tell the language without reading all settings. */
export function languageOnly(store: { languageSetting(): string }): () => SettingsMap {
  return () => ({ [WORKBOOK_KEYS.language]: store.languageSetting() });
}

/** The acting user ('' where Apps Script hides it, e.g. simple triggers) and the UI language. */
export function sessionIdentity(settings?: () => SettingsMap): Identity {
  let lang: Lang | undefined;
  let user: string | undefined;
  return {
    user: () => {
      if (user === undefined) {
        try {
          user = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '';
        } catch (_e) {
          user = '';
        }
      }
      return user;
    },
    lang: () => {
      if (!lang) lang = uiLang(settings?.());
      return lang;
    },
  };
}

/** Toasts in the spreadsheet; failures (e.g. no UI in a trigger) are ignored: progress is a courtesy. */
export function toastProgress(title: string, ss?: GoogleAppsScript.Spreadsheet.Spreadsheet): Progress {
  let target = ss;
  return {
    step: (message: string) => {
      try {
        if (!target) target = SpreadsheetApp.getActiveSpreadsheet();
        target.toast(message, title, 5);
      } catch (_e) {
        // no toast in this context
      }
    },
  };
}
