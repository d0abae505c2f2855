// Protection (gas-runtime-notes §3). Reading of the docs we follow: a fresh protection mirrors the file's sharing
// (every file editor may still edit) until the script changes editors or domain edit; from then on only the owner
// and the listed editors may edit. Warning-only protections never block script writes (the UI asks to confirm).
// Script writes run as the execution user; a blocked write throws the exact protected-cell text.

import type { GridRef, ProtectionData, SheetModel, SpreadsheetState } from './model';
import type { ArgCodec } from './validation';

export const PROTECTED_CELL_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class EmuUser {
  constructor(
    private readonly codec: ArgCodec,
    private readonly email: string,
  ) {}
  getEmail(): string {
    this.codec.core.call('SpreadsheetApp.User.getEmail', 'none');
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

function emailOf(u: unknown): string {
  if (typeof u === 'string') return u;
  const anyU = u as { getEmail?: () => string } | null;
  return anyU && typeof anyU.getEmail === 'function' ? anyU.getEmail() : String(u);
}

function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

/** Whether `user` may edit cells under `p` without being blocked (warning-only never blocks). */
export function mayEdit(ss: SpreadsheetState, p: ProtectionData, user: string | null): boolean {
  if (p.warningOnly || !p.explicitEditors) return true;
  if (user === null) return true; // no execution: the emulator's own set-up code
  if (sameEmail(user, ss.owner)) return true;
  return p.editors.some((e) => sameEmail(e, user));
}

function inside(r: number, c: number, g: GridRef): boolean {
  return r >= g.row && r < g.row + g.numRows && c >= g.col && c < g.col + g.numCols;
}

function overlaps(a: GridRef, b: GridRef): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}

/** The first hard protection that stops `user` from writing the 1-based box, or null. */
export function blockingProtection(
  ss: SpreadsheetState,
  sheet: SheetModel,
  box: GridRef,
  user: string | null,
): ProtectionData | null {
  for (const p of ss.protections) {
    if (p.ref.sheetId !== sheet.id || mayEdit(ss, p, user)) continue;
    if (p.type === 'RANGE') {
      if (overlaps(p.ref, box)) return p;
      continue;
    }
    if (
      p.unprotected.some(
        (u) => u.row <= box.row && u.col <= box.col && inside(box.row + box.numRows - 1, box.col + box.numCols - 1, u),
      )
    )
      continue;
    if (p.unprotected.length === 0 || box.numRows * box.numCols > 200_000) return p;
    for (let r = box.row; r < box.row + box.numRows; r++)
      for (let c = box.col; c < box.col + box.numCols; c++) if (!p.unprotected.some((u) => inside(r, c, u))) return p;
  }
  return null;
}

const K = 'SpreadsheetApp.Protection.';

export class Protection {
  constructor(
    private readonly ss: SpreadsheetState,
    private readonly codec: ArgCodec,
    /** @internal */ readonly data: ProtectionData,
  ) {}

  private c(method: string, cap: 'doc-read' | 'doc-write'): void {
    this.codec.core.call(K + method, cap);
  }

  private user(): string | null {
    return this.codec.core.execution?.user ?? null;
  }

  getProtectionType() {
    this.c('getProtectionType', 'doc-read');
    return this.data.type;
  }
  getRange() {
    this.c('getRange', 'doc-read');
    const sheet = this.data.type === 'SHEET' ? this.ss.sheetById(this.data.ref.sheetId) : undefined;
    const ref = sheet ? { ...this.data.ref, numRows: sheet.maxRows, numCols: sheet.maxCols } : this.data.ref;
    return this.codec.makeRange(ref);
  }
  getDescription() {
    this.c('getDescription', 'doc-read');
    return this.data.description;
  }
  setDescription(d: string): this {
    this.c('setDescription', 'doc-write');
    this.data.description = String(d);
    return this;
  }
  isWarningOnly() {
    this.c('isWarningOnly', 'doc-read');
    return this.data.warningOnly;
  }
  setWarningOnly(w: boolean): this {
    this.c('setWarningOnly', 'doc-write');
    this.data.warningOnly = !!w;
    return this;
  }
  canDomainEdit() {
    this.c('canDomainEdit', 'doc-read');
    return this.data.domainEdit;
  }
  canEdit() {
    this.c('canEdit', 'doc-read');
    return mayEdit(this.ss, { ...this.data, warningOnly: false }, this.user());
  }

  setDomainEdit(v: boolean): this {
    this.c('setDomainEdit', 'doc-write');
    this.data.domainEdit = !!v;
    this.data.explicitEditors = true;
    return this;
  }

  getEditors(): EmuUser[] {
    this.c('getEditors', 'doc-read');
    if (!mayEdit(this.ss, { ...this.data, warningOnly: false }, this.user()))
      throw this.codec.core.error(PROTECTED_CELL_MESSAGE);
    return this.data.editors.map((e) => new EmuUser(this.codec, e));
  }

  private add(list: unknown[]): this {
    for (const u of list) {
      const e = emailOf(u);
      if (!this.data.editors.some((x) => sameEmail(x, e))) this.data.editors.push(e);
    }
    this.data.explicitEditors = true;
    return this;
  }

  private removeAll(list: unknown[]): this {
    // The owner and the current user can never be removed (notes §3).
    const keep = (e: string) => sameEmail(e, this.ss.owner) || sameEmail(e, this.user());
    const drop = list.map(emailOf).filter((e) => !keep(e));
    this.data.editors = this.data.editors.filter((e) => !drop.some((d) => sameEmail(d, e)));
    const me = this.user();
    if (me && !sameEmail(me, this.ss.owner) && !this.data.editors.some((e) => sameEmail(e, me)))
      this.data.editors.push(me);
    this.data.explicitEditors = true;
    return this;
  }

  addEditor(u: unknown): this {
    this.c('addEditor', 'doc-write');
    return this.add([u]);
  }
  addEditors(us: unknown[]): this {
    this.c('addEditors', 'doc-write');
    return this.add(us ?? []);
  }
  removeEditor(u: unknown): this {
    this.c('removeEditor', 'doc-write');
    return this.removeAll([u]);
  }
  removeEditors(us: unknown[]): this {
    this.c('removeEditors', 'doc-write');
    return this.removeAll(us ?? []);
  }

  getUnprotectedRanges() {
    this.c('getUnprotectedRanges', 'doc-read');
    return this.data.unprotected.map((r) => this.codec.makeRange(r));
  }

  setUnprotectedRanges(ranges: unknown[]): this {
    this.c('setUnprotectedRanges', 'doc-write');
    if (this.data.type !== 'SHEET')
      throw this.codec.core.error('Unprotected ranges can only be set on a sheet protection.');
    const refs = (ranges ?? []).map((r) => this.codec.refOf(r));
    if (refs.some((r) => r === null)) throw this.codec.core.error('Invalid argument: ranges');
    this.data.unprotected = refs.map((r) => ({ ...(r as GridRef) }));
    return this;
  }

  remove(): void {
    this.c('remove', 'doc-write');
    this.ss.protections = this.ss.protections.filter((p) => p !== this.data);
  }
}
