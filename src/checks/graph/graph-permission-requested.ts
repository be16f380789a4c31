// Graph permissions reference: https://learn.microsoft.com/graph/permissions-reference
import { defineCheck } from '../../engine/define-check.ts';
import type { GraphCall } from '../../extract/graph/types.ts';
import { forEachAnalysis, graphCheckBase, locationOf } from '../_shared/graph.ts';

export const check = defineCheck({
  meta: {
    id: 'graph-permission-requested',
    title: 'Every Microsoft Graph call is covered by a requested permission',
    ...graphCheckBase(),
    severity: 'medium',
    description:
      'A Graph call that no requested permission allows fails at run time, or works only through a permission granted outside the reviewed manifests — which the analyst cannot see in the permission inventory.',
    remediation: 'Add the least-privileged permission named in the finding to the app registration (and the inventory with its justification), or remove the call.',
    references: ['https://learn.microsoft.com/graph/permissions-reference'],
    messages: {
      missing: '{{method}} {{path}} needs {{permission}} ({{type}}), which the app does not request{{rsc}}{{more}}{{lowConfidence}}',
      missingCovered: '{{method}} {{path}} needs {{least}} ({{type}}); {{permission}}, which other calls need anyway, also allows it, so adding that one covers this call too — the app requests neither{{rsc}}{{more}}{{lowConfidence}}',
    },
  },
  run(inventory, context) {
    forEachAnalysis(inventory, context, (analysis) => {
      if (analysis.usesDefaultScope && !(inventory.graph?.requested ?? []).some((permission) => permission.appRoot === analysis.appRoot && permission.via !== 'code-scopes')) {
        context.notAssessed(`${analysis.appRoot}: the code asks for /.default and the app registration is not in the tree`);
        return;
      }
      for (const missing of analysis.missing) {
        // One finding per operation (method + path); its other call sites are listed, not repeated.
        const byOperation = new Map<string, GraphCall[]>();
        for (const callIndex of missing.calls) {
          const call = inventory.graph?.calls[callIndex];
          if (call) byOperation.set(`${call.method} ${call.path.toLowerCase()}`, [...(byOperation.get(`${call.method} ${call.path.toLowerCase()}`) ?? []), call]);
        }
        for (const [operation, [first, ...others]] of byOperation) {
          if (!first) continue;
          const covered = missing.coveredCalls?.find((entry) => inventory.graph?.calls[entry.call] === first);
          context.report({
            messageId: covered ? 'missingCovered' : 'missing',
            data: { method: first.method, path: first.path, permission: missing.anyOf.join(' or '), least: covered?.least.join(' or ') ?? '', type: missing.type, rsc: missing.rscAlternatives?.length ? `; resource-specific consent ${missing.rscAlternatives.join(' or ')} in the Teams manifest would allow it where the app is installed` : '', more: others.length ? ` (${others.length} more call site(s))` : '', lowConfidence: [first, ...others].every((call) => call.confidence === 'low') ? ' (found only as a URL in code m365cert does not parse: confirm it is a request)' : '' },
            at: locationOf(first.source),
            key: `${operation}|${missing.name}`,
            evidence: others.slice(0, 20).map((call) => ({ label: 'also called at', value: `${call.source.file}:${call.source.line}` })),
          });
        }
      }
    });
  },
});
