import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { graphToolkitUses } from '../../src/extract/graph/graph-toolkit.ts';
import { SourceFile } from '../../src/sources/source-file.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

const uses = (path: string, text: string) => graphToolkitUses(new SourceFile(path, text)).map((use) => `${use.source.line} ${/component (<[^>]+>( of \S+)?)/.exec(use.reason)![1]}`);

describe('Microsoft Graph Toolkit components', () => {
  it('lists each component a page or a React module uses once, at its first use; providers request nothing', () => {
    const page = '<mgt-msal2-provider client-id="x"></mgt-msal2-provider>\n<mgt-login></mgt-login>\n<mgt-agenda group-by-day></mgt-agenda>\n<mgt-agenda></mgt-agenda>\n<mgt-people-picker></mgt-people-picker>\n';
    assert.deepEqual(uses('index.html', page), ['2 <mgt-login>', '3 <mgt-agenda>', '5 <mgt-people-picker>']);
    const react = "import { PeoplePicker, Person as MgtPerson, Providers, Msal2Provider } from '@microsoft/mgt-react';\nexport const P = () => (\n  <div>\n    <MgtPerson personQuery=\"me\" />\n    <PeoplePicker/>\n  </div>\n);\n";
    assert.deepEqual(uses('src/P.tsx', react), ['4 <Person> of @microsoft/mgt-react', '5 <PeoplePicker> of @microsoft/mgt-react']);
  });

  it('no component, no entry: other tags, an import never rendered, a word that only contains mgt, files of other kinds', () => {
    assert.deepEqual(uses('a.html', '<div class="mgt-wrapper">mgt</div><mgt-spinner></mgt-spinner>'), []);
    assert.deepEqual(uses('a.tsx', "import { Agenda } from '@microsoft/mgt-react';\nexport const x = 1;"), []);
    assert.deepEqual(uses('notes.md', '<mgt-agenda></mgt-agenda>'), []);
    assert.deepEqual(uses('pkg!inner/a.html', '<mgt-agenda></mgt-agenda>'), []);
  });

  it('a huge page with 200,000 tags is read in one pass', () => {
    const page = '<mgt-person person-query="me"></mgt-person>\n'.repeat(200_000) + '<mgt-todo></mgt-todo>';
    assert.deepEqual(uses('big.html', page), ['1 <mgt-person>', '200001 <mgt-todo>']);
  });

  it('a permission only a component may need is reported unused with the caveat that calls were not resolved', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'index.html': "<script type=\"module\">\n  Providers.globalProvider = new Msal2Provider({ clientId: 'x', scopes: ['Calendars.Read'] });\n</script>\n<mgt-agenda></mgt-agenda>\n" });
    const run = await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    assert.deepEqual(report.inventory!.unresolvedGraphCalls!.map((item) => `${item.via} ${item.source.file}:${item.source.line}`), ['graph-toolkit index.html:4']);
    const unused = report.findings.find((finding) => finding.checkId === 'graph-permission-used');
    assert.match(unused?.message ?? '', /Calendars\.Read.*1 Graph call\(s\) could not be resolved statically/);
  });
});
