// The spreadsheet's Ui (gas-runtime-notes §7, §11): add-on menus recorded per user, alerts and prompts answered
// from a scripted queue (env.ui.answer), sidebars and dialogs recorded with their HTML. Menus may be built in any
// auth mode; alerts, prompts, sidebars and dialogs need FULL (the core's 'ui' capability).
import { currentUser, type EnvContext, type MenuItem, type UiRecord } from './context';
import { HtmlOutput } from './html-service';

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export const SIDEBAR_WIDTH_PX = 300;

function defaultButton(set: string): string {
  return set === 'YES_NO' || set === 'YES_NO_CANCEL' ? 'YES' : 'OK';
}

function buttonsOf(set: string): string[] {
  return (
    { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] }[set] ??
    []
  );
}

function menuBuilder(ctx: EnvContext, caption: string, addon: boolean) {
  const items: MenuItem[] = [];
  const call = (m: string) => ctx.core.call(`Ui.Menu.${m}`, 'none');
  const menu = {
    addItem(itemCaption: unknown, functionName: unknown) {
      call('addItem');
      items.push({ caption: String(itemCaption), functionName: String(functionName) });
      return menu;
    },
    addSeparator() {
      call('addSeparator');
      items.push({ caption: '', separator: true });
      return menu;
    },
    addSubMenu(sub: { __items?: () => { caption: string; items: MenuItem[] } }) {
      call('addSubMenu');
      const s = sub.__items?.();
      if (s) items.push({ caption: s.caption, items: s.items });
      return menu;
    },
    addToUi() {
      call('addToUi');
      const user = currentUser(ctx);
      ctx.state.menus[user] = { caption, addon, items: JSON.parse(JSON.stringify(items)) };
      ctx.state.lastMenuUser = user;
    },
    __items: () => ({ caption, items }),
  };
  return menu;
}

/** Splits the 1–3 argument forms of alert/prompt into title, text and button set. */
function dialogArgs(args: unknown[]): { title: string; text: string; buttons: string } {
  if (args.length >= 3) return { title: String(args[0]), text: String(args[1]), buttons: String(args[2]) };
  if (args.length === 2) return { title: '', text: String(args[0]), buttons: String(args[1]) };
  return { title: '', text: String(args[0] ?? ''), buttons: '' };
}

export function createUi(ctx: EnvContext) {
  const call = (m: string, cap: 'none' | 'ui' = 'ui') => ctx.core.call(`Ui.${m}`, cap);
  const record = (r: Omit<UiRecord, 'user'>) => {
    const rec: UiRecord = { user: currentUser(ctx), ...r };
    ctx.state.ui.push(rec);
    return rec;
  };
  const nextAnswer = (set: string) => {
    const a = ctx.answers.shift() ?? { button: defaultButton(set), text: '' };
    // CLOSE is the dialog's X button, always possible; anything else must be a button of the set.
    if (a.button !== 'CLOSE' && !buttonsOf(set).includes(a.button))
      throw new Error(`emulator: scripted answer ${a.button} is not a button of ButtonSet.${set}`);
    return a;
  };
  const show = (type: UiRecord['type'], html: unknown, title?: unknown) => {
    if (!(html instanceof HtmlOutput)) throw ctx.core.error(`Invalid argument: userInterface`);
    const s = html.snapshot();
    record({
      type,
      title: title === undefined ? s.title : String(title),
      text: s.html,
      html: s.html,
      width: type === 'sidebar' ? SIDEBAR_WIDTH_PX : s.width,
      height: s.height,
    });
  };
  return {
    Button,
    ButtonSet,
    createAddonMenu() {
      call('createAddonMenu', 'none');
      return menuBuilder(ctx, '', true);
    },
    /** For a published add-on the caption is ignored and it behaves like createAddonMenu (notes §11). */
    createMenu(caption: unknown) {
      call('createMenu', 'none');
      return menuBuilder(ctx, String(caption), true);
    },
    alert(...args: unknown[]): string {
      call('alert');
      const a = dialogArgs(args);
      const set = a.buttons || 'OK';
      const answer = nextAnswer(set);
      record({
        type: 'alert',
        title: a.title,
        text: a.text,
        buttons: set,
        answer: { button: answer.button, text: '' },
      });
      return answer.button;
    },
    prompt(...args: unknown[]) {
      call('prompt');
      const a = dialogArgs(args);
      const set = a.buttons || 'OK';
      const answer = nextAnswer(set);
      record({ type: 'prompt', title: a.title, text: a.text, buttons: set, answer });
      return {
        getResponseText: () => answer.text,
        getSelectedButton: () => answer.button,
      };
    },
    showSidebar(html: unknown) {
      call('showSidebar');
      show('sidebar', html);
    },
    showModalDialog(html: unknown, title: unknown) {
      call('showModalDialog');
      show('modal', html, title);
    },
    showModelessDialog(html: unknown, title: unknown) {
      call('showModelessDialog');
      show('modeless', html, title);
    },
  };
}
