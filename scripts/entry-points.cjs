// Reads src/main.ts with the TypeScript compiler API and lists its exported functions: name, parameter names
// and JSDoc. The build turns each into a top-level forwarding function; tests use the same list to check dist/Code.js.
const ts = require('typescript');

function extractEntryPoints(source) {
  const file = ts.createSourceFile('main.ts', source, ts.ScriptTarget.ES2020, true);
  const out = [];
  for (const st of file.statements) {
    if (!ts.isFunctionDeclaration(st) || !st.name) continue;
    const exported = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const params = st.parameters.map((p) => p.name.getText(file));
    const ranges = ts.getLeadingCommentRanges(source, st.getFullStart()) ?? [];
    const jsdoc = ranges
      .map((r) => source.slice(r.pos, r.end))
      .filter((c) => c.startsWith('/**'))
      .pop();
    out.push({ name: st.name.text, params, jsdoc: jsdoc ?? '' });
  }
  return out;
}

function renderStubs(entries, globalName) {
  return entries
    .map((e) => {
      const args = e.params.join(', ');
      const doc = e.jsdoc ? `${e.jsdoc}\n` : '';
      return `${doc}function ${e.name}(${args}) {\n  return ${globalName}.${e.name}(${args});\n}\n`;
    })
    .join('\n');
}

module.exports = { extractEntryPoints, renderStubs };
