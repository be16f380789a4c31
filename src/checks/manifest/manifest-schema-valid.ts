// Schemas: https://github.com/microsoft/json-schemas (Teams, Copilot, SPFx), read from the data directory.
import { defineCheck } from '../../engine/define-check.ts';
import { jsonLocation, toPointer } from '../../extract/inventory.ts';
import type { AppKind } from '../../engine/types.ts';

const KINDS: AppKind[] = ['teams-app', 'office-addin-unified', 'declarative-agent', 'api-plugin', 'spfx-solution'];

export const check = defineCheck({
  meta: {
    id: 'manifest-schema-valid',
    title: 'Manifests are valid against their official JSON schema',
    domain: 'manifest',
    severity: 'high',
    controls: ['APP-BASE'],
    appliesTo: KINDS,
    description:
      'Validates each Teams / Microsoft 365 app manifest, Copilot declarative agent, API plugin and SPFx package-solution.json against the official schema of the version it declares. Invalid manifests are rejected at upload or behave differently from what the analyst reviews.',
    remediation: 'Fix the property named in the finding so that the manifest matches the schema of its declared version (or move to a newer manifest version and its schema).',
    references: ['https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema', 'https://github.com/microsoft/json-schemas'],
    messages: {
      violation: '{{pointer}} {{problem}} (schema {{schema}})',
    },
  },
  run(inventory, context) {
    for (const manifest of inventory.manifests) {
      if (manifest.format !== 'json' || !manifest.schema || !KINDS.includes(manifest.kind)) continue;
      const outcome = manifest.schema;
      if (outcome.status === 'unavailable') {
        context.notAssessed(`${manifest.file}: ${outcome.reason}`);
        continue;
      }
      if (outcome.status !== 'invalid') continue;
      for (const violation of outcome.violations) {
        const pointer = toPointer(violation.path) || '(root)';
        context.report({
          messageId: 'violation',
          data: { pointer, problem: violation.message, schema: outcome.schema.replace(/^schemas\//, '') },
          at: jsonLocation(manifest, violation.path),
          key: `${pointer}|${violation.message}`,
        });
      }
    }
  },
});
