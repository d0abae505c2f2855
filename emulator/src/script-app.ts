// ScriptApp (gas-runtime-notes §5): trigger builders, the current user's triggers, enums and authorization info.
// Limits: 20 triggers per user per script (observed text). Editor add-on rules (option `addonTriggerRules`, on by
// default): one trigger of each event type per user per document, and time-driven triggers at most hourly. Google
// documents these rules but not their error texts, so the two texts below are the emulator's own [?].
import {
  currentUser,
  type EnvContext,
  type TriggerEventType,
  type TriggerRecord,
  type TriggerSchedule,
} from './context';
import { isValidTimeZone } from './java-date-format';
import { nextFireAfter } from './triggers';

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_ONE_PER_TYPE =
  'An add-on can create only one trigger of each type per user per document. Delete the existing trigger first.';
export const ADDON_HOURLY = 'Add-ons can only create time-based triggers that run at most once per hour.';
export const MAX_TRIGGERS_PER_USER = 20;

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;

export function triggerObject(ctx: EnvContext, t: TriggerRecord) {
  const get =
    <T>(m: string, v: T) =>
    (): T => {
      ctx.core.call(`ScriptApp.Trigger.${m}`, 'triggers');
      return v;
    };
  return {
    getUniqueId: get('getUniqueId', t.uid),
    getHandlerFunction: get('getHandlerFunction', t.handler),
    getEventType: get('getEventType', t.eventType),
    getTriggerSource: get('getTriggerSource', t.source),
    getTriggerSourceId: get('getTriggerSourceId', t.sourceId),
    __uid: t.uid,
  };
}

function addTrigger(
  ctx: EnvContext,
  handler: string,
  eventType: TriggerEventType,
  schedule: TriggerSchedule | null,
): TriggerRecord {
  const owner = currentUser(ctx);
  const mine = ctx.state.triggers.filter((t) => t.owner === owner);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw ctx.core.error(TOO_MANY_TRIGGERS);
  const docId = ctx.hasSpreadsheet() ? ctx.state.docId : null;
  if (ctx.addonTriggerRules && mine.some((t) => t.docId === docId && t.eventType === eventType))
    throw ctx.core.error(ADDON_ONE_PER_TYPE);
  const t: TriggerRecord = {
    uid: String(1000000 + ctx.state.nextTriggerSeq++),
    handler,
    owner,
    eventType,
    source: eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS',
    sourceId: eventType === 'CLOCK' ? null : docId,
    docId,
    createdAt: ctx.core.now(),
    schedule,
    nextAt: null,
  };
  t.nextAt = nextFireAfter(t, t.createdAt);
  ctx.state.triggers.push(t);
  return t;
}

function clockBuilder(ctx: EnvContext, handler: string) {
  const call = (m: string) => ctx.core.call(`ScriptApp.ClockTriggerBuilder.${m}`, 'triggers');
  const s: TriggerSchedule = {
    kind: 'hours',
    n: 0,
    atHour: null,
    nearMinute: null,
    weekDay: null,
    timeZone: ctx.state.timeZone,
  };
  let frequency = false;
  const b = {
    everyMinutes(n: unknown) {
      call('everyMinutes');
      if (ctx.addonTriggerRules) throw ctx.core.error(ADDON_HOURLY);
      if (![1, 5, 10, 15, 30].includes(Number(n)))
        throw ctx.core.error('Invalid argument: minutes (allowed: 1, 5, 10, 15 or 30)');
      Object.assign(s, { kind: 'minutes', n: Number(n) });
      frequency = true;
      return b;
    },
    everyHours(n: unknown) {
      call('everyHours');
      if (!(Number(n) >= 1)) throw ctx.core.error('Invalid argument: hours');
      Object.assign(s, { kind: 'hours', n: Number(n) });
      frequency = true;
      return b;
    },
    everyDays(n: unknown) {
      call('everyDays');
      if (!(Number(n) >= 1)) throw ctx.core.error('Invalid argument: days');
      Object.assign(s, { kind: 'days', n: Number(n) });
      frequency = true;
      return b;
    },
    everyWeeks(n: unknown) {
      call('everyWeeks');
      if (!(Number(n) >= 1)) throw ctx.core.error('Invalid argument: weeks');
      Object.assign(s, { kind: 'weeks', n: Number(n) });
      frequency = true;
      return b;
    },
    onWeekDay(day: unknown) {
      call('onWeekDay');
      s.weekDay = Object.keys(WeekDay).indexOf(String(day)) + 1 || null;
      return b;
    },
    atHour(h: unknown) {
      call('atHour');
      if (!(Number(h) >= 0 && Number(h) <= 23)) throw ctx.core.error('Invalid argument: hour');
      s.atHour = Number(h);
      return b;
    },
    nearMinute(m: unknown) {
      call('nearMinute');
      s.nearMinute = Math.min(59, Math.max(0, Number(m)));
      return b;
    },
    inTimezone(tz: unknown) {
      call('inTimezone');
      if (!isValidTimeZone(String(tz))) throw ctx.core.error(`Invalid argument: timezone`);
      s.timeZone = String(tz);
      return b;
    },
    after(ms: unknown) {
      call('after');
      Object.assign(s, { kind: 'after', n: Number(ms) });
      frequency = true;
      return b;
    },
    at(date: unknown) {
      call('at');
      Object.assign(s, { kind: 'at', n: (date as Date).getTime() });
      frequency = true;
      return b;
    },
    create() {
      call('create');
      if (!frequency)
        throw ctx.core.error('A time-based trigger needs a frequency (everyHours, everyDays, after, at…).');
      if ((s.atHour !== null || s.nearMinute !== null) && s.kind !== 'days' && s.kind !== 'weeks')
        throw ctx.core.error('atHour and nearMinute need everyDays or everyWeeks.');
      if (ctx.addonTriggerRules && s.kind === 'after' && s.n < 3600000) throw ctx.core.error(ADDON_HOURLY);
      return triggerObject(ctx, addTrigger(ctx, handler, 'CLOCK', { ...s }));
    },
  };
  return b;
}

