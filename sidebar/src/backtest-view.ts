// Backtest: the user picks a cut-off (empty = the default), the server scores everyone as of that day and reports,
// invoice by invoice, how the scorecard ranked against the naive rule, the late rate per grade and the
// customer-level view. The text comes from the server already localized.
import { clear, h } from './dom';
import { tr } from './i18n';
import { server } from './rpc-client';

export function backtestView(): HTMLElement {
  const input = h('input', { type: 'date', id: 'backtest-cutoff', class: 'input' });
  const out = h('div', { id: 'backtest-result' });
  const button = h('button', { type: 'button', class: 'btn primary', id: 'backtest-run' }, tr('backtestRun'));
  const section = (id: string, title: string | null, lines: string[]) =>
    h(
      'section',
      { class: 'card', id },
      title ? h('h2', {}, title) : null,
      ...lines.flatMap((l) => l.split('\n')).map((l) => h('div', { class: 'small backtest-line' }, l)),
    );
  const run = () => {
    button.setAttribute('disabled', '');
    clear(out);
    out.appendChild(h('div', { class: 'muted' }, tr('loading')));
    server.backtestRun(input.value).then(
      (v) => {
        button.removeAttribute('disabled');
        clear(out);
        if (!v.ok) {
          out.appendChild(h('div', { class: 'banner error', role: 'alert', id: 'backtest-error' }, v.message));
          return;
        }
        if (!input.value) input.value = v.cutoff;
        const kind = v.beats === false ? 'banner warn' : 'banner ok';
        out.appendChild(h('div', { class: kind, id: 'backtest-verdict' }, v.lines.head[2] ?? ''));
        out.appendChild(section('backtest-invoices', null, [v.lines.head[0], v.lines.head[1], v.lines.head[3]]));
        out.appendChild(section('backtest-grades', tr('backtestGrades'), v.lines.grades));
        out.appendChild(section('backtest-customers', tr('backtestCustomers'), v.lines.customers));
      },
      (e: Error) => {
        button.removeAttribute('disabled');
        clear(out);
        out.appendChild(h('div', { class: 'banner error', role: 'alert' }, tr('loadError', { msg: e.message })));
      },
    );
  };
  button.addEventListener('click', run);
  return h(
    'main',
    { id: 'backtest' },
    h(
      'section',
      { class: 'card' },
      h('label', { for: 'backtest-cutoff' }, tr('backtestCutoff')),
      input,
      h('div', { class: 'muted small' }, tr('backtestHint')),
      button,
    ),
    out,
  );
}
