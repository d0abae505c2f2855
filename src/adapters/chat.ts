// Chat alert ports on Apps Script (PRODUCT.md §15): UrlFetchApp.fetchAll for the robots' webhooks (scope
// script.external_request; one call per robot per firing), Utilities for the DingTalk HMAC-SHA256 signature, and
// document properties for the queue. The queue is packed into a few chunk properties under 8 KB each (the value
// limit is 9 KB; gas-runtime-notes §9) and capped, so it never fills the 500 KB store it shares with the reminder
// journal, and a firing costs one read and one write of properties, not one per message.
import type { ChatPorts } from '../app/chat-alerts';
import { utf8Bytes } from '../domain/chat/format';
import { type ChatState, emptyChatState, type QueuedChat } from '../domain/chat/queue';
import { parseJson } from './json-property';

const PREFIX = 'customerLedger.chat.';
const META = `${PREFIX}state`;
const CHUNK = `${PREFIX}q.`;
const CHUNK_BYTES = 8000;
/** Oldest messages beyond this are dropped (logged): 60 × ≤ 5 KB stays far below the store's 500 KB. */
export const MAX_QUEUED = 60;

/** Queue items packed in order into JSON arrays of at most CHUNK_BYTES bytes each. */
export function packQueue(queue: readonly QueuedChat[]): string[] {
  const chunks: string[] = [];
  let cur: string[] = [];
  let size = 2;
  for (const q of queue) {
    const s = JSON.stringify(q);
    const n = utf8Bytes(s) + 1;
    if (cur.length && size + n > CHUNK_BYTES) {
      chunks.push(`[${cur.join(',')}]`);
      cur = [];
      size = 2;
    }
    cur.push(s);
    size += n;
  }
  if (cur.length) chunks.push(`[${cur.join(',')}]`);
  return chunks;
}

export function appsScriptChatPorts(log: (m: string) => void = (m) => console.log(m)): ChatPorts {
  const props = PropertiesService.getDocumentProperties();
  let stored: string[] = [];
  return {
    postAll(requests) {
      const responses = UrlFetchApp.fetchAll(
        requests.map((r) => ({
          url: r.url,
          method: 'post' as const,
          contentType: 'application/json; charset=utf-8',
          payload: r.body,
          muteHttpExceptions: true,
        })),
      );
      return responses.map((x) => ({ status: x.getResponseCode(), text: x.getContentText() }));
    },
    hmacBase64(text, key) {
      const bytes = Utilities.computeHmacSha256Signature(text, key, Utilities.Charset.UTF_8);
      return Utilities.base64Encode(bytes);
    },
    now: () => Date.now(),
    load() {
      const all = props.getProperties();
      const meta = parseJson<Omit<ChatState, 'queue'>>(all[META]);
      const keys = Object.keys(all)
        .filter((k) => k.startsWith(CHUNK))
        .sort((a, b) => Number(a.slice(CHUNK.length)) - Number(b.slice(CHUNK.length)));
      stored = keys;
      const queue = keys.flatMap((k) => parseJson<QueuedChat[]>(all[k]) ?? []);
      return { ...emptyChatState(), ...(meta ?? {}), queue };
    },
    save(state) {
      let queue = state.queue;
      if (queue.length > MAX_QUEUED) {
        log(`Chat alerts: queue over ${MAX_QUEUED}; the ${queue.length - MAX_QUEUED} oldest message(s) dropped.`);
        queue = queue.slice(queue.length - MAX_QUEUED);
      }
      const out: Record<string, string> = { [META]: JSON.stringify({ sentAt: state.sentAt, sent: state.sent }) };
      packQueue(queue).forEach((c, i) => {
        out[CHUNK + i] = c;
      });
      props.setProperties(out);
      for (const k of stored) if (!(k in out)) props.deleteProperty(k);
      stored = Object.keys(out).filter((k) => k.startsWith(CHUNK));
    },
    log,
  };
}
