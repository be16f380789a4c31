// Beta APIs are unsupported for production use: https://learn.microsoft.com/graph/versioning-and-support
import { defineCheck } from '../../engine/define-check.ts';
import { forEachAnalysis, graphCheckBase, locationOf } from '../_shared/graph.ts';

export const check = defineCheck({
  meta: {
    id: 'graph-api-v1-only',
    title: 'Microsoft Graph calls use the v1.0 endpoint, not beta',
    ...graphCheckBase(),
    severity: 'low',
    description:
      'Beta APIs can change or disappear without notice and are not supported in production; the certification evidence (the endpoint and permission inventory) should not rely on them. Where the endpoint list is available, the finding says whether the same GET path exists in v1.0.',
    remediation: 'Call the v1.0 endpoint (drop .version(\'beta\') or /beta/), or document why the beta API is required and track its v1.0 release.',
    references: ['https://learn.microsoft.com/graph/versioning-and-support'],
    messages: {
      beta: '{{method}} {{path}} uses the beta endpoint{{v1}}{{more}}',
    },
  },
  run(inventory, context) {
    forEachAnalysis(inventory, context, (analysis) => {
      // One finding per operation; further call sites of the same beta operation go into its evidence.
      const byOperation = new Map<string, { inV1?: boolean; calls: number[] }>();
      for (const beta of analysis.betaCalls) {
        const call = inventory.graph?.calls[beta.call];
        if (!call) continue;
        const key = `${call.method} ${call.path.toLowerCase()}`;
        const entry = byOperation.get(key) ?? { inV1: beta.inV1, calls: [] };
        entry.calls.push(beta.call);
        byOperation.set(key, entry);
      }
      for (const [key, entry] of byOperation) {
        const [first, ...others] = entry.calls.map((index) => inventory.graph!.calls[index]!);
        const v1 = entry.inV1 === true ? ' (the path exists in v1.0)' : entry.inV1 === false ? ' (the path is beta-only)' : '';
        context.report({
          messageId: 'beta',
          data: { method: first!.method, path: first!.path, v1, more: others.length ? ` (${others.length} more call site(s))` : '' },
          at: locationOf(first!.source),
          key,
          evidence: others.slice(0, 20).map((call) => ({ label: 'also called at', value: `${call.source.file}:${call.source.line}` })),
        });
      }
    });
  },
});
