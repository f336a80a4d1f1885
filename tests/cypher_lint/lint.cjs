// Lint Cypher files with Neo4j's own language service (@neo4j-cypher/language-support: the parser and
// semantic analysis behind Neo4j's editors), as Cypher 5. Usage: node lint.cjs FILE.cypher...
// Prints one JSON object: {"version": ..., "files": {path: [{line, column, severity, message}]}}.
// Undefined $parameters are not errors here (templates get them at run time); placeholders that the
// program fills from the ontology's fixed set (__LABEL__, __TYPE__, __FROM__, __TO__) are filled with
// names of the same shape first.
'use strict';
const fs = require('fs');
const ls = require('@neo4j-cypher/language-support');
const path = require('path');
const version = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', '@neo4j-cypher',
  'language-support', 'package.json'), 'utf8')).version;

const PLACEHOLDERS = [['__LABEL__', 'Person'], ['__TYPE__', 'HOLDS'], ['__FROM__', 'Person'], ['__TO__', 'Post']];
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

const files = {};
for (const file of process.argv.slice(2)) {
  let text = fs.readFileSync(file, 'utf8');
  for (const [from, to] of PLACEHOLDERS) text = text.split(from).join(to);
  const { diagnostics } = ls.lintCypherQuery(text, { defaultLanguage: 'CYPHER 5' });
  files[file] = diagnostics.filter(ls.isNotParamError).map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: SEVERITY[d.severity] || String(d.severity),
    message: d.message,
  }));
}
process.stdout.write(JSON.stringify({ version, files }, null, 1) + '\n');