function spreadsheetBuilder(ctx: EnvContext, handler: string) {
  const call = (m: string) => ctx.core.call(`ScriptApp.SpreadsheetTriggerBuilder.${m}`, 'triggers');
  let type: TriggerEventType | null = null;
  const on = (m: string, t: TriggerEventType) => () => {
    call(m);
    type = t;
    return b;
  };
  const b = {
    onOpen: on('onOpen', 'ON_OPEN'),
    onEdit: on('onEdit', 'ON_EDIT'),
    onChange: on('onChange', 'ON_CHANGE'),
    create() {
      call('create');
      if (!type) throw ctx.core.error('A spreadsheet trigger needs an event type (onOpen, onEdit, onChange).');
      return triggerObject(ctx, addTrigger(ctx, handler, type, null));
    },
  };
  return b;
}

export function createScriptApp(ctx: EnvContext) {
  const call = (m: string, cap: 'triggers' | 'none' = 'triggers') => ctx.core.call(`ScriptApp.${m}`, cap);
  const mine = () => ctx.state.triggers.filter((t) => t.owner === currentUser(ctx));
  return {
    AuthMode,
    EventType,
    TriggerSource,
    AuthorizationStatus,
    WeekDay,
    newTrigger(functionName: unknown) {
      call('newTrigger');
      const handler = String(functionName);
      return {
        timeBased() {
          ctx.core.call('ScriptApp.TriggerBuilder.timeBased', 'triggers');
          return clockBuilder(ctx, handler);
        },
        forSpreadsheet(_ss: unknown) {
          ctx.core.call('ScriptApp.TriggerBuilder.forSpreadsheet', 'triggers');
          return spreadsheetBuilder(ctx, handler);
        },
      };
    },
    /** The current user's triggers in this project (other users' triggers are invisible). */
    getProjectTriggers() {
      call('getProjectTriggers');
      return mine().map((t) => triggerObject(ctx, t));
    },
    getUserTriggers(_ss: unknown) {
      call('getUserTriggers');
      return mine()
        .filter((t) => t.docId === ctx.state.docId)
        .map((t) => triggerObject(ctx, t));
    },
    deleteTrigger(trigger: { __uid?: string }) {
      call('deleteTrigger');
      const i = ctx.state.triggers.findIndex((t) => t.uid === trigger?.__uid && t.owner === currentUser(ctx));
      if (i >= 0) ctx.state.triggers.splice(i, 1);
    },
    getAuthorizationInfo(_authMode: unknown) {
      call('getAuthorizationInfo', 'none');
      const required = ctx.state.unauthorized.includes(currentUser(ctx));
      return {
        getAuthorizationStatus: () => (required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED),
        getAuthorizationUrl: () =>
          required ? `https://script.google.com/macros/d/${ctx.state.scriptId}/authorize` : null,
        getAuthorizedScopes: () => (required ? [] : null),
      };
    },
    getScriptId() {
      call('getScriptId', 'none');
      return ctx.state.scriptId;
    },
  };
}
