// Property values this add-on wrote as JSON. A value that does not parse (cut short by a kill mid-write in an
// older version, or edited by hand in the script editor) reads as absent rather than failing the execution.

export function parseJson<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch (_e) {
    return null;
  }
}
