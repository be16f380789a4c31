import { stringLeaves } from '../../checks/_shared/json-values.ts';
import { descendants } from '../../sources/formats/xml.ts';
import { jsonLocation, xmlLocation, yamlLocation, type Manifest } from '../inventory.ts';
import type { HostReference } from './types.ts';

/**
 * Hosts in app manifests. What the app serves: Teams tab pages, the SSO resource (`webApplicationInfo.resource`,
 * whose host is the tab's), add-in pages and runtimes, sign-in redirect URIs of app registrations, API plugin
 * servers. What the manifest allows: Teams/unified `validDomains`, add-in `AppDomains`. Developer links,
 * icons, schema ids and link-unfurling domains are not connections.
 */
interface PathRule {
  /** Dotted path with `*` for any key or index. */
  pattern: RegExp;
  direction: HostReference['direction'];
  purpose: string;
}

const JSON_RULES: PathRule[] = [
  { pattern: /^validDomains\.\d+$/, direction: 'declared', purpose: 'valid domain in the app manifest' },
  { pattern: /^staticTabs\.\d+\.(contentUrl|websiteUrl|searchUrl)$/, direction: 'served', purpose: 'Teams personal tab page' },
  { pattern: /^configurableTabs\.\d+\.configurationUrl$/, direction: 'served', purpose: 'Teams configurable tab page' },
  { pattern: /^webApplicationInfo\.resource$/, direction: 'served', purpose: 'SSO resource (Application ID URI) of the tab' },
  { pattern: /^connectors\.\d+\.configurationUrl$/, direction: 'served', purpose: 'connector configuration page' },
  { pattern: /^extensions\.\d+\.runtimes\.\d+\.code\.(page|script)$/, direction: 'served', purpose: 'add-in runtime page or script' },
  { pattern: /^(replyUrlsWithType\.\d+\.url|replyUrls\.\d+|web\.redirectUris\.\d+|spa\.redirectUris\.\d+|publicClient\.redirectUris\.\d+|web\.logoutUrl|logoutUrl|signInUrl|web\.homePageUrl)$/, direction: 'served', purpose: 'sign-in redirect URI of the app registration' },
  { pattern: /^runtimes\.\d+\.spec\.url$/, direction: 'served', purpose: 'API plugin server' },
];

export function hostReferencesFromManifest(manifest: Manifest): HostReference[] {
  const references: HostReference[] = [];
  if (manifest.format === 'xml') {
    for (const element of descendants(manifest.doc.root)) {
      const at = xmlLocation(manifest, element);
      const source = { file: at.file, line: at.line, column: at.column };
      if (element.local === 'AppDomain' && element.text.trim()) {
        const text = element.text.trim();
        references.push({ direction: 'declared', kind: 'manifest', via: 'AppDomains', url: /:\/\//.test(text) ? text : `https://${text}`, purpose: 'add-in AppDomain', source });
      }
      const value = element.attributes.DefaultValue;
      if (!value) continue;
      if (element.local === 'SourceLocation' || (element.local === 'Url' && element.name.startsWith('bt:'))) {
        references.push({ direction: 'served', kind: 'manifest', via: `<${element.name}>`, url: value, purpose: element.local === 'SourceLocation' ? 'add-in page (SourceLocation)' : 'add-in page or function file', source });
      }
    }
    return references;
  }
  for (const leaf of stringLeaves(manifest.doc.value)) {
    const dotted = leaf.path.join('.');
    const rule = JSON_RULES.find((candidate) => candidate.pattern.test(dotted));
    if (!rule) continue;
    const at = manifest.format === 'json' ? jsonLocation(manifest, leaf.path) : yamlLocation(manifest, leaf.path);
    const value = leaf.value.trim();
    // validDomains hold host names (possibly `*.contoso.com`); api://host/id names the tab's host.
    const url = rule.direction === 'declared' && !/:\/\//.test(value) ? `https://${value}` : value.replace(/^api:\/\//i, 'https://');
    if (!/^(https?|wss?):\/\//i.test(url) && !/^\$\{\{/.test(value)) continue;
    const source = { file: at.file, line: at.line, column: at.column };
    const via = dotted.replace(/\.\d+/g, '[]');
    // A wildcard valid domain (`*.contoso.com`) is a pattern, kept as written.
    if (/^\*\.[a-z0-9.-]+$/i.test(value)) references.push({ direction: rule.direction, kind: 'manifest', via, host: value.toLowerCase(), purpose: rule.purpose, source });
    else references.push({ direction: rule.direction, kind: 'manifest', via, url: /^\$\{\{/.test(value) ? `https://${value}` : url, purpose: rule.purpose, source });
  }
  return references;
}
