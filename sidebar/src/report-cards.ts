// Home: the headline figures of the last report build as cards, and "build reports as of a day" (PRODUCT.md §11).
// The cards come with the start-up call (sidebarStart reads one document property for them).
import type { ReportCards } from '../../src/app/build-reports';
import { isLang, type Lang, t } from '../../src/domain/i18n';
import { REPORT } from '../../src/domain/reports/report-i18n';
import { clear, h } from './dom';
import { money } from './format';
import { server } from './rpc-client';
import { app } from './state';

function lang(): Lang {
  return isLang(app.home?.lang) ? app.home.lang : 'zh-CN';
}

const pct = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}%`);
const days = (x: number | null) => (x === null ? '—' : t(lang(), REPORT.days, { n: x.toFixed(1) }));

function card(label: string, value: string, sub = ''): HTMLElement {
  return h(
    'div',
    { class: 'kpi' },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, value),
    sub ? h('div', { class: 'kpi-sub' }, sub) : null,
  );
}

function cardsOf(c: ReportCards): HTMLElement {
  const l = lang();
  return h(
    'div',
    { class: 'kpis', id: 'report-cards' },
    card(t(l, REPORT.outstanding), money(c.outstanding, c.currency)),
    card(t(l, REPORT.overdue), money(c.overdue, c.currency), t(l, REPORT.cardOverdue, { pct: pct(c.overduePercent) })),
    card(t(l, REPORT.dsoSimple), days(c.dsoSimple)),
    card(t(l, REPORT.dsoCountback), days(c.dsoCountback)),
    card('CEI', pct(c.cei)),
    card(t(l, REPORT.writeOff), c.writeOffRate === null ? '—' : `${c.writeOffRate.toFixed(2)}%`),
    card(t(l, REPORT.expected), money(c.expectedNext4Weeks, c.currency)),
  );
}

export function reportCardsSection(): HTMLElement {
  const l = lang();
  const body = h('div', { class: 'small muted' }, t(l, REPORT.cardsNone));
  const asOf = h('div', { class: 'small muted', id: 'report-as-of' });
  const day = h('input', { type: 'date', id: 'report-day', class: 'small', 'aria-label': t(l, REPORT.reportDay) });
  const error = h('div', { class: 'err small', id: 'report-error', role: 'alert' });
  const show = (c: ReportCards | null) => {
    if (!c) return;
    asOf.textContent = t(l, REPORT.cardsAsOf, { asOf: c.asOf });
    clear(body);
    body.className = '';
    body.appendChild(cardsOf(c));
  };
  const button = h('button', { type: 'button', class: 'btn', id: 'act-build-reports' }, t(l, REPORT.build));
  button.addEventListener('click', async () => {
    (button as HTMLButtonElement).disabled = true;
    button.textContent = t(l, REPORT.building);
    error.textContent = '';
    try {
      const r = await server.buildReportsAsOf((day as HTMLInputElement).value);
      if (r.ok) show(r.cards);
      else error.textContent = r.message;
    } catch (e) {
      error.textContent = (e as Error).message;
    } finally {
      (button as HTMLButtonElement).disabled = false;
      button.textContent = t(l, REPORT.build);
    }
  });
  show(app.home?.reportCards ?? null);
  return h(
    'section',
    { class: 'card', id: 'report-section' },
    h('h2', {}, t(l, REPORT.cardsTitle)),
    asOf,
    body,
    h('label', { class: 'small', for: 'report-day' }, t(l, REPORT.reportDay)),
    h('div', { class: 'row-inline' }, day, button),
    error,
  );
}
