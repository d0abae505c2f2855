// PLACEHOLDER (owned by the scoring work).
export function DAYS_OVERDUE(_d: unknown, _o?: unknown, _a?: unknown): unknown { return 0; }
export function AGING_BUCKET(_d: unknown, _o?: unknown, _a?: unknown): unknown { return ''; }
export function CREDIT_SCORE(_a: unknown, _b: unknown, _c: unknown, _d: unknown, _e: unknown, _f?: unknown): unknown { return 0; }
export function CREDIT_GRADE(_s: unknown): unknown { return ''; }
