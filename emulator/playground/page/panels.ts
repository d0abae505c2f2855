// The dock under the grid: the e-mail outbox (each message rendered in a sandboxed iframe: no scripts, no access
// to the page), installed triggers, toasts, the alerts and prompts the add-on showed, and recent executions.
import type { Snapshot } from '../shared/protocol';
import { api } from './api';
import { esc, type LabelKey, tr } from './labels';

type Tab = 'outbox' | 'chat' | 'triggers' | 'toasts' | 'dialogs' | 'executions';
const TABS: Tab[] = ['outbox', 'chat', 'triggers', 'toasts', 'dialogs', 'executions'];

export class Dock {
  private tab: Tab = 'outbox';
  private snap: Snapshot | null = null;
  private mailIndex = -1;

  constructor(private readonly host: HTMLElement) {
    host.addEventListener('click', (e) => {
      const el = (e.target as HTMLElement).closest('[data-tab],[data-mail]') as HTMLElement | null;
      if (!el) return;
      if (el.dataset.tab) {
        this.tab = el.dataset.tab as Tab;
        host.classList.remove('collapsed');
      }
      if (el.dataset.mail) this.mailIndex = Number(el.dataset.mail);
      this.render();
    });
  }

  update(snap: Snapshot): void {
    const grew = this.snap && snap.outbox.length > this.snap.outbox.length;
    this.snap = snap;
    if (grew || this.mailIndex >= snap.outbox.length) this.mailIndex = snap.outbox.length - 1;
    this.render();
  }

  private count(t: Tab): number {
    const s = this.snap;
    if (!s) return 0;
    return {
      outbox: s.outbox.length,
      chat: s.chats?.length ?? 0,
      triggers: s.triggers.length,
      toasts: s.toasts.length,
      dialogs: s.dialogs.length,
      executions: s.executions.length,
    }[t];
  }

  render(): void {
    const tabs = TABS.map(
      (t) =>
        `<button class="d-tab${t === this.tab ? ' on' : ''}" data-tab="${t}" id="tab-${t}">${tr(t as LabelKey)} <span class="d-count">${this.count(t)}</span></button>`,
    ).join('');
    this.host.querySelector('.d-tabs')!.innerHTML = tabs;
    const body = this.host.querySelector('.d-body') as HTMLElement;
    const s = this.snap;
    if (!s) return;
    if (this.tab === 'outbox') this.renderOutbox(body, s);
    else if (this.tab === 'chat') body.innerHTML = this.chats(s);
    else if (this.tab === 'triggers') body.innerHTML = this.triggers(s);
    else if (this.tab === 'toasts')
      body.innerHTML = list(
        s.toasts.map((t) => [stamp(t.at, s), `<b>${esc(t.title)}</b> ${esc(t.message)}`]).reverse(),
      );
    else if (this.tab === 'dialogs')
      body.innerHTML = list(
        s.dialogs
          .map((d) => [
            d.type,
            `<b>${esc(d.title)}</b> ${esc(d.text)} <span class="muted">→ ${esc(d.answer?.button ?? '')}${d.answer?.text ? ` “${esc(d.answer.text)}”` : ''}</span>`,
          ])
          .reverse(),
      );
    else
      body.innerHTML = list(
        s.executions
          .map((x) => [
            stamp(x.startedAt, s),
            `${esc(x.functionName)} <span class="muted">${esc(x.kind)} · ${esc(x.user)}</span>${x.error ? ` <span class="err">${esc(x.error)}</span>` : ''}`,
          ])
          .reverse(),
      );
  }

  private renderOutbox(body: HTMLElement, s: Snapshot): void {
    if (!s.outbox.length) {
      body.innerHTML = `<p class="muted pad">${tr('noMail')}</p>`;
      return;
    }
    const items = s.outbox
      .map(
        (m) =>
          `<div class="mail-item${m.index === this.mailIndex ? ' on' : ''}" data-mail="${m.index}"><div class="mail-subj">${esc(m.subject)}</div><div class="muted">${esc(m.to)} · ${stamp(m.at, s)}</div></div>`,
      )
      .reverse()
      .join('');
    const m = s.outbox[this.mailIndex];
    const head = m
      ? `<div class="mail-head"><div><b>${esc(m.subject)}</b></div><div>${tr('from')}: ${esc(m.from)} · ${tr('to')}: ${esc(m.to)}${m.cc ? ` · ${tr('cc')}: ${esc(m.cc)}` : ''} · ${stamp(m.at, s)}</div></div>`
      : '';
    body.innerHTML = `<div class="mail"><div class="mail-list">${items}</div><div class="mail-view">${head}<iframe class="mail-frame" sandbox="" title="mail"></iframe></div></div>`;
    if (!m) return;
    const frame = body.querySelector('.mail-frame') as HTMLIFrameElement;
    api.mailHtml(m.index).then((r) => {
      frame.srcdoc = r.html ?? `<pre style="white-space:pre-wrap;font:13px sans-serif">${esc(r.body)}</pre>`;
    });
  }

  /** Chat robot posts as the group would read them (markdown shown as text), newest first. */
  private chats(s: Snapshot): string {
    const chats = s.chats ?? [];
    if (!chats.length) return `<p class="muted pad">${tr('noChat')}</p>`;
    return `<div class="chat-list">${chats
      .map(
        (c) =>
          `<div class="chat-msg${c.ok ? '' : ' failed'}" data-robot="${c.robot}"><div class="chat-head"><span class="chat-robot ${c.robot}">${c.robot === 'wecom' ? tr('wecom') : tr('dingtalk')}</span> <b>${esc(c.title)}</b> <span class="muted">${stamp(c.at, s)}${c.signed ? ` · ${tr('signed')}` : ''} · ${esc(c.result)}</span></div><pre class="chat-text">${esc(c.text)}</pre></div>`,
      )
      .reverse()
      .join('')}</div>`;
  }

  private triggers(s: Snapshot): string {
    if (!s.triggers.length) return `<p class="muted pad">${tr('noTriggers')}</p>`;
    const rows = s.triggers
      .map(
        (t) =>
          `<tr><td>${esc(t.handler)}</td><td>${esc(t.eventType)}</td><td>${esc(t.schedule)}</td><td>${t.nextAt ? stamp(new Date(t.nextAt).toISOString(), s) : '—'}</td><td>${esc(t.owner)}</td></tr>`,
      )
      .join('');
    return `<table class="tbl"><tr><th>${tr('handler')}</th><th></th><th>${tr('schedule')}</th><th>${tr('nextRun')}</th><th>${tr('owner')}</th></tr>${rows}</table>`;
  }
}

function list(rows: string[][]): string {
  if (!rows.length) return `<p class="muted pad">${tr('nothing')}</p>`;
  return `<table class="tbl">${rows.map((r) => `<tr><td class="nowrap muted">${r[0]}</td><td>${r[1]}</td></tr>`).join('')}</table>`;
}

/**
 * An instant as `yyyy-MM-dd HH:mm` in the spreadsheet's time zone (the zone every date in the add-on uses). One format
 * everywhere — clock, clock input, outbox, logs — and the one the add-on writes in its own sheets.
 */
export function stamp(iso: string, s: Snapshot): string {
  return esc(wallTime(new Date(iso), s.timeZone) ?? iso);
}

/** `yyyy-MM-dd HH:mm` of an instant in a zone, or null for an invalid date. */
export function wallTime(d: Date, timeZone: string): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '00';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}
