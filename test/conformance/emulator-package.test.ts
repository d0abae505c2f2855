// The emulator is usable from plain Node (playground, benchmark): `require('./emulator')` compiles the TypeScript
// sources with esbuild on the fly and exposes the same API as emulator/src/index.ts.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

test("require('./emulator') works without jest or a TS loader", () => {
  const root = path.resolve(__dirname, '../..');
  const script = `
    const { createEnvironment } = require('./emulator');
    const env = createEnvironment({ now: '2026-03-02T09:00:00+08:00' });
    env.loadScript("function hello(n) { Logger.log('hi %s', n); return Utilities.formatDate(new Date(), 'Asia/Shanghai', 'yyyy-MM-dd HH:mm'); }");
    console.log(JSON.stringify([env.run('hello', ['客户']), env.logs[0].message, env.counts()]));
  `;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual(['2026-03-02 09:00', 'hi 客户', { 'Logger.log': 1, 'Utilities.formatDate': 1 }]);
});
