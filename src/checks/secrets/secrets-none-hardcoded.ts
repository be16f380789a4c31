// Secrets in source control are exposed to everyone with repository access and to its history; secure development (OPS-12) expects them in a vault.
import { defineCheck } from '../../engine/define-check.ts';

export const check = defineCheck({
  meta: {
    id: 'secrets-none-hardcoded',
    title: 'No secrets are hard-coded in the repository',
    domain: 'secrets',
    severity: 'high',
    controls: ['OPS-12'],
    appliesTo: [],
    description:
      'Finds credentials written into code and configuration: Microsoft Entra client secrets and bot passwords, private keys, Azure Storage keys and SAS tokens, Service Bus/Event Hubs/Cosmos DB keys, connection-string and URL passwords, Azure OpenAI/AI services keys, OpenAI, Anthropic, GitHub, npm, Slack, Stripe, SendGrid, AWS and Google keys, and Teams incoming-webhook URLs. Placeholders and published example values are not reported; secrets in test fixtures and example files are listed in the report, not raised. Every value is masked in every output.',
    remediation: 'Remove the secret from the file (and from the git history), rotate it — it must be considered leaked — and read it at run time from Azure Key Vault, a managed identity, or the deployment\'s secret settings.',
    references: ['https://learn.microsoft.com/azure/key-vault/general/overview', 'https://learn.microsoft.com/microsoft-365-app-certification/docs/operational-security'],
    messages: {
      secret: '{{title}} hard-coded: {{masked}}',
    },
  },
  run(inventory, context) {
    for (const secret of inventory.secrets ?? []) {
      if (secret.fixture) continue;
      context.report({
        messageId: 'secret',
        data: { title: secret.title, masked: secret.masked },
        at: { file: secret.file, line: secret.line, column: secret.column },
        key: `${secret.rule}|${secret.hash}`,
        evidence: [{ label: 'rule', value: secret.rule }],
      });
    }
  },
});
