// The durable send record's encoding (src/app/send-record.ts): exact round trip, values under the 9 KB property
// limit, the highest stage kept per invoice, and the budget policy (settled invoices forgotten first, then oldest).
import {
  addToSendRecord,
  CHUNK_BYTES,
  decodeSendRecord,
  encodeSendRecord,
  pruneSendRecord,
  type SendRecord,
  sendRecordBytes,
  sentPairsOf,
} from '../../src/app/send-record';

function utf8(s: string): number {
  return new TextEncoder().encode(s).length;
}

test('round trip of 20,000 invoices, every chunk under the per-value limit', () => {
  const record: SendRecord = new Map();
  for (let i = 0; i < 20000; i++)
    record.set(i % 7 ? `INV-${String(i).padStart(6, '0')}` : `单据-${i}`, (i % 5) * 7 - 3);
  const chunks = encodeSendRecord(record);
  for (const c of chunks) expect(utf8(c)).toBeLessThanOrEqual(CHUNK_BYTES);
  expect([...decodeSendRecord(chunks)]).toEqual([...record]);
  const total = chunks.reduce((n, c) => n + utf8(c) + 1, 0);
  expect(total).toBe(sendRecordBytes(record));
  // ~15 bytes per invoice: 20,000 reminded invoices fit in ~300 KB
  expect(total / 20000).toBeLessThan(16);
});

test('a stage only ever rises; a tab or line break in an id cannot break the framing', () => {
  const record: SendRecord = new Map();
  expect(addToSendRecord(record, [['A', 7]])).toBe(true);
  expect(addToSendRecord(record, [['A', 1]])).toBe(false);
  expect(
    addToSendRecord(record, [
      ['A', 15],
      ['B\tx\ny', -3],
    ]),
  ).toBe(true);
  const back = decodeSendRecord(encodeSendRecord(record));
  expect(back.get('A')).toBe(15);
  expect(back.get('B x y')).toBe(-3);
  expect(back.size).toBe(2);
});

test('pairs of a journal entry: parallel lists pair up, one stage goes with every id', () => {
  expect(sentPairsOf('I-1, I-2', '7, 15')).toEqual([
    ['I-1', 7],
    ['I-2', 15],
  ]);
  expect(sentPairsOf('I-1, I-2', '30')).toEqual([
    ['I-1', 30],
    ['I-2', 30],
  ]);
  expect(sentPairsOf('', 'digest')).toEqual([]);
});

test('over budget: settled and written-off invoices go first, then the oldest entries', () => {
  const record: SendRecord = new Map([
    ['OLD-OPEN', 30],
    ['PAID', 7],
    ['OFF', 15],
    ['NEW-OPEN', 1],
  ]);
  const invoices = [
    { id: 'OLD-OPEN', outstanding: 100, status: 'open' as const },
    { id: 'PAID', outstanding: 0, status: 'open' as const },
    { id: 'OFF', outstanding: 100, status: 'written-off' as const },
    { id: 'NEW-OPEN', outstanding: 100, status: 'open' as const },
  ];
  const budget = sendRecordBytes(record) - 1;
  expect(pruneSendRecord(record, invoices, budget)).toEqual(['PAID']);
  expect(pruneSendRecord(record, invoices, 11)).toEqual(['OFF', 'OLD-OPEN']);
  expect([...record.keys()]).toEqual(['NEW-OPEN']);
  expect(pruneSendRecord(record, invoices)).toEqual([]);
});
