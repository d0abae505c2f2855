// The reminders' durable state in document properties (gas-runtime-notes §9): the run checkpoint, who enabled the
// daily trigger, the send journal, one small property per send (values stay far below the 9 KB limit and
// the journal is emptied after every batch flush), and the send record, chunked below 9 KB per value and kept
// within its own 300 KB budget (app/send-record.ts), so the 500 KB store never fills.
import type { EnabledInfo, JournalEntry, ReminderStateStore, RunFailure, RunState } from '../app/reminder-ports';
import { parseJson } from './json-property';

const PREFIX = 'customerLedger.reminders.';
const STATE = `${PREFIX}state`;
const ENABLED = `${PREFIX}enabled`;
const FAILURE = `${PREFIX}failure`;
const JOURNAL = `${PREFIX}j.`;
/** Send record chunks (app/send-record.ts): `sent.000`, `sent.001`, … in order. */
const SENT = `${PREFIX}sent.`;

function sentKey(i: number): string {
  return SENT + String(i).padStart(3, '0');
}

/** Monthly letters sent in the latest period (app/monthly-statements.ts): `letters.000`, … in order. */
const LETTERS = `${PREFIX}letters.`;

function lettersKey(i: number): string {
  return LETTERS + String(i).padStart(3, '0');
}

export function documentStateStore(): ReminderStateStore {
  const props = PropertiesService.getDocumentProperties();
  return {
    loadState: () => parseJson<RunState>(props.getProperty(STATE)),
    saveState: (state) => {
      props.setProperty(STATE, JSON.stringify(state));
    },
    journal() {
      const all = props.getProperties();
      const out: JournalEntry[] = [];
      for (const key of Object.keys(all).sort()) {
        if (!key.startsWith(JOURNAL)) continue;
        const e = parseJson<JournalEntry>(all[key]);
        if (e) out.push(e);
      }
      return out;
    },
    putJournal: (entry) => {
      props.setProperty(JOURNAL + entry.id, JSON.stringify(entry));
    },
    removeJournal: (ids) => {
      for (const id of ids) props.deleteProperty(JOURNAL + id);
    },
    sendRecord() {
      const all = props.getProperties();
      const out: string[] = [];
      for (let i = 0; all[sentKey(i)] !== undefined; i++) out.push(all[sentKey(i)]);
      return out;
    },
    saveSendRecord(chunks) {
      // One write for every chunk (setProperties keeps the other keys); chunks past the new end are removed.
      const all = props.getProperties();
      const changed: Record<string, string> = {};
      chunks.forEach((c, i) => {
        if (all[sentKey(i)] !== c) changed[sentKey(i)] = c;
      });
      if (Object.keys(changed).length) props.setProperties(changed);
      for (let i = chunks.length; all[sentKey(i)] !== undefined; i++) props.deleteProperty(sentKey(i));
    },
    lettersSent() {
      const all = props.getProperties();
      const out: string[] = [];
      for (let i = 0; all[lettersKey(i)] !== undefined; i++) out.push(all[lettersKey(i)]);
      return out;
    },
    saveLettersSent(chunks) {
      const all = props.getProperties();
      const changed: Record<string, string> = {};
      chunks.forEach((c, i) => {
        if (all[lettersKey(i)] !== c) changed[lettersKey(i)] = c;
      });
      if (Object.keys(changed).length) props.setProperties(changed);
      for (let i = chunks.length; all[lettersKey(i)] !== undefined; i++) props.deleteProperty(lettersKey(i));
    },
    failure: () => {
      const f = parseJson<RunFailure>(props.getProperty(FAILURE));
      // A failure recorded before Traditional Chinese existed has no zh-TW text: show its Simplified one.
      return f && { ...f, text: { ...f.text, 'zh-TW': f.text['zh-TW'] ?? f.text['zh-CN'] } };
    },
    setFailure: (failure) => {
      if (failure) props.setProperty(FAILURE, JSON.stringify(failure));
      else props.deleteProperty(FAILURE);
    },
    enabled: () => parseJson<EnabledInfo>(props.getProperty(ENABLED)),
    setEnabled: (info) => {
      if (info) props.setProperty(ENABLED, JSON.stringify(info));
      else props.deleteProperty(ENABLED);
    },
  };
}
