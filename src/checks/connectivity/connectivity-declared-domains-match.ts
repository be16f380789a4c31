// The analyst compares the app's declared domains with what it contacts (external connectivity walkthrough, m365-controls.md §2.2).
import { defineCheck } from '../../engine/define-check.ts';
import type { HostEntry } from '../../extract/hosts/index.ts';
import { CONNECTIVITY_REFERENCES, footprint, sourceLocation } from '../_shared/connectivity.ts';

/** Manifest lists that declare the domains an app may reach: Teams/unified validDomains and add-in AppDomains. */
const DECLARING = /^(validDomains\[\]|AppDomains)$/;

export const check = defineCheck({
  meta: {
    id: 'connectivity-declared-domains-match',
    title: 'Declared domains match the hosts the app uses',
    domain: 'connectivity',
    severity: 'low',
    controls: ['APP-2', 'APP-BASE'],
    appliesTo: ['teams-app', 'office-addin-unified', 'office-addin-xml'],
    description:
      'Compares the domains a manifest declares (Teams and unified manifest validDomains, add-in AppDomains) with the hosts the app\'s own code and pages contact or serve. A third-party host (or one of unknown operator) used but not declared is an undeclared connection the assessor will ask about; a declared domain nothing uses widens what the app may reach for no reason.',
    remediation: 'Add the host to the manifest\'s valid domains (or AppDomains) if the tab or add-in page navigates to or embeds it, and say in the connectivity inventory why the app contacts it; remove declared domains the app no longer uses.',
    references: ['https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#validdomains', ...CONNECTIVITY_REFERENCES],
    messages: {
      undeclared: '{{host}} is contacted by the app ({{purpose}}) but is not in {{list}} of {{manifest}}',
      unused: '{{domain}} is declared in {{list}} but nothing in the app contacts or serves it',
    },
  },
  run(inventory, context) {
    const hosts = footprint(inventory, context);
    if (!hosts) return;
    const declarations = new Map<string, { patterns: { host: string; line: number; column?: number; list: string }[]; appRoot: string }>();
    for (const host of hosts) {
      for (const source of host.sources) {
        if (source.kind !== 'manifest' || !DECLARING.test(source.via)) continue;
        const manifest = inventory.manifests.find((candidate) => candidate.file === source.file);
        const entry = declarations.get(source.file) ?? { patterns: [], appRoot: manifest?.appRoot ?? '.' };
        entry.patterns.push({ host: host.host, line: source.line, column: source.column, list: source.via === 'AppDomains' ? 'AppDomains' : 'validDomains' });
        declarations.set(source.file, entry);
      }
    }
    for (const [manifestFile, { patterns, appRoot }] of declarations) {
      const list = patterns[0]!.list;
      const inApp = (file: string) => appRoot === '.' || file.startsWith(`${appRoot}/`);
      const used = (host: HostEntry) => host.sources.some((source) => inApp(source.file) && source.kind !== 'csp' && !(source.kind === 'manifest' && DECLARING.test(source.via)));
      for (const pattern of patterns) {
        if (!hosts.some((host) => covers(pattern.host, host.host) && used(host))) {
          context.report({ messageId: 'unused', data: { domain: pattern.host, list }, at: { file: manifestFile, line: pattern.line, column: pattern.column }, key: `${manifestFile}|${pattern.host}` });
        }
      }
      for (const host of hosts) {
        // Undeclared third parties are what the walkthrough is after; the publisher's own hosts need no listing to be fetched.
        if (host.owner === 'microsoft' || host.owner === 'publisher' || host.dynamic || host.host.startsWith('*.')) continue;
        const contacted = host.sources.find((source) => inApp(source.file) && (source.kind === 'code' || source.kind === 'html') && host.directions.includes('outbound'));
        if (!contacted || patterns.some((pattern) => covers(pattern.host, host.host))) continue;
        context.report({ messageId: 'undeclared', data: { host: host.host, purpose: host.purpose ?? 'contacted', list, manifest: manifestFile }, at: sourceLocation(contacted), key: `${manifestFile}|${host.host}` });
      }
    }
  },
});

/** `*.contoso.com` covers its subdomains; a plain domain covers only itself. */
function covers(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}
