// The global `SpreadsheetApp` object: entry to the bound file, builders, flush, getUi and the enums the add-on uses.
// Enum members are their own names as strings, so `rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.X`
// holds and values stay JSON-safe.

import { type Core, permissionMessage } from '../core';
import { ConditionalFormatRuleBuilder } from './conditional';
import type { SpreadsheetHooks } from './model';
import { EmuRange } from './range';
import type { EmuSpreadsheet } from './spreadsheet';
import { type ArgCodec, DataValidationBuilder } from './validation';

function enumOf<const T extends readonly string[]>(names: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [K in T[number]]: K };
}

export const DataValidationCriteria = enumOf([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
] as const);

export const BooleanCriteria = enumOf([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);

export const ProtectionType = enumOf(['RANGE', 'SHEET'] as const);
export const Dimension = enumOf(['COLUMNS', 'ROWS'] as const);
export const DeveloperMetadataVisibility = enumOf(['DOCUMENT', 'PROJECT'] as const);
export const WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP'] as const);

/** The global `SpreadsheetApp`; `getActive()` is the bound file or null (e.g. a standalone run). */
export function createSpreadsheetApp(
  core: Core,
  getActive: () => EmuSpreadsheet | null,
  hooks: SpreadsheetHooks,
): object {
  const K = 'SpreadsheetApp.';
  const codec = (): ArgCodec => {
    const ss = getActive();
    if (ss) return ss.ctx.codec;
    return {
      core,
      timeZone: () => 'Etc/UTC',
      makeRange: () => {
        throw core.error('Range not found');
      },
      refOf: (r) => (r instanceof EmuRange ? r.ref() : null),
    };
  };
  const active = (m: string) => {
    core.call(K + m, 'doc-read');
    return getActive();
  };
  return {
    getActiveSpreadsheet: () => active('getActiveSpreadsheet')?.api() ?? null,
    getActive: () => active('getActive')?.api() ?? null,
    getActiveSheet: () => active('getActiveSheet')?.api().getActiveSheet() ?? null,
    getActiveRange: () => active('getActiveRange')?.api().getActiveRange() ?? null,
    setActiveSheet: (sheet: unknown) => {
      core.call(`${K}setActiveSheet`, 'doc-write');
      return (
        getActive()
          ?.api()
          .setActiveSheet(sheet as never) ?? null
      );
    },
    openById: (id: string) => {
      core.call(`${K}openById`, 'doc-write');
      if (core.execution && core.execution.authMode !== 'FULL')
        throw core.error(permissionMessage(`${K}openById`, 'doc-write', core.execution.authMode));
      const ss = getActive();
      if (!ss || ss.id !== id)
        throw core.error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
      return ss.api();
    },
    flush: () => {
      core.call(`${K}flush`, 'doc-read');
    },
    getUi: () => {
      core.call(`${K}getUi`, 'none');
      return hooks.getUi();
    },
    newDataValidation: () => {
      core.call(`${K}newDataValidation`, 'none');
      return new DataValidationBuilder(codec());
    },
    newConditionalFormatRule: () => {
      core.call(`${K}newConditionalFormatRule`, 'none');
      return new ConditionalFormatRuleBuilder(codec());
    },
    DataValidationCriteria,
    BooleanCriteria,
    ProtectionType,
    Dimension,
    DeveloperMetadataVisibility,
    WrapStrategy,
  };
}
