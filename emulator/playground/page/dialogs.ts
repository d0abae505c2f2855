// Sheets-style modal dialogs for the add-on's alerts and prompts, and for edit errors. `ask` resolves with the
// button the person pressed (and the prompt text), in the Apps Script Button names the add-on expects.
import type { PendingDialog } from '../shared/protocol';
import { esc, type LabelKey, tr } from './labels';

const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export function ask(d: PendingDialog): Promise<{ button: string; text: string }> {
  return new Promise((resolve) => {
    const back = document.createElement('div');
    back.className = 'modal-back';
    const buttons = BUTTONS[d.buttons] ?? ['OK'];
    const input = d.type === 'prompt' ? '<input class="dlg-input" type="text" autocomplete="off">' : '';
    back.innerHTML = `<div class="modal" role="dialog" aria-modal="true" data-dialog="${esc(d.type)}">
      ${d.title ? `<h2>${esc(d.title)}</h2>` : ''}<div class="dlg-text">${esc(d.text)}</div>${input}
      <div class="dlg-buttons">${buttons
        .map(
          (b, i) =>
            `<button class="btn${i === 0 ? ' primary' : ''}" data-button="${b}">${tr(b.toLowerCase() as LabelKey)}</button>`,
        )
        .join('')}</div></div>`;
    document.body.appendChild(back);
    const field = back.querySelector('.dlg-input') as HTMLInputElement | null;
    (field ?? (back.querySelector('button.primary') as HTMLElement)).focus();
    const done = (button: string) => {
      back.remove();
      resolve({ button, text: field?.value ?? '' });
    };
    back.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest('[data-button]') as HTMLElement | null;
      if (b?.dataset.button) done(b.dataset.button);
    });
    back.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') done(buttons[0]);
      if (e.key === 'Escape') done(buttons.includes('CANCEL') ? 'CANCEL' : buttons.includes('NO') ? 'NO' : 'CLOSE');
    });
  });
}

export async function showProblem(title: string, text: string): Promise<void> {
  await ask({ type: 'alert', title, text, buttons: 'OK', index: -1, prior: [] });
}
