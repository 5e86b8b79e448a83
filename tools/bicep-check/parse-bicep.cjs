#!/usr/bin/env node
// Parses Bicep files with the tree-sitter Bicep grammar (its WebAssembly build, loaded by web-tree-sitter) and prints
// one JSON document on stdout:
//   {"grammar": "...", "files": [{"path": "...", "errors": [...], "tree": {...}}]}
// errors: every ERROR node (text the grammar could not place) and every MISSING node (a token the parser had to
// invent), with 1-based line/column and the source text around it. tree: the named nodes of the syntax tree
// ({type, field?, line, column, text? (leaves only), tokens? (anonymous children such as 'existing' or '=='),
// children?}); Serverless.Deployment.Tests reads it for the type and invariant checks.
// Usage: node parse-bicep.cjs [--errors-only] FILE...   Exit code: 0 no syntax error, 1 syntax errors, 2 bad usage/IO.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { Parser, Language } = require('web-tree-sitter');

const flag = (node, name) => (typeof node[name] === 'function' ? node[name]() : node[name]);

function collectErrors(root, source) {
  const errors = [];
  const visit = (node) => {
    const missing = flag(node, 'isMissing');
    if (node.type === 'ERROR' || missing) {
      const start = node.startPosition;
      const end = node.endPosition;
      const line = source.split('\n')[start.row] ?? '';
      errors.push({
        kind: missing ? 'MISSING' : 'ERROR',
        // A MISSING node's type is the token that was expected.
        expected: missing ? node.type : null,
        parent: node.parent ? node.parent.type : null,
        line: start.row + 1,
        column: start.column + 1,
        endLine: end.row + 1,
        endColumn: end.column + 1,
        text: node.text.length > 120 ? node.text.slice(0, 120) + '...' : node.text,
        sourceLine: line.length > 200 ? line.slice(0, 200) + '...' : line,
      });
      if (missing) {
        return;
      }
    }
    for (let i = 0; i < node.childCount; i++) {
      visit(node.child(i));
    }
  };
  visit(root);
  return errors;
}

function toJson(cursor) {
  const node = cursor.currentNode;
  const result = { type: node.type, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
  const field = cursor.currentFieldName;
  if (field) {
    result.field = field;
  }
  const children = [];
  const tokens = [];
  if (cursor.gotoFirstChild()) {
    do {
      const child = cursor.currentNode;
      if (child.isNamed) {
        children.push(toJson(cursor));
      } else {
        tokens.push(child.type);
      }
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  if (children.length === 0) {
    result.text = node.text;
  } else {
    result.children = children;
  }
  if (tokens.length > 0) {
    result.tokens = tokens;
  }
  return result;
}

async function main(argv) {
  const errorsOnly = argv.includes('--errors-only');
  const files = argv.filter((a) => a !== '--errors-only');
  if (files.length === 0) {
    process.stderr.write('usage: node parse-bicep.cjs [--errors-only] FILE...\n');
    return 2;
  }

  await Parser.init();
  const wasm = require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
  const language = await Language.load(wasm);
  const parser = new Parser();
  parser.setLanguage(language);
  const grammarVersion = require('tree-sitter-bicep/package.json').version;

  const output = { grammar: `tree-sitter-bicep@${grammarVersion}`, files: [] };
  let anyError = false;
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    const tree = parser.parse(source);
    const errors = collectErrors(tree.rootNode, source);
    anyError ||= errors.length > 0;
    const entry = { path: path.resolve(file), errors };
    if (!errorsOnly) {
      entry.tree = toJson(tree.walk());
    }
    output.files.push(entry);
    tree.delete();
  }
  process.stdout.write(JSON.stringify(output) + '\n');
  return anyError ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`parse-bicep: ${error.stack ?? error}\n`); process.exitCode = 2; },
);
