// MailApp (gas-runtime-notes §8): the four sendEmail signatures, recipient validation, the 50-recipients-per-message
// and daily per-user recipient quota (window resets 24 h after first use, §10), and an outbox instead of SMTP.
import { currentUser, type EnvContext, isoAt, type MailRecord } from './context';
import { blobBytes } from './utilities';

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200 * 1024;
/** 25 MB of attachments per message (gas-runtime-notes §8, quotas page) and the text of the refusal. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 250;
export const ATTACHMENT_SIZE_MESSAGE = 'Limit Exceeded: Email Total Attachments Size.';
export const FAULT_SEND_MESSAGE = 'Failed to send email: the mail service is temporarily unavailable.';
const DAY_MS = 24 * 60 * 60 * 1000;
const EMAIL = /^[^\s@,<>"]+@[^\s@,<>"]+\.[^\s@,<>".]+$/;

function splitRecipients(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function address(r: string): string {
  const m = /<([^>]*)>\s*$/.exec(r);
  return (m ? m[1] : r).trim();
}

interface Message {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  replyTo?: unknown;
  name?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  attachments?: unknown;
}

type BlobLike = { getBytes(): number[]; getName(): string | null; getContentType(): string | null };

/** The attachments of a message as recorded, or the refusal of the real service (§8: 250 per message, 25 MB). */
function attachmentsOf(ctx: EnvContext, list: unknown): MailRecord['attachments'] {
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) throw ctx.core.error('Invalid argument: attachments');
  // The text for too many attachments is not documented [?]: the emulator's own, the count from the quotas page.
  if (list.length > MAX_ATTACHMENTS) throw ctx.core.error('Limit Exceeded: Email Attachments Per Message.');
  let total = 0;
  const out = (list as BlobLike[]).map((b) => {
    if (typeof b?.getBytes !== 'function') throw ctx.core.error('Invalid argument: attachments');
    const bytes = blobBytes(b) ?? Buffer.from(Uint8Array.from(b.getBytes(), (x) => x & 0xff));
    total += bytes.length;
    return {
      name: b.getName() ?? '',
      contentType: b.getContentType() ?? '',
      size: bytes.length,
      base64: bytes.toString('base64'),
    };
  });
  if (total > MAX_ATTACHMENT_BYTES) throw ctx.core.error(ATTACHMENT_SIZE_MESSAGE);
  return out;
}

function normalize(args: unknown[]): Message {
  if (args.length === 1 && args[0] && typeof args[0] === 'object') return args[0] as Message;
  if (args.length === 4 && typeof args[3] === 'string')
    return { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
  const opts = (args[3] && typeof args[3] === 'object' ? args[3] : {}) as Message;
  return { ...opts, to: args[0], subject: args[1], body: args[2] };
}

function usage(ctx: EnvContext, user: string) {
  const now = ctx.core.now();
  let u = ctx.state.mailUsage[user];
  if (!u || now - u.since >= DAY_MS) {
    u = { since: now, used: 0 };
    ctx.state.mailUsage[user] = u;
  }
  return u;
}

function quota(ctx: EnvContext): number {
  return ctx.faults.mailQuota ?? ctx.mailQuota;
}

export function createMailApp(ctx: EnvContext) {
  return {
    sendEmail(...args: unknown[]): void {
      ctx.core.call('MailApp.sendEmail', 'mail');
      const m = normalize(args);
      const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
      const to = str(m.to);
      const cc = str(m.cc);
      const bcc = str(m.bcc);
      const all = [...splitRecipients(to), ...splitRecipients(cc), ...splitRecipients(bcc)];
      if (all.length === 0) throw ctx.core.error('Failed to send email: no recipient');
      for (const r of all) if (!EMAIL.test(address(r))) throw ctx.core.error(`Invalid email: ${r}`);
      if (all.length > MAX_RECIPIENTS_PER_MESSAGE)
        throw ctx.core.error('Limit Exceeded: Email Recipients Per Message.');
      const replyTo = str(m.replyTo);
      if (replyTo && !EMAIL.test(address(replyTo))) throw ctx.core.error(`Invalid email: ${replyTo}`);
      const body = str(m.body);
      const htmlBody = m.htmlBody === undefined || m.htmlBody === null ? null : String(m.htmlBody);
      if (Buffer.byteLength(htmlBody ?? body, 'utf8') > MAX_BODY_BYTES)
        throw ctx.core.error('Limit Exceeded: Email Body Size.');
      const attachments = attachmentsOf(ctx, m.attachments);
      const user = currentUser(ctx);
      const u = usage(ctx, user);
      if (u.used + all.length > quota(ctx)) throw ctx.core.error(MAIL_QUOTA_MESSAGE);
      const record: MailRecord = {
        to,
        cc,
        bcc,
        replyTo,
        name: str(m.name),
        subject: str(m.subject),
        body,
        htmlBody,
        at: isoAt(ctx.core.now()),
        from: user,
        ...(attachments ? { attachments } : {}),
      };
      const fail = ctx.faults.failSend;
      ctx.sendAttempts++;
      if (typeof fail === 'number' ? ctx.sendAttempts === fail : fail?.(record))
        throw ctx.core.error(FAULT_SEND_MESSAGE);
      u.used += all.length;
      ctx.state.outbox.push(record);
    },
    /** Recipients the current user may still send to today (notes §8). */
    getRemainingDailyQuota(): number {
      ctx.core.call('MailApp.getRemainingDailyQuota', 'mail');
      return Math.max(0, quota(ctx) - usage(ctx, currentUser(ctx)).used);
    },
  };
}
