// Calls from the page to the playground server. Mutating calls carry the per-process token the server put in the
// page, so another web site open in the same browser cannot drive the local server.
import type { CellDetail, CellsReply, ClockReply, EditReply, RunReply, Snapshot } from '../shared/protocol';

const token = document.querySelector('meta[name="playground-token"]')?.getAttribute('content') ?? '';

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Playground-Token': token },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const api = {
  snapshot: () => get<Snapshot>('/api/snapshot'),
  version: () => get<{ version: number }>('/api/version'),
  cells: (sheetId: number, r0: number, n: number) => get<CellsReply>(`/api/cells?sheet=${sheetId}&r0=${r0}&n=${n}`),
  cell: (sheetId: number, row: number, col: number) =>
    get<CellDetail>(`/api/cell?sheet=${sheetId}&row=${row}&col=${col}`),
  mailHtml: (index: number) => get<{ html: string | null; body: string }>(`/api/mail?i=${index}`),
  edit: (sheetId: number, row: number, col: number, value: string) =>
    post<EditReply>('/api/edit', { sheetId, row, col, value }),
  run: (functionName: string, answers: { button: string; text: string }[]) =>
    post<RunReply>('/api/run', { functionName, answers }),
  open: () => post<RunReply>('/api/open', {}),
  advance: (ms: number) => post<ClockReply>('/api/clock', { advanceMs: ms }),
  setClock: (local: string) => post<ClockReply>('/api/clock', { setLocal: local }),
  activate: (sheetId: number) => post<{ version: number }>('/api/activate', { sheetId }),
};
