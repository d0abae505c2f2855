// The `Spreadsheet` object scripts see (one per file, from EmuSpreadsheet.api()). Every method counts one call.

import { parseA1, resolveBox } from './a1';
import { isValidTimeZone } from './dates';
import { SheetModel } from './model';
import { DeveloperMetadata, NamedRange } from './named-range';
import { Protection } from './protection';
import { checkBox, signatureError } from './api-context';
import { EmuRange } from './range';
import type { EmuSheet } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';

const K = 'SpreadsheetApp.Spreadsheet.';

export class EmuSpreadsheetApi {
  constructor(/** @internal */ readonly file: EmuSpreadsheet) {}

  private get core() {
    return this.file.core;
  }
  private r(m: string) {
    this.core.call(K + m, 'doc-read');
  }
  private w(m: string) {
    this.core.call(K + m, 'doc-write');
  }
  private sheetOrThrow(name: string | null) {
    const s = name === null ? this.file.activeSheet() : this.file.sheetByName(name);
    if (!s) throw this.core.error('Range not found');
    return s;
  }

  getId() {
    this.r('getId');
    return this.file.id;
  }
  getName() {
    this.r('getName');
    return this.file.name;
  }
  rename(name: string) {
    this.w('rename');
    this.file.name = String(name);
  }
  getUrl() {
    this.r('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.file.id}/edit`;
  }
  getSheets() {
    this.r('getSheets');
    return this.file.sheets.map((s) => this.file.sheetApi(s));
  }
  getNumSheets() {
    this.r('getNumSheets');
    return this.file.sheets.length;
  }
  getSheetByName(name: string) {
    this.r('getSheetByName');
    const s = this.file.sheetByName(String(name));
    return s ? this.file.sheetApi(s) : null;
  }
  getSheetById(id: number) {
    this.r('getSheetById');
    const s = this.file.sheetById(Number(id));
    return s ? this.file.sheetApi(s) : null;
  }
  getActiveSheet() {
    this.r('getActiveSheet');
    const s = this.file.activeSheet();
    return s ? this.file.sheetApi(s) : null;
  }
  setActiveSheet(sheet: EmuSheet) {
    this.w('setActiveSheet');
    this.file.activeSheetId = sheet.model.id;
    return sheet;
  }
  getSpreadsheetTimeZone() {
    this.r('getSpreadsheetTimeZone');
    return this.file.timeZone;
  }
  getSpreadsheetLocale() {
    this.r('getSpreadsheetLocale');
    return this.file.locale;
  }
  setSpreadsheetLocale(locale: string) {
    this.w('setSpreadsheetLocale');
    this.file.locale = String(locale);
  }

  setSpreadsheetTimeZone(tz: string) {
    this.w('setSpreadsheetTimeZone');
    if (!isValidTimeZone(String(tz))) throw this.core.error(`Invalid argument: ${tz}`);
    this.file.timeZone = String(tz);
  }

  getOwner() {
    this.r('getOwner');
    const email = this.file.owner;
    return email === null ? null : { getEmail: () => email, toString: () => email };
  }

  /** Overloads (), (name), (index), (name, index), (name, index, options), (name, options); index is 0-based. */
  insertSheet(a?: unknown, b?: unknown): EmuSheet {
    this.w('insertSheet');
    const ss = this.file;
    const name = typeof a === 'string' ? a : null;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : ss.sheets.length;
    if (index < 0 || index > ss.sheets.length)
      throw signatureError(
        ss.ctx,
        'Spreadsheet.insertSheet',
        [a, b].filter((x) => x !== undefined),
      );
    if (name !== null && ss.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw this.core.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    let finalName = name;
    for (let n = ss.sheets.length + 1; finalName === null; n++)
      if (!ss.sheetByName(`Sheet${n}`)) finalName = `Sheet${n}`;
    const model = new SheetModel(ss.newId(), finalName);
    ss.sheets.splice(index, 0, model);
    ss.activeSheetId = model.id;
    return ss.sheetApi(model);
  }

  deleteSheet(sheet: EmuSheet): void {
    this.w('deleteSheet');
    const ss = this.file;
    if (ss.sheets.length <= 1) throw this.core.error("You can't remove all the sheets in a document.");
    const id = sheet.model.id;
    ss.sheets = ss.sheets.filter((s) => s.id !== id);
    ss.protections = ss.protections.filter((p) => p.ref.sheetId !== id);
    ss.namedRanges = ss.namedRanges.filter((n) => n.ref.sheetId !== id);
    if (ss.activeSheetId === id) ss.activeSheetId = ss.sheets[0].id;
  }

  getRange(a1: string): EmuRange {
    this.r('getRange');
    const ref = parseA1(String(a1));
    if (!ref) throw this.core.error('Range not found');
    const s = this.sheetOrThrow(ref.sheetName);
    const b = resolveBox(ref, s.maxRows, s.maxCols);
    checkBox(this.file.ctx, s, b.row, b.col, b.numRows, b.numCols);
    return new EmuRange(this.file.ctx, s, b.row, b.col, b.numRows, b.numCols);
  }

  getRangeByName(name: string): EmuRange | null {
    this.r('getRangeByName');
    const bare = String(name).includes('!') ? String(name).slice(String(name).lastIndexOf('!') + 1) : String(name);
    const n = this.file.namedRanges.find((x) => x.name === bare);
    return n ? (this.file.ctx.codec.makeRange(n.ref) as EmuRange) : null;
  }

  /** An existing name is replaced ([?] in the notes: replace vs throw; Sheets' UI replaces). */
  setNamedRange(name: string, range: EmuRange): void {
    this.w('setNamedRange');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(name)) || /^[A-Za-z]{1,3}\d+$/.test(String(name))) {
      throw this.core.error(`Invalid argument: name`);
    }
    this.file.namedRanges = this.file.namedRanges.filter((n) => n.name !== name);
    this.file.namedRanges.push({ name: String(name), ref: range.ref() });
  }

  getNamedRanges() {
    this.r('getNamedRanges');
    return this.file.namedRanges.map((n) => new NamedRange(this.file, n));
  }

  removeNamedRange(name: string): void {
    this.w('removeNamedRange');
    if (!this.file.namedRanges.some((n) => n.name === name)) throw this.core.error(`Named range ${name} not found.`);
    this.file.namedRanges = this.file.namedRanges.filter((n) => n.name !== name);
  }

  /** null timeout = 5 s, negative = until dismissed (notes §1). */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.core.call(`${K}toast`, 'toast');
    const t = timeoutSeconds === undefined || timeoutSeconds === null ? 5 : timeoutSeconds;
    this.file.hooks.onToast({
      message: String(msg ?? ''),
      title: title == null ? '' : String(title),
      timeoutSeconds: t < 0 ? null : t,
    });
  }

  getProtections(type: unknown): Protection[] {
    this.r('getProtections');
    const t = String(type);
    return this.file.protections
      .filter((p) => p.type === t)
      .map((p) => new Protection(this.file, this.file.ctx.codec, p));
  }

  addDeveloperMetadata(key: string, value?: string | null): this {
    this.w('addDeveloperMetadata');
    this.file.metadata.push({ id: this.file.newId(), key: String(key), value: value == null ? null : String(value) });
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata[] {
    this.r('getDeveloperMetadata');
    return this.file.metadata.map((m) => new DeveloperMetadata(this.file, m));
  }

  getActiveRange(): EmuRange | null {
    this.r('getActiveRange');
    const s = this.file.activeSheet();
    return s ? new EmuRange(this.file.ctx, s, 1, 1, 1, 1) : null;
  }
}
