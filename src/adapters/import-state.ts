// The import's durable state in document properties (gas-runtime-notes §9): one checkpoint per unfinished import
// and one remembered mapping per source and target. Keys carry a short hash of the source key (tab or file names
// can be long or hold any character); values stay far below the 9 KB per-value limit (a checkpoint is ~150 bytes,
// a mapping one header text per field).
import type { ImportCheckpoint, ImportStatePort } from '../app/import-ports';
import type { Mapping } from '../domain/import-mapping';
import { parseJson } from './json-property';

const PREFIX = 'customerLedger.import.';

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

export function documentImportState(): ImportStatePort {
  let props: GoogleAppsScript.Properties.Properties | null = null;
  const p = () => {
    if (!props) props = PropertiesService.getDocumentProperties();
    return props;
  };
  const cpKey = (key: string) => `${PREFIX}cp.${hash(key)}`;
  const mapKey = (key: string) => `${PREFIX}map.${hash(key)}`;
  return {
    checkpoint: (key) => {
      const cp = parseJson<ImportCheckpoint & { key?: string }>(p().getProperty(cpKey(key)));
      return cp && cp.key === key ? cp : null;
    },
    saveCheckpoint: (key, cp) => {
      p().setProperty(cpKey(key), JSON.stringify({ ...cp, key }));
    },
    clearCheckpoint: (key) => {
      p().deleteProperty(cpKey(key));
    },
    mapping: (key) => {
      const m = parseJson<{ key: string; mapping: Mapping }>(p().getProperty(mapKey(key)));
      return m && m.key === key ? m.mapping : null;
    },
    rememberMapping: (key, mapping) => {
      p().setProperty(mapKey(key), JSON.stringify({ key, mapping }));
    },
  };
}
