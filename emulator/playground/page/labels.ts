// Every label of the playground page in both languages. The page follows the browser language at first and has a
// switch; the add-on's own texts (menu, sidebar, e-mails) come from the add-on and follow the emulated locale.
import type { PlaygroundLang } from '../shared/protocol';
import { isLang, LANGS, langFromLocale, msg } from '../../../src/domain/i18n';

const L = {
  title: msg('playground/page/labels.L.title'),
  emulatorBadge: msg('playground/page/labels.L.emulatorBadge'),
  extensions: msg('playground/page/labels.L.extensions'),
  addonMenu: msg('playground/page/labels.L.addonMenu'),
  noMenu: msg('playground/page/labels.L.noMenu'),
  reopen: msg('playground/page/labels.L.reopen'),
  clock: msg('playground/page/labels.L.clock'),
  plusHour: msg('playground/page/labels.L.plusHour'),
  plusDay: msg('playground/page/labels.L.plusDay'),
  setClock: msg('playground/page/labels.L.setClock'),
  outbox: msg('playground/page/labels.L.outbox'),
  chat: msg('playground/page/labels.L.chat'),
  noChat: msg('playground/page/labels.L.noChat'),
  signed: msg('playground/page/labels.L.signed'),
  wecom: msg('playground/page/labels.L.wecom'),
  dingtalk: msg('playground/page/labels.L.dingtalk'),
  triggers: msg('playground/page/labels.L.triggers'),
  toasts: msg('playground/page/labels.L.toasts'),
  dialogs: msg('playground/page/labels.L.dialogs'),
  executions: msg('playground/page/labels.L.executions'),
  noMail: msg('playground/page/labels.L.noMail'),
  noTriggers: msg('playground/page/labels.L.noTriggers'),
  nothing: msg('playground/page/labels.L.nothing'),
  to: msg('playground/page/labels.L.to'),
  cc: msg('playground/page/labels.L.cc'),
  from: msg('playground/page/labels.L.from'),
  subject: msg('playground/page/labels.L.subject'),
  sentAt: msg('playground/page/labels.L.sentAt'),
  handler: msg('playground/page/labels.L.handler'),
  owner: msg('playground/page/labels.L.owner'),
  schedule: msg('playground/page/labels.L.schedule'),
  nextRun: msg('playground/page/labels.L.nextRun'),
  close: msg('playground/page/labels.L.close'),
  ok: msg('playground/page/labels.L.ok'),
  cancel: msg('playground/page/labels.L.cancel'),
  yes: msg('playground/page/labels.L.yes'),
  no: msg('playground/page/labels.L.no'),
  problem: msg('playground/page/labels.L.problem'),
  running: msg('playground/page/labels.L.running'),
  failed: msg('playground/page/labels.L.failed'),
  fired: msg('playground/page/labels.L.fired'),
  invalid: msg('playground/page/labels.L.invalid'),
  rows: msg('playground/page/labels.L.rows'),
  savedTo: msg('playground/page/labels.L.savedTo'),
  user: msg('playground/page/labels.L.user'),
  dialogAnswer: msg('playground/page/labels.L.dialogAnswer'),
  sidebar: msg('playground/page/labels.L.sidebar'),
  toggleDock: msg('playground/page/labels.L.toggleDock'),
} as const;

export type LabelKey = keyof typeof L;

let current: PlaygroundLang = langFromLocale(navigator.language);
const saved = localStorage.getItem('playground-lang');
if (isLang(saved)) current = saved;

// Each language by its own name, for the switch (a name, not a translation: 繁體中文 reads the same to everyone).
const SELF_NAME: Readonly<Record<PlaygroundLang, string>> = msg('playground/page/labels.SELF_NAME');

/** The language the switch moves to next (zh-CN → zh-TW → en → zh-CN), and its name. */
export function nextLang(): { lang: PlaygroundLang; name: string } {
  const next = LANGS[(LANGS.indexOf(current) + 1) % LANGS.length];
  return { lang: next, name: SELF_NAME[next] };
}

export function lang(): PlaygroundLang {
  return current;
}

export function setLang(next: PlaygroundLang): void {
  current = next;
  localStorage.setItem('playground-lang', next);
}

export function tr(key: LabelKey): string {
  return L[key][current];
}

/** Escapes text for innerHTML: every value from the workbook or the add-on is user data. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
