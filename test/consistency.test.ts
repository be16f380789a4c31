import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CONTROLS, DOMAINS } from '../src/catalog/controls.ts';
import { ALL_CHECKS } from '../src/checks/index.gen.ts';
import { CHECK_DOMAINS, metaProblems } from '../src/engine/define-check.ts';
import { CHECKS_DIR, INDEX_FILE, listCheckFiles, renderIndex } from '../scripts/generate-check-index.ts';

describe('consistency: check files, registry, metadata and catalog cannot drift apart', () => {
  it('the generated registry lists exactly the check files on disk (run npm run gen after adding one)', () => {
    assert.equal(readFileSync(INDEX_FILE, 'utf8'), renderIndex(listCheckFiles()));
    assert.equal(ALL_CHECKS.length, listCheckFiles().length);
  });

  it('each check id equals its file name, its domain its folder, and ids are unique', () => {
    const files = listCheckFiles();
    assert.deepEqual(ALL_CHECKS.map((check) => `${check.meta.domain}/${check.meta.id}`).sort(), files);
    assert.equal(new Set(ALL_CHECKS.map((check) => check.meta.id)).size, ALL_CHECKS.length);
    for (const check of ALL_CHECKS) {
      assert.ok((CHECK_DOMAINS as readonly string[]).includes(check.meta.domain));
      assert.deepEqual(metaProblems(check.meta), [], check.meta.id);
    }
  });

  it('every check has a test file beside it', () => {
    for (const file of listCheckFiles()) assert.ok(existsSync(path.join(CHECKS_DIR, `${file}.test.ts`)), `${file}.test.ts is missing`);
  });

  it('every control a check names exists in the catalog', () => {
    const ids = new Set(CONTROLS.map((control) => control.id));
    for (const check of ALL_CHECKS) for (const control of check.meta.controls) assert.ok(ids.has(control), `${check.meta.id} names unknown control ${control}`);
  });

  it('the catalog has unique ids, known domains, and every control says what evidence it expects', () => {
    assert.equal(new Set(CONTROLS.map((control) => control.id)).size, CONTROLS.length);
    const domains = new Set(DOMAINS.map((domain) => domain.id));
    for (const control of CONTROLS) {
      assert.ok(domains.has(control.domain), control.id);
      assert.ok(control.evidence.length > 0, `${control.id} lists no evidence`);
      assert.ok(control.sources.length > 0, `${control.id} has no source`);
      assert.ok(control.requirement.length > 20, `${control.id} has no requirement text`);
    }
    for (const domain of DOMAINS) assert.ok(CONTROLS.some((control) => control.domain === domain.id), `${domain.id} has no control`);
  });

  it('no check supports a control the catalog marks as documents-only', () => {
    const manual = new Set(CONTROLS.filter((control) => control.mode === 'manual').map((control) => control.id));
    for (const check of ALL_CHECKS) for (const control of check.meta.controls) assert.ok(!manual.has(control), `${check.meta.id} supports manual control ${control}`);
  });
});
