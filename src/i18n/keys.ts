// The message keys are zh-CN's keys; every other locale is a `Catalogue`, so a key missing in any locale (or one
// zh-CN does not have) is a type error — see test/unit/i18n-catalogue.test.ts, which shows it.
import type { zhCN } from './zh-CN';

export type MessageKey = keyof typeof zhCN;
export type Catalogue = Readonly<Record<MessageKey, string>>;
