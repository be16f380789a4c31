// All traffic encrypted in transit (DATA-4, App. A [S1]): encryption without certificate checks lets anyone in the path read and change it.
import { defineCheck } from '../../engine/define-check.ts';

export const check = defineCheck({
  meta: {
    id: 'code-tls-verification-enabled',
    title: 'Code never turns TLS certificate verification off',
    domain: 'code',
    severity: 'high',
    controls: ['DATA-4', 'OPS-12'],
    appliesTo: [],
    description: 'Finds code and settings that accept any certificate: rejectUnauthorized: false and NODE_TLS_REJECT_UNAUTHORIZED=0 (Node), verify=False and unverified SSL contexts (Python), certificate validation callbacks that return true or DangerousAcceptAnyServerCertificateValidator (.NET).',
    remediation: 'Remove the override. For a private CA, add its certificate to the trust store (NODE_EXTRA_CA_CERTS, the certifi bundle, the machine store) instead of turning verification off.',
    references: ['https://learn.microsoft.com/microsoft-365-app-certification/docs/data-handling'],
    messages: {
      disabled: 'TLS certificate verification turned off: {{detail}}',
    },
  },
  run(inventory, context) {
    for (const pattern of inventory.patterns ?? []) {
      if (pattern.rule !== 'tls-verification-disabled') continue;
      context.report({ messageId: 'disabled', data: { detail: pattern.detail }, at: { file: pattern.source.file, line: pattern.source.line, column: pattern.source.column }, key: pattern.detail });
    }
  },
});
