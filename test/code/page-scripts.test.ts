import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanProblem } from '../../src/engine/types.ts';
import { extractCode } from '../../src/extract/code/index.ts';
import { pageScripts } from '../../src/extract/code/page-scripts.ts';
import { graphUrlsInText } from '../../src/extract/graph/text-urls.ts';
import { SourceFile } from '../../src/sources/source-file.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

/** The Graph calls the code extraction finds in one file, with their confidence and line. */
function callsIn(path: string, text: string, problems: ScanProblem[] = []): string[] {
  const facts = extractCode({ files: [new SourceFile(path, text)], apps: [], problems, parsers: {}, graphOnly: true });
  return facts.flatMap((entry) => entry.facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.confidence} :${call.source.line}`));
}

describe('scripts inside pages', () => {
  it('keeps each script at its offsets, blanks the rest and makes template tags numbers of the same length', () => {
    const page = '<html>\n<script src="teams.js"></script>\n<script type="text/template"><li>{{name}}</li></script>\n<script>\n  var token = <%- token %>;\n  var raw = {{{ settings }}};\n  var php = <?= json_encode($x) ?>;\n</script>\n<p>after</p>\n';
    const scripts = pageScripts('views/a.ejs', page)!;
    assert.equal(scripts.code.length, page.length);
    assert.equal(scripts.code.split('\n').length, page.split('\n').length, 'lines stay');
    assert.match(scripts.code, /var token = 0\s+;/);
    assert.match(scripts.code, /var raw = 0\s+;/);
    assert.match(scripts.code, /var php = 0\s+;/);
    assert.doesNotMatch(scripts.code, /teams\.js|<li>|after|<html>/, 'only inline code scripts are kept');
    assert.match(scripts.rest, /<p>after<\/p>/);
    assert.doesNotMatch(scripts.rest, /var token/);
    assert.equal(scripts.typescript, false);
    assert.equal(pageScripts('a.html', '<p>no script</p><script src="x.js"></script>'), undefined);
  });

  it('Razor expressions in a script become numbers; e-mail addresses and @@ stay', () => {
    const page = '<script>\n  const scopes = @Html.Raw(Json.Serialize(Model.Scopes));\n  const url = "@Model.GraphUrl/me";\n  const who = "adele@contoso.com"; const at = "@@";\n  const v = @(Model.Count + 1);\n</script>\n';
    const code = pageScripts('Views/Home/Index.cshtml', page)!.code;
    assert.match(code, /const scopes = 0\s+;/);
    assert.match(code, /const url = "0\s+\/me";/);
    assert.match(code, /adele@contoso\.com/);
    assert.match(code, /"@@"/);
    assert.match(code, /const v = 0\s+;/);
  });

  it('finds the Graph calls of an EJS page\'s script, on the page\'s own lines', () => {
    const page = ['<html><body>', '<script>', '  var token = <%- token %>;', '  function channels(teamId) {', '    $.ajax({ url: "https://graph.microsoft.com/v1.0/teams/" + teamId + "/channels", type: "GET" });', '    fetch(`https://graph.microsoft.com/v1.0/groups/${teamId}/permissionGrants`, { headers: { Authorization: token } });', '  }', '</script>', '</body></html>'].join('\n');
    assert.deepEqual(callsIn('views/rsc.ejs', page), ['GET /teams/{id}/channels v1.0 high :5', 'GET /groups/{id}/permissionGrants v1.0 high :6']);
  });

  it('reads a Vue component\'s TypeScript script, and a Svelte one\'s', () => {
    const vue = '<template><div>{{ me.displayName }}</div></template>\n<script setup lang="ts">\nimport { ref } from "vue";\nconst me = ref<{ displayName: string } | null>(null);\nconst res = await fetch("https://graph.microsoft.com/v1.0/me?$select=displayName");\n</script>\n';
    assert.deepEqual(callsIn('src/Profile.vue', vue), ['GET /me v1.0 high :5']);
    const svelte = '<script>\n  export let token;\n  const events = fetch("https://graph.microsoft.com/beta/me/events", { headers: { Authorization: token } });\n</script>\n<h1>Events</h1>\n';
    assert.deepEqual(callsIn('src/Events.svelte', svelte), ['GET /me/events beta high :3']);
  });

  it('a server page\'s own code is read as text (low confidence); a script that does not parse falls back to its URLs as text', () => {
    const razor = ['@page', '@{', '    var me = await Http.GetStringAsync("https://graph.microsoft.com/v1.0/me/manager");', '}', '<script>', '  fetch("https://graph.microsoft.com/v1.0/me/photo/$value");', '</script>'].join('\n');
    assert.deepEqual(callsIn('Pages/Index.cshtml', razor), ['GET /me/photo/$value v1.0 high :6', 'GET /me/manager v1.0 low :3']);
    const problems: ScanProblem[] = [];
    const jinja = '<script>\n  {% if user %}\n  fetch("https://graph.microsoft.com/v1.0/me/drive/root/children");\n  {% endif %}\n</script>\n';
    assert.deepEqual(callsIn('templates/drive.html', `<script>\n  var = = ;\n  fetch("https://graph.microsoft.com/v1.0/me/drive/root/children");\n</script>\n`, problems), ['GET /me/drive/root/children v1.0 low :3']);
    assert.deepEqual(problems, [], 'template code m365cert cannot blank is not the publisher\'s parse error');
    assert.deepEqual(callsIn('templates/drive.njk', jinja), ['GET /me/drive/root/children v1.0 high :3'], 'Jinja tags are blanked, so this one parses');
  });

  it('hostile pages: unclosed script and template tags, hundreds of thousands of them, end in linear time with nothing found', () => {
    const openers = '<script>'.repeat(200_000);
    assert.equal(pageScripts('a.html', openers), undefined);
    const unclosedTags = `<script>\n${'<% {{ {% <? '.repeat(100_000)}fetch("https://graph.microsoft.com/v1.0/me");\n</script>`;
    const scripts = pageScripts('a.ejs', unclosedTags)!;
    assert.equal(scripts.code.length, unclosedTags.length);
    const razorBrackets = `<script>\n${'@Model.X('.repeat(50_000)}\n</script>`;
    assert.equal(pageScripts('a.cshtml', razorBrackets)!.code.length, razorBrackets.length);
    // 20,000 scripts on one page, each calling Graph: every call found.
    const many = Array.from({ length: 20_000 }, (_, i) => `<script>fetch("https://graph.microsoft.com/v1.0/users/${i}/manager");</script>`).join('\n');
    assert.equal(callsIn('big.html', many).length, 20_000);
  });
});

