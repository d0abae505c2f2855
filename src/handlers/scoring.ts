// PLACEHOLDER (owned by the scoring work).
export function rescoreCustomers(): void {}
export function runBacktest(): void {}
