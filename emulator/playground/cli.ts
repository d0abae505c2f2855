// `npm start` after the build: parses the flags, starts the playground and prints where it is. Flags:
//   --fresh        recreate the demo workbook (the old file is replaced)
//   --size N       invoices in a freshly generated workbook (customers: 300, or N / 5 when larger); implies --fresh
//                  when the saved workbook was made with another size
//   --port N       port on 127.0.0.1 (default 8080; 0 = any free port)
//   --seed N       seed of the demo data (default 20261120)
//   --store FILE   workbook file (default .playground/workbook.json, or workbook-<locale>.json for another locale)
//   --locale L     zh_CN (default), zh_TW / zh_HK (Traditional Chinese) or en_US (English); each locale has its own file
import { startPlayground } from './server';

export interface CliFlags {
  fresh: boolean;
  size?: number;
  port: number;
  seed?: number;
  store?: string;
  locale?: string;
}

export function parseFlags(argv: readonly string[]): CliFlags {
  const flags: CliFlags = { fresh: false, port: 8080 };
  const num = (name: string, v: string | undefined) => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`${name} needs a whole number, got ${v ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--fresh') flags.fresh = true;
    else if (name === '--size') flags.size = num('--size', value());
    else if (name === '--port') flags.port = num('--port', value());
    else if (name === '--seed') flags.seed = num('--seed', value());
    else if (name === '--store') flags.store = value();
    else if (name === '--locale') flags.locale = value();
    else if (name === '--') continue;
    else
      throw new Error(
        `unknown option ${a} (options: --fresh, --size N, --port N, --seed N, --store FILE, --locale zh_CN|zh_TW|en_US)`,
      );
  }
  // A requested size only makes sense for a newly generated workbook.
  if (flags.size !== undefined) flags.fresh = true;
  return flags;
}

export async function main(argv: readonly string[], root: string): Promise<void> {
  const flags = parseFlags(argv);
  const t0 = Date.now();
  const pg = await startPlayground({
    root,
    port: flags.port,
    fresh: flags.fresh,
    size: flags.size,
    seed: flags.seed,
    storeFile: flags.store,
    locale: flags.locale,
    log: (line) => console.log(`  ${line}`),
  });
  if (pg.report) {
    const c = pg.report.counts;
    console.log(
      `Demo workbook created as of ${pg.report.asOf}: ${c.customers} customers, ${c.invoices} invoices, ${c.payments} payments, ${c.interactions} interactions.`,
    );
    for (const w of pg.report.warnings) console.log(`  ! ${w}`);
  } else console.log('Opened the saved workbook (npm start -- --fresh recreates the demo).');
  console.log(`Workbook file: ${pg.session.o.storeFile} (saved after every change)`);
  console.log(
    `\nCustomer Ledger playground (local emulator, not Google) ready in ${Date.now() - t0} ms:\n\n    ${pg.url}\n`,
  );
  const stop = () => {
    pg.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
