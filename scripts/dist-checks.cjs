// Structural checks of the built add-on, shared by `npm run check:dist` and test/bundle/dist.test.ts.
// They fail the build when an Apps Script entry point lost its top-level declaration, its parameter names or its
// JSDoc, when dist/ holds anything but the three pushed files, or when the manifest's scopes widen.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const ts = require('typescript');
const { extractEntryPoints } = require('./entry-points.cjs');

/** PRODUCT.md §8: installed triggers and users' formulas refer to these names. */
const PUBLIC_CONTRACT = [
  'onOpen',
  'onInstall',
  'onEdit',
  'showSidebar',
  'setupWorkbook',
  'refreshLedger',
  'rescoreCustomers',
  'previewReminders',
  'runRemindersNow',
  'enableDailyReminders',
  'disableDailyReminders',
  'runDailyReminders',
  'DAYS_OVERDUE',
  'AGING_BUCKET',
  'CREDIT_SCORE',
  'CREDIT_GRADE',
];
const CUSTOM_FUNCTIONS = ['DAYS_OVERDUE', 'AGING_BUCKET', 'CREDIT_SCORE', 'CREDIT_GRADE'];
const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
  // WeCom / DingTalk chat alerts post to the robots' webhooks with UrlFetchApp (PRODUCT.md §15; README "Scopes").
  'https://www.googleapis.com/auth/script.external_request',
];
const DIST_FILES = ['Code.js', 'Sidebar.html', 'appsscript.json'];

/** Top-level function declarations of a script: name → { params, jsdoc, bodyStatements }. */
function topLevelFunctions(code) {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const out = new Map();
  for (const st of file.statements) {
    if (!ts.isFunctionDeclaration(st) || !st.name) continue;
    const ranges = ts.getLeadingCommentRanges(code, st.getFullStart()) ?? [];
    const jsdoc =
      ranges
        .map((r) => code.slice(r.pos, r.end))
        .filter((c) => c.startsWith('/**'))
        .pop() ?? '';
    out.set(st.name.text, {
      params: st.parameters.map((p) => p.name.getText(file)),
      jsdoc,
      bodyStatements: st.body ? st.body.statements.length : 0,
    });
  }
  return out;
}

/** Returns a list of problems (empty when the dist is sound). */
function checkDist(root) {
  const problems = [];
  const dist = path.join(root, 'dist');
  const files = fs.existsSync(dist) ? fs.readdirSync(dist).sort() : [];
  if (JSON.stringify(files) !== JSON.stringify([...DIST_FILES].sort())) {
    problems.push(`dist/ must hold exactly ${DIST_FILES.join(', ')}; it holds: ${files.join(', ') || '(nothing)'}`);
    if (!files.includes('Code.js')) return problems;
  }
  const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
  const fns = topLevelFunctions(code);
  const source = extractEntryPoints(fs.readFileSync(path.join(root, 'src/main.ts'), 'utf8'));
  const sourceByName = new Map(source.map((e) => [e.name, e]));
  for (const name of PUBLIC_CONTRACT) {
    if (!sourceByName.has(name)) problems.push(`src/main.ts does not export ${name} (PRODUCT.md §8)`);
  }
  for (const e of source) {
    const f = fns.get(e.name);
    if (!f) {
      problems.push(`dist/Code.js has no top-level function ${e.name}`);
      continue;
    }
    if (f.bodyStatements === 0) problems.push(`top-level ${e.name} has an empty body`);
    if (JSON.stringify(f.params) !== JSON.stringify(e.params)) {
      problems.push(`top-level ${e.name}(${f.params}) does not keep the parameter names (${e.params})`);
    }
  }
  for (const name of CUSTOM_FUNCTIONS) {
    const f = fns.get(name);
    if (!f) continue;
    if (!/@customfunction\b/.test(f.jsdoc)) problems.push(`${name} lacks its @customfunction JSDoc`);
    const params = (f.jsdoc.match(/@param\b/g) ?? []).length;
    if (params < f.params.length) problems.push(`${name} documents ${params} of ${f.params.length} parameters`);
  }
  // Bare V8: the script must load with nothing but ECMAScript built-ins (no service is touched at load time).
  try {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx, { filename: 'Code.js' });
    for (const name of PUBLIC_CONTRACT) {
      if (vm.runInContext(`typeof ${name}`, ctx) !== 'function')
        problems.push(`${name} is not a function after loading`);
    }
  } catch (err) {
    problems.push(`dist/Code.js does not load in a bare V8 context: ${err?.message}`);
  }
  if (files.includes('Sidebar.html')) {
    const html = fs.readFileSync(path.join(dist, 'Sidebar.html'), 'utf8');
    if (/<script[^>]+src=/i.test(html)) problems.push('Sidebar.html loads an external script');
    if (/<\?/.test(html)) problems.push('Sidebar.html contains a template scriptlet');
    if (html.includes('/*__SCRIPT__*/') || html.includes('/*__STYLE__*/'))
      problems.push('Sidebar.html was not inlined');
  }
  if (files.includes('appsscript.json')) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    if (manifest.runtimeVersion !== 'V8') problems.push('appsscript.json: runtimeVersion must be V8');
    if (!manifest.timeZone) problems.push('appsscript.json: timeZone missing');
    if (!manifest.exceptionLogging) problems.push('appsscript.json: exceptionLogging missing');
    const scopes = [...(manifest.oauthScopes ?? [])].sort();
    if (JSON.stringify(scopes) !== JSON.stringify([...SCOPES].sort())) {
      problems.push(`appsscript.json: oauthScopes must be exactly ${SCOPES.join(', ')}`);
    }
  }
  return problems;
}

module.exports = { checkDist, topLevelFunctions, PUBLIC_CONTRACT, CUSTOM_FUNCTIONS, SCOPES, DIST_FILES };
