// Plaintext is allowed only for redirects, probes, revocation fetches and localhost (submission guide, appendix A).
import { defineCheck } from '../../engine/define-check.ts';
import { jsonLocation, xmlLocation, yamlLocation } from '../../extract/inventory.ts';
import { descendants } from '../../sources/formats/xml.ts';
import { hostOf, isLoopbackHost, stringLeaves } from '../_shared/json-values.ts';

const PLAIN_HTTP = /^http:\/\//i;
/** Keys and attributes whose URLs identify a format, not an endpoint the app talks to. */
const IDENTIFIER_KEYS = new Set(['$schema', 'xmlns', 'xsi:schemaLocation', 'xsi:type', '@odata.type', 'schemaLocation']);

export const check = defineCheck({
  meta: {
    id: 'manifest-urls-https',
    title: 'Manifests point only to HTTPS endpoints',
    domain: 'manifest',
    severity: 'high',
    controls: ['DATA-4', 'APP-BASE'],
    appliesTo: ['teams-app', 'office-addin-unified', 'office-addin-xml', 'spfx-solution', 'entra-app', 'toolkit-aad-manifest', 'declarative-agent', 'api-plugin', 'toolkit-project'],
    description:
      'Finds plain http:// URLs in app manifests (tab and configuration pages, bot and plugin endpoints, add-in source locations, icons, redirect URIs). Traffic to them is unencrypted, which the certification allows only for redirects, health probes, revocation checks and localhost.',
    remediation: 'Serve the endpoint over HTTPS (TLS 1.2 or later) and change the URL to https://. Development URLs on localhost are ignored; keep other development hosts out of production manifests.',
    references: ['https://learn.microsoft.com/microsoft-365-app-certification/docs/data-handling'],
    messages: {
      plainHttp: 'Plain HTTP endpoint {{url}} in {{where}}',
    },
  },
  run(inventory, context) {
    for (const manifest of inventory.manifests) {
      if (manifest.format === 'xml') {
        for (const element of descendants(manifest.doc.root)) {
          for (const [name, value] of Object.entries(element.attributes)) {
            if (IDENTIFIER_KEYS.has(name) || name.startsWith('xmlns')) continue;
            report(value.trim(), `<${element.local} ${name}>`, xmlLocation(manifest, element));
          }
          const text = element.text.trim();
          if (text) report(text, `<${element.local}>`, xmlLocation(manifest, element));
        }
        continue;
      }
      for (const leaf of stringLeaves(manifest.doc.value)) {
        const key = leaf.path[leaf.path.length - 1];
        if (typeof key === 'string' && IDENTIFIER_KEYS.has(key)) continue;
        const where = leaf.path.join('.');
        report(leaf.value.trim(), where, manifest.format === 'json' ? jsonLocation(manifest, leaf.path) : yamlLocation(manifest, leaf.path));
      }
    }

    function report(value: string, where: string, at: Parameters<typeof context.report>[0]['at']) {
      if (!PLAIN_HTTP.test(value)) return;
      const host = hostOf(value);
      if (host && isLoopbackHost(host)) return;
      context.report({ messageId: 'plainHttp', data: { url: value, where }, at, key: `${where}|${value}` });
    }
  },
});
