// Every label of the playground page in both languages. The page follows the browser language at first and has a
// switch; the add-on's own texts (menu, sidebar, e-mails) come from the add-on and follow the emulated locale.
import type { PlaygroundLang } from '../shared/protocol';

const L = {
  title: { 'zh-CN': '客户台账 · 本地试用', en: 'Customer Ledger · Playground' },
  emulatorBadge: { 'zh-CN': '本地模拟器，非 Google', en: 'Local emulator, not Google' },
  extensions: { 'zh-CN': '扩展程序', en: 'Extensions' },
  addonMenu: { 'zh-CN': '客户台账', en: 'Customer Ledger' },
  noMenu: { 'zh-CN': '（菜单尚未由 onOpen 创建）', en: '(onOpen has not built a menu)' },
  reopen: { 'zh-CN': '重新打开文件（运行 onOpen）', en: 'Reopen the file (runs onOpen)' },
  clock: { 'zh-CN': '模拟时钟', en: 'Virtual clock' },
  plusHour: { 'zh-CN': '+1 小时', en: '+1 hour' },
  plusDay: { 'zh-CN': '+1 天', en: '+1 day' },
  setClock: { 'zh-CN': '设置', en: 'Set' },
  outbox: { 'zh-CN': '发件箱', en: 'Outbox' },
  chat: { 'zh-CN': '群消息', en: 'Chat' },
  noChat: {
    'zh-CN': '还没有群消息。设置企业微信或钉钉机器人、启用每日催收并推进时钟试试。',
    en: 'No chat messages yet. Set up a WeCom or DingTalk robot, enable daily reminders and advance the clock.',
  },
  signed: { 'zh-CN': '已加签', en: 'signed' },
  wecom: { 'zh-CN': '企业微信', en: 'WeCom' },
  dingtalk: { 'zh-CN': '钉钉', en: 'DingTalk' },
  triggers: { 'zh-CN': '触发器', en: 'Triggers' },
  toasts: { 'zh-CN': '提示消息', en: 'Toasts' },
  dialogs: { 'zh-CN': '对话框', en: 'Dialogs' },
  executions: { 'zh-CN': '执行记录', en: 'Executions' },
  noMail: {
    'zh-CN': '还没有发送任何邮件。启用每日催收并推进时钟试试。',
    en: 'No e-mail sent yet. Enable daily reminders and advance the clock.',
  },
  noTriggers: { 'zh-CN': '没有已安装的触发器。', en: 'No installed triggers.' },
  nothing: { 'zh-CN': '暂无。', en: 'Nothing yet.' },
  to: { 'zh-CN': '收件人', en: 'To' },
  cc: { 'zh-CN': '抄送', en: 'Cc' },
  from: { 'zh-CN': '发件人', en: 'From' },
  subject: { 'zh-CN': '主题', en: 'Subject' },
  sentAt: { 'zh-CN': '发送时间', en: 'Sent' },
  handler: { 'zh-CN': '函数', en: 'Function' },
  owner: { 'zh-CN': '所有者', en: 'Owner' },
  schedule: { 'zh-CN': '频率', en: 'Schedule' },
  nextRun: { 'zh-CN': '下次运行', en: 'Next run' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  ok: { 'zh-CN': '确定', en: 'OK' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  problem: { 'zh-CN': '出现问题', en: 'There was a problem' },
  running: { 'zh-CN': '正在运行…', en: 'Running…' },
  failed: { 'zh-CN': '脚本出错', en: 'Script error' },
  fired: { 'zh-CN': '已触发', en: 'Fired' },
  invalid: { 'zh-CN': '无效：', en: 'Invalid: ' },
  rows: { 'zh-CN': '行', en: 'rows' },
  savedTo: { 'zh-CN': '工作簿保存于', en: 'Workbook saved to' },
  user: { 'zh-CN': '当前用户', en: 'User' },
  dialogAnswer: { 'zh-CN': '回答', en: 'Answer' },
  sidebar: { 'zh-CN': '侧边栏', en: 'Sidebar' },
  toggleDock: { 'zh-CN': '显示/隐藏面板', en: 'Show/hide panel' },
} as const;

export type LabelKey = keyof typeof L;

let current: PlaygroundLang = /^zh/i.test(navigator.language) ? 'zh-CN' : 'en';
const saved = localStorage.getItem('playground-lang');
if (saved === 'zh-CN' || saved === 'en') current = saved;

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
