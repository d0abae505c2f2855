// Chat alert ports on Apps Script (PRODUCT.md §15): UrlFetchApp for the robots' webhooks (scope
// script.external_request), Utilities for the DingTalk HMAC-SHA256 signature, and document properties for the
// queue. Each queued message is one property (a message is ≤ 4 KB, below the 9 KB value limit; gas-runtime-notes §9)
// and the queue is capped, so it can never fill the document's 500 KB store shared with the reminder journal.
import type { ChatPorts } from '../app/chat-alerts';
import { type ChatState, emptyChatState, type QueuedChat } from '../domain/chat/queue';
import { fnv1a } from '../domain/reminders/plan';

const PREFIX = 'customerLedger.chat.';
const META = `${PREFIX}state`;
const ITEM = `${PREFIX}q.`;
/** Oldest messages beyond this are dropped (logged): 60 × ≤ 5 KB stays far below the store's 500 KB. */
export const MAX_QUEUED = 60;

function parse<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch (_e) {
    return null;
  }
}

export function appsScriptChatPorts(log: (m: string) => void = (m) => console.log(m)): ChatPorts {
  const props = PropertiesService.getDocumentProperties();
  let stored: string[] = [];
  return {
    post(url, jsonBody) {
      const r = UrlFetchApp.fetch(url, {
        method: 'post',
        contentType: 'application/json; charset=utf-8',
        payload: jsonBody,
        muteHttpExceptions: true,
      });
      return { status: r.getResponseCode(), text: r.getContentText() };
    },
    hmacBase64(text, key) {
      const bytes = Utilities.computeHmacSha256Signature(text, key, Utilities.Charset.UTF_8);
      return Utilities.base64Encode(bytes);
    },
    now: () => Date.now(),
    load() {
      const all = props.getProperties();
      const meta = parse<Omit<ChatState, 'queue'>>(all[META]);
      const queue: QueuedChat[] = [];
      stored = [];
      for (const k of Object.keys(all)) {
        if (!k.startsWith(ITEM)) continue;
        stored.push(k);
        const item = parse<QueuedChat>(all[k]);
        if (item) queue.push(item);
      }
      queue.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1));
      return { ...emptyChatState(), ...(meta ?? {}), queue };
    },
    save(state) {
      let queue = state.queue;
      if (queue.length > MAX_QUEUED) {
        log(`Chat alerts: queue over ${MAX_QUEUED}; the ${queue.length - MAX_QUEUED} oldest message(s) dropped.`);
        queue = queue.slice(queue.length - MAX_QUEUED);
      }
      const out: Record<string, string> = { [META]: JSON.stringify({ sentAt: state.sentAt, sent: state.sent }) };
      for (const q of queue) out[ITEM + fnv1a(`${q.id}@${q.robot}`)] = JSON.stringify(q);
      props.setProperties(out);
      for (const k of stored) if (!(k in out)) props.deleteProperty(k);
      stored = Object.keys(out).filter((k) => k.startsWith(ITEM));
    },
    log,
  };
}
