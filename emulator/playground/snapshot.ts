// Everything the page shows besides cell contents, in one JSON reply: sheets, the add-on menu the real onOpen built,
// installed triggers, the outbox (summaries; bodies on demand), toasts, dialogs, executions, the clock.
import type { MenuItem, TriggerRecord } from '../src/context';
import type { SheetModel } from '../src/spreadsheet/model';
import { chatMessages } from './chat-robots';
import type { Session } from './session';
import type { MenuEntry, Snapshot, TriggerInfo } from './shared/protocol';

const RECENT = 200;

export function snapshot(s: Session): Snapshot {
  const env = s.env;
  const ss = env.spreadsheet;
  const menu = env.menuFor(s.user);
  return {
    version: s.version,
    user: s.user,
    now: env.now(),
    timeZone: ss.timeZone,
    locale: ss.locale,
    workbookName: ss.name,
    storeFile: s.o.storeFile,
    sheets: (ss.sheets as SheetModel[]).map((m) => ({
      id: m.id,
      name: m.name,
      maxRows: m.maxRows,
      maxCols: m.maxCols,
      lastRow: m.lastRow(),
      lastCol: m.lastCol(),
      frozenRows: m.frozenRows,
      frozenCols: m.frozenCols,
      colWidths: Array.from({ length: m.maxCols }, (_, i) => m.colWidths[i] ?? null),
      hiddenCols: Array.from({ length: m.maxCols }, (_, i) => m.hiddenCols[i] ?? false),
      tabColor: m.tabColor,
    })),
    activeSheetId: ss.activeSheet()?.id ?? null,
    menu: menu ? menu.items.map(toEntry) : [],
    menuCaption: menu?.caption ?? '',
    triggers: env.triggers.map(toTrigger),
    outbox: env.outbox.map((m, index) => ({
      index,
      to: m.to,
      cc: m.cc,
      from: m.name ? `${m.name} <${m.from}>` : m.from,
      subject: m.subject,
      at: m.at,
      hasHtml: m.htmlBody !== null,
    })),
    chats: chatMessages(env.http.requests).slice(-RECENT),
    toasts: env.toasts.slice(-RECENT),
    dialogs: env.ui
      .alerts()
      .slice(-RECENT)
      .map((d) => ({
        type: d.type as 'alert' | 'prompt',
        title: d.title,
        text: d.text,
        buttons: d.buttons ?? 'OK',
        answer: d.answer,
      })),
    sidebars: env.ui.sidebars().length,
    sidebarTitle: env.ui.sidebars().at(-1)?.title ?? '',
    htmlDialogs: env.ui.dialogs().length,
    htmlDialogTitle: env.ui.dialogs().at(-1)?.title ?? '',
    executions: env.executions.slice(-RECENT).map((x) => ({
      id: x.id,
      functionName: x.functionName,
      kind: x.kind,
      user: x.user,
      startedAt: x.startedAt,
      endedAt: x.endedAt,
      error: x.error,
    })),
  };
}

function toEntry(m: MenuItem): MenuEntry {
  return m.items
    ? { caption: m.caption, items: m.items.map(toEntry) }
    : m.separator
      ? { caption: '', separator: true }
      : { caption: m.caption, functionName: m.functionName };
}

function toTrigger(t: TriggerRecord): TriggerInfo {
  const sc = t.schedule;
  let schedule: string = t.eventType;
  if (sc) {
    schedule =
      sc.kind === 'at'
        ? `at ${new Date(sc.n).toISOString()}`
        : sc.kind === 'after'
          ? `after ${sc.n} ms`
          : `every ${sc.n} ${sc.kind}`;
    if (sc.atHour !== null) schedule += ` @ ${sc.atHour}:00`;
    schedule += ` (${sc.timeZone})`;
  }
  return { uid: t.uid, handler: t.handler, owner: t.owner, eventType: t.eventType, schedule, nextAt: t.nextAt };
}
