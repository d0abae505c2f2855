// The emulated SpreadsheetApp (gas-runtime-notes §1–§4): the public surface the emulator environment and the tests use.
// See README.md in this folder for what is emulated and the choices made where the notes are uncertain.

export {
  BooleanCriteria,
  createSpreadsheetApp,
  DataValidationCriteria,
  ProtectionType,
} from './app';
export type { SpreadsheetHooks } from './model';
export { type ConditionalCell, evaluateConditionalFormats } from './conditional-eval';
export { PROTECTED_CELL_MESSAGE } from './protection';
export { EmuRange } from './range';
export { EmuSheet } from './sheet';
export { EmuSpreadsheet } from './spreadsheet';
export { EmuSpreadsheetApi } from './spreadsheet-api';
export { applyUserEdit, readDisplayValues, readValues, type UserEditResult } from './user-edit';
