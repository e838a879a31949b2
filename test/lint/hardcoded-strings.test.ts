import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { repositoryRoot } from '../support/process';

// A lint rule, written against the TypeScript syntax tree: no text a person reads may be written into the web
// app's JSX. Text nodes with letters, and string literals in attributes people read (aria-label, title, alt,
// placeholder, label), must come from t(). Symbols and punctuation are allowed.
const readAttributes = new Set(['aria-label', 'title', 'alt', 'placeholder', 'label', 'aria-description', 'aria-roledescription']);
const letters = /\p{L}{2,}/u;
// The product's name is the same in every language.
const names = new Set(['Lintas']);

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.name.endsWith('.tsx')) yield full;
  }
}

function findings(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(repositoryRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && letters.test(node.text) && !names.has(node.text.trim())) found.push(`${where(node)} text "${node.text.trim().slice(0, 40)}"`);
    if (ts.isJsxAttribute(node) && readAttributes.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression.text : undefined;
      if (literal && letters.test(literal)) found.push(`${where(node)} ${node.name.getText()}="${literal.slice(0, 40)}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it('finds no user-facing text hard-coded in the web app: everything goes through the translations', () => {
  const all = [...files(path.join(repositoryRoot, 'web/src'))].flatMap(findings);
  expect(all).toEqual([]);
});

it('would catch hard-coded text (the rule itself is checked)', () => {
  const sample = path.join(repositoryRoot, 'test-results', 'lint-sample.tsx');
  fs.mkdirSync(path.dirname(sample), { recursive: true });
  fs.writeFileSync(sample, 'export const A = () => <button aria-label="Close the form">Save changes</button>;\n');
  expect(findings(sample)).toHaveLength(2);
});