describe('Graph URLs in code m365cert has no parser for', () => {
  const calls = (path: string, text: string) => {
    const facts = graphUrlsInText(new SourceFile(path, text));
    return { calls: facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.confidence}${call.select ? ` select=${call.select.join(',')}` : ''}`), unresolved: facts.unresolved.map((entry) => `${entry.source.line} ${entry.reason}`) };
  };

  it('Go: the verb written before the URL, printf verbs as ids, a concatenated URL unresolved', () => {
    const go = ['req, _ := http.NewRequest("POST", "https://graph.microsoft.com/v1.0/me/sendMail", body)', 'url := fmt.Sprintf("https://graph.microsoft.com/v1.0/users/%s/messages?$select=subject", id)', 'resp, _ := client.Get("https://graph.microsoft.com/v1.0/users/" + id)', 'base := "https://graph.microsoft.com/v1.0/"', 'other := "https://api.contoso.com/v1.0/me"'].join('\n');
    assert.deepEqual(calls('main.go', go), { calls: ['POST /me/sendMail v1.0 low', 'GET /users/{id}/messages v1.0 low select=subject'], unresolved: ['3 the URL is completed at run time'] });
  });

  it('Ruby and PHP-like interpolation, national clouds, beta', () => {
    assert.deepEqual(calls('graph.rb', 'HTTParty.get("https://graph.microsoft.com/beta/users/#{user_id}/presence")\nNet::HTTP.get(URI("https://graph.microsoft.us/v1.0/groups/${gid}/members"))\n').calls, ['GET /users/{id}/presence beta low', 'GET /groups/{id}/members v1.0 low']);
  });

  it('is read by the code extraction for those languages, with the file\'s lines', () => {
    assert.deepEqual(callsIn('svc/Graph.kt', 'package svc\n\nval me = client.get("https://graph.microsoft.com/v1.0/me/events")\n'), ['GET /me/events v1.0 low :3']);
  });

  it('a file of 100,000 URLs gives every call; a 5 MB line without one gives none', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `get("https://graph.microsoft.com/v1.0/users/${i}")`).join('\n');
    assert.equal(calls('big.go', text).calls.length, 100_000);
    assert.deepEqual(calls('long.go', `x := "${'https://graph.microsoft.com'.repeat(200_000)}"`).calls, []);
  });
});

describe('low-confidence calls in the permission findings', () => {
  it('a permission missing only for URLs found as text says so', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'cmd/mail.go': 'resp, _ := client.Get("https://graph.microsoft.com/v1.0/me/mailFolders")\n', 'src/app.ts': "await client.api('/me/events').get();\n" });
    const report = JSON.parse((await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json'])).stdout) as { findings: { checkId: string; message: string }[] };
    const messages = report.findings.filter((finding) => finding.checkId === 'graph-permission-requested').map((finding) => finding.message).sort();
    assert.equal(messages.length, 2);
    assert.match(messages[0]!, /^GET \/me\/events needs Calendars\.ReadBasic \(delegated\), which the app does not request$/);
    assert.match(messages[1]!, /^GET \/me\/mailFolders needs .*\(found only as a URL in code m365cert does not parse: confirm it is a request\)$/);
  });
});
