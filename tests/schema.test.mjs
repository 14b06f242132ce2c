// The JSON Schema of the action table (schema/actions.schema.json): every fixture and demo table
// passes it, and it rejects the shapes the core rejects (checked against the CLI, which reads
// tables with the core: the two must agree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(new URL('../schema/actions.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const cli = new URL('../target/debug/scope-selector', import.meta.url).pathname;

test('every fixture table passes the schema', () => {
  const dir = new URL('./fixtures/', import.meta.url);
  const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  assert.ok(files.length >= 3);
  for (const file of files) {
    const table = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    assert.ok(validate(table), `${file}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the tables of the demo pages pass the schema', () => {
  for (const page of ['index.html', 'helpdesk.html', 'two-widgets.html']) {
    const table = JSON.parse(execFileSync(cli, ['extract', new URL(`../www/${page}`, import.meta.url).pathname], { encoding: 'utf8' }));
    assert.ok(validate(table), `${page}: ${JSON.stringify(validate.errors)}`);
  }
});

const action = { id: 'a', label: 'A', scopes: ['s'] };
const SAMPLES = [
  [[action], true],
  [{ actions: [action], scopeLabels: { s: 'S: Read' } }, true],
  [[{ ...action, group: 'Jobs' }, { ...action, id: 'b', label: '', scopes: [] }], true],
  [[], false],
  [{ id: 'a' }, false],
  ['a', false],
  [[5], false],
  [[{ label: 'A', scopes: [] }], false],
  [[{ ...action, id: 7 }], false],
  [[{ ...action, id: 'a b' }], false],
  [[{ ...action, id: '  ' }], false],
  [[{ ...action, label: null }], false],
  [[{ ...action, scopes: 's' }], false],
  [[{ ...action, scopes: ['s', 1] }], false],
  // A group that is not a string: outside the schema, repaired by the core (a warning of check).
  [[{ ...action, group: 3 }], 'repaired'],
  [{ actions: {} }, false],
  [[{ ...action, alternatives: [['t'], [], ['u', 'v']] }], true],
  [[{ ...action, alternatives: [] }], true],
  [[{ ...action, alternatives: ['t'] }], false],
  [[{ ...action, alternatives: [['t', 2]] }], false],
  [[{ ...action, alternatives: null }], false],
  [[{ ...action, alternatives: { t: ['u'] } }], false],
];

test('the schema accepts and rejects what the core accepts and rejects', () => {
  const dir = mkdtempSync(`${tmpdir()}/scope-selector-schema-`);
  SAMPLES.forEach(([table, valid], at) => {
    assert.equal(validate(table), valid === true, `schema on ${JSON.stringify(table)}`);
    const file = `${dir}/sample-${at}.json`;
    writeFileSync(file, JSON.stringify(table));
    let code = 0;
    try {
      execFileSync(cli, ['check', file], { stdio: 'pipe' });
    } catch (error) {
      code = error.status;
    }
    assert.equal(code, valid ? 0 : 1, `scope-selector check on ${JSON.stringify(table)}`);
    if (valid === 'repaired') {
      assert.match(execFileSync(cli, ['check', file], { encoding: 'utf8' }), /: warning: action at index 0: "group" must be a string/);
    }
  });
});
