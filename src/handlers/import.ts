// Wires the import (PRODUCT.md §12) to Apps Script: the menu item that opens the sidebar on its import view, and the
// services behind the sidebar's importPreview / importRun (ledger store, clock, identity, document lock, document
// properties for checkpoints and mappings, the Import report sheet, and the ledger refresh run after the last batch).
import { sheetExportReader } from '../adapters/export-sheets';
import { documentImportState } from '../adapters/import-state';
import { sheetImportReport } from '../adapters/import-report';
import { openSheetSource } from '../adapters/import-source';
import { documentLock } from '../adapters/lock';
import { languageOnly, sessionIdentity, sheetsClock } from '../adapters/runtime';
import { openLedgerStore } from '../adapters/sheet-store';
import type { ImportServices } from '../app/import-ports';
import { refreshLedger } from '../app/refresh-ledger';
import { UI } from '../domain/workbook-i18n';
import { provideImportServices } from '../rpc';
import { menuLang, runMenuAction } from './menu';

/** An import waits longer than a save for the lock: a save takes under a second, and the import must not give up. */
export const IMPORT_LOCK_WAIT_MS = 30000;

/** The marker the sidebar reads at start-up to open the import view instead of the home view. */
export const IMPORT_VIEW_MARKER = '<script>window.ledgerStartView="import";</script>';

export function openImportServices(): ImportServices {
  const store = openLedgerStore();
  const clock = sheetsClock(store.zone);
  const identity = sessionIdentity(languageOnly(store));
  const lock = documentLock(() => store.wrote);
  return {
    store,
    clock,
    identity,
    lock: { acquire: () => lock.tryAcquire(IMPORT_LOCK_WAIT_MS), release: () => lock.release() },
    state: documentImportState(),
    report: sheetImportReport(store, () => store.lang),
    openSheet: (name) => openSheetSource(store, name),
    refresh: () => {
      refreshLedger(store, clock.today(), { step: () => undefined }, identity.lang());
    },
    exportReader: sheetExportReader(store),
  };
}

provideImportServices(openImportServices);

export function showImport(): void {
  runMenuAction('showImport', () => {
    const lang = menuLang();
    const html = HtmlService.createHtmlOutputFromFile('Sidebar')
      .setTitle(UI.sidebarTitle[lang])
      .append(IMPORT_VIEW_MARKER);
    SpreadsheetApp.getUi().showSidebar(html);
  });
}
