// Named ranges and developer metadata of a spreadsheet (gas-runtime-notes §1 "named ranges").

import type { GridRef, MetadataData } from './model';
import type { EmuRange } from './range';
import type { EmuSpreadsheet } from './spreadsheet';

export class NamedRange {
  constructor(
    private readonly ss: EmuSpreadsheet,
    private readonly data: { name: string; ref: GridRef },
  ) {}
  private c(m: string, cap: 'doc-read' | 'doc-write') {
    this.ss.core.call(`SpreadsheetApp.NamedRange.${m}`, cap);
  }
  getName() {
    this.c('getName', 'doc-read');
    return this.data.name;
  }
  setName(name: string) {
    this.c('setName', 'doc-write');
    this.data.name = String(name);
    return this;
  }
  getRange() {
    this.c('getRange', 'doc-read');
    return this.ss.ctx.codec.makeRange(this.data.ref);
  }
  setRange(range: EmuRange) {
    this.c('setRange', 'doc-write');
    Object.assign(this.data.ref, range.ref());
    return this;
  }
  remove() {
    this.c('remove', 'doc-write');
    this.ss.namedRanges = this.ss.namedRanges.filter((n) => n !== this.data);
  }
}

export class DeveloperMetadata {
  constructor(
    private readonly ss: EmuSpreadsheet,
    private readonly data: MetadataData,
  ) {}
  private c(m: string, cap: 'doc-read' | 'doc-write') {
    this.ss.core.call(`SpreadsheetApp.DeveloperMetadata.${m}`, cap);
  }
  getId() {
    this.c('getId', 'doc-read');
    return this.data.id;
  }
  getKey() {
    this.c('getKey', 'doc-read');
    return this.data.key;
  }
  getValue() {
    this.c('getValue', 'doc-read');
    return this.data.value;
  }
  setKey(k: string) {
    this.c('setKey', 'doc-write');
    this.data.key = String(k);
    return this;
  }
  setValue(v: string | null) {
    this.c('setValue', 'doc-write');
    this.data.value = v == null ? null : String(v);
    return this;
  }
  remove() {
    this.c('remove', 'doc-write');
    this.ss.metadata = this.ss.metadata.filter((m) => m !== this.data);
  }
}
