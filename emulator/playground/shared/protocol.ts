// The JSON the playground page and its server exchange. One file, imported by both sides (the page with
// `import type` only), so a field renamed on one side fails the type check on the other.

export type PlaygroundLang = 'zh-CN' | 'zh-TW' | 'en';

export interface SheetInfo {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  lastRow: number;
  lastCol: number;
  frozenRows: number;
  frozenCols: number;
  /** Pixel width per column (null = default). */
  colWidths: (number | null)[];
  hiddenCols: boolean[];
  tabColor: string | null;
  /** The sheet's embedded charts with their data read from their ranges (chart-view.ts). */
  charts?: ChartView[];
}

/** An embedded chart as the page draws it: the recorded spec plus the series its ranges hold now. */
export interface ChartView {
  id: number;
  type: string;
  options: Record<string, unknown>;
  /** Anchor row and column (1-based) and pixel offsets, as setPosition / getContainerInfo. */
  position: [number, number, number, number];
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

export interface MenuEntry {
  caption: string;
  functionName?: string;
  separator?: boolean;
  items?: MenuEntry[];
}

export interface TriggerInfo {
  uid: string;
  handler: string;
  owner: string;
  eventType: string;
  /** Human summary of the schedule ("every 1 hours"). */
  schedule: string;
  nextAt: number | null;
}

export interface MailSummary {
  index: number;
  to: string;
  cc: string;
  from: string;
  subject: string;
  at: string;
  hasHtml: boolean;
}

/** A message the add-on posted to the WeCom or DingTalk robot stand-in (the chat tab). */
export interface ChatInfo {
  index: number;
  robot: 'wecom' | 'dingtalk';
  at: string;
  title: string;
  /** The markdown as posted. */
  text: string;
  ok: boolean;
  /** 'ok', or what the robot answered (e.g. "errcode 310000 sign not match"). */
  result: string;
  /** The URL carried timestamp + sign (DingTalk). */
  signed: boolean;
}

export interface ToastInfo {
  message: string;
  title: string;
  timeoutSeconds: number | null;
  at: string;
}

/** An alert or prompt the add-on showed, with the answer it got. */
export interface DialogInfo {
  type: 'alert' | 'prompt';
  title: string;
  text: string;
  buttons: string;
  answer?: { button: string; text: string };
}

export interface ExecutionInfo {
  id: number;
  functionName: string;
  kind: string;
  user: string;
  startedAt: string;
  endedAt: string;
  error: string | null;
}

export interface Snapshot {
  version: number;
  user: string;
  now: number;
  timeZone: string;
  locale: string;
  workbookName: string;
  storeFile: string;
  sheets: SheetInfo[];
  activeSheetId: number | null;
  menu: MenuEntry[];
  menuCaption: string;
  triggers: TriggerInfo[];
  outbox: MailSummary[];
  /** Chat robot posts (PRODUCT.md §15); absent from older servers. */
  chats?: ChatInfo[];
  toasts: ToastInfo[];
  dialogs: DialogInfo[];
  /** Number of sidebars shown so far; the newest is served at /sidebar/<count - 1>. */
  sidebars: number;
  /** Title of the newest sidebar (HtmlOutput.setTitle), shown in its header as Sheets does. */
  sidebarTitle: string;
  /** HTML dialogs shown so far (showModalDialog / showModelessDialog); the newest is served at /dialog/<count - 1>. */
  htmlDialogs: number;
  /** Title of the newest HTML dialog (the title argument of showModalDialog). */
  htmlDialogTitle: string;
  executions: ExecutionInfo[];
}

/** One cell as the grid draws it. */
export interface CellView {
  /** Display text (number formats applied). */
  t: string;
  /** The value is a number (Sheets aligns numbers right, text left, booleans centred). */
  n?: boolean;
  note?: string;
  /** Help text when the value breaks the cell's validation rule ('' when the rule has none). */
  bad?: string;
  bg?: string;
  fc?: string;
  bold?: boolean;
  align?: string;
  /** A checkbox cell: its checked state. */
  check?: boolean;
  /** A dropdown cell. */
  list?: boolean;
}

export interface CellsReply {
  version: number;
  sheetId: number;
  /** 0-based first row. */
  r0: number;
  /** null = an empty, unformatted cell. */
  rows: (CellView | null)[][];
}

export interface CellDetail {
  /** What the editor starts with: the formula, or the value as a person would type it. */
  input: string;
  /** Dropdown options when the cell has a list rule. */
  options: string[];
  help: string;
  /** Whether the rule rejects invalid input (false = it only flags it). */
  strict: boolean;
  checkbox: boolean;
}

export interface EditReply {
  ok: boolean;
  /** Why Sheets refused the edit (strict validation), in the style of its error box. */
  rejected?: string;
  error?: string;
  version: number;
}

/** A dialog the handler needs answered before it can run for real. */
export interface PendingDialog extends DialogInfo {
  /** Position of this dialog in the run (answers are replayed in order). */
  index: number;
  /** The answers the earlier dialogs of the run got; the next request sends them followed by this one's. */
  prior: { button: string; text: string }[];
}

export interface RunReply {
  ok: boolean;
  error?: string;
  /** Set when a confirmation or prompt needs the user's answer: nothing was changed. */
  pending?: PendingDialog;
  dialogs: DialogInfo[];
  sidebarShown: boolean;
  version: number;
}

export interface ClockReply {
  now: number;
  fired: { handler: string; at: string; error: string | null }[];
  version: number;
}
