// The chat outbox (PRODUCT.md §15): alerts wait here until their robot can take them. Each robot takes at most 20
// messages in any 60 seconds; what is over goes out at a later firing of the hourly trigger, oldest first. A failed
// post stays queued and is retried at the next firing; after MAX_ATTEMPTS it is dropped (and logged by the caller).
// Posted ids are remembered for two days so a resumed or repeated run never posts the same alert twice.
import { ROBOT_MESSAGES_PER_MINUTE } from './robots';
import type { ChatRobot } from './settings';

export const MINUTE_MS = 60 * 1000;
export const MAX_ATTEMPTS = 24;
const REMEMBER_MS = 2 * 24 * 60 * MINUTE_MS;

export interface QueuedChat {
  id: string;
  robot: ChatRobot;
  title: string;
  text: string;
  queuedAt: number;
  attempts: number;
  lastError: string;
}

export interface ChatState {
  queue: QueuedChat[];
  /** Epoch ms of recent posts, per robot (for the per-minute limit). */
  sentAt: Partial<Record<ChatRobot, number[]>>;
  /** `id@robot` → epoch ms posted. */
  sent: Record<string, number>;
}

export function emptyChatState(): ChatState {
  return { queue: [], sentAt: {}, sent: {} };
}

export function enqueue(
  state: ChatState,
  messages: ReadonlyArray<{ id: string; title: string; text: string }>,
  robots: readonly ChatRobot[],
  now: number,
): number {
  let added = 0;
  for (const m of messages)
    for (const robot of robots) {
      const key = `${m.id}@${robot}`;
      if (state.sent[key] !== undefined || state.queue.some((q) => q.id === m.id && q.robot === robot)) continue;
      state.queue.push({ id: m.id, robot, title: m.title, text: m.text, queuedAt: now, attempts: 0, lastError: '' });
      added++;
    }
  return added;
}

/** Posts a robot may still make in the minute ending now. */
export function allowance(state: ChatState, robot: ChatRobot, now: number): number {
  const recent = (state.sentAt[robot] ?? []).filter((t) => now - t < MINUTE_MS);
  return Math.max(0, ROBOT_MESSAGES_PER_MINUTE - recent.length);
}

export function markSent(state: ChatState, item: QueuedChat, now: number): void {
  state.queue = state.queue.filter((q) => q !== item);
  state.sent[`${item.id}@${item.robot}`] = now;
  const list = (state.sentAt[item.robot] ?? []).filter((t) => now - t < MINUTE_MS);
  list.push(now);
  state.sentAt[item.robot] = list;
}

/** Records a failure; returns true when the item was given up (dropped from the queue). */
export function markFailed(state: ChatState, item: QueuedChat, error: string): boolean {
  item.attempts++;
  item.lastError = error;
  if (item.attempts < MAX_ATTEMPTS) return false;
  state.queue = state.queue.filter((q) => q !== item);
  return true;
}

/** Forgets posted ids older than two days and robots no longer configured. */
export function prune(state: ChatState, robots: readonly ChatRobot[], now: number): void {
  for (const [k, at] of Object.entries(state.sent)) if (now - at > REMEMBER_MS) delete state.sent[k];
  state.queue = state.queue.filter((q) => robots.includes(q.robot));
}
