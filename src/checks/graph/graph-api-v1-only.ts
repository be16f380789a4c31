// Beta APIs are unsupported for production use: https://learn.microsoft.com/graph/versioning-and-support
import { defineCheck } from '../../engine/define-check.ts';
import { forEachAnalysis, locationOf } from '../_shared/graph.ts';

export const check = defineCheck({
  meta: {
    id: 'graph-api-v1-only',
    title: 'Microsoft Graph calls use the v1.0 endpoint, not beta',
    domain: 'graph',
    severity: 'low',
    controls: ['APP-1'],
    appliesTo: [],
    needsData: ['graph-permissions'],
    description:
      'Beta APIs can change or disappear without notice and are not supported in production; the certification evidence (the endpoint and permission inventory) should not rely on them. Where the endpoint list is available, the finding says whether the same GET path exists in v1.0.',
    remediation: 'Call the v1.0 endpoint (drop .version(\'beta\') or /beta/), or document why the beta API is required and track its v1.0 release.',
    references: ['https://learn.microsoft.com/graph/versioning-and-support'],
    messages: {
      beta: '{{method}} {{path}} uses the beta endpoint{{v1}}',
    },
  },
  run(inventory, context) {
    forEachAnalysis(inventory, context, (analysis) => {
      for (const beta of analysis.betaCalls) {
        const call = inventory.graph?.calls[beta.call];
        if (!call) continue;
        const v1 = beta.inV1 === true ? ' (the path exists in v1.0)' : beta.inV1 === false ? ' (the path is beta-only)' : '';
        context.report({ messageId: 'beta', data: { method: call.method, path: call.path, v1 }, at: locationOf(call.source), key: `${call.method} ${call.path}` });
      }
    });
  },
});
