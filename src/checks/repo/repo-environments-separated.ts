// Change control (OPS-11 [S1]): development and test are separated from production; configuration that points a dev or test build at production resources breaks that separation.
import { defineCheck } from '../../engine/define-check.ts';
import { environmentOf } from '../../extract/repository/environments.ts';

export const check = defineCheck({
  meta: {
    id: 'repo-environments-separated',
    title: 'Development and test configuration stays off production resources',
    domain: 'repo',
    severity: 'medium',
    controls: ['OPS-11'],
    appliesTo: [],
    description: 'Sorts the configuration files by the environment their path names (appsettings.Production.json, env/.env.dev, *.parameters.prod.json, staging tfvars, …) and fails when a resource the publisher operates (a database, storage account, key vault, API host, …) appears both in a production file and in a development, test or staging file. Network isolation and separate subscriptions stay evidence for the assessor.',
    remediation: 'Give development and test their own resources (separate database, storage, key vault and app registration) and keep production connection details only in production configuration or its secret store.',
    references: ['https://learn.microsoft.com/microsoft-365-app-certification/docs/operational-security'],
    messages: {
      shared: '{{host}} is used by non-production configuration here and by production configuration in {{production}}',
    },
  },
  run(inventory, context) {
    const environments = new Set(inventory.files.map((file) => environmentOf(file.path)).filter(Boolean));
    if (!environments.has('production') || !environments.has('non-production')) return context.notApplicable('the tree has no separate production and non-production configuration files');
    for (const host of inventory.connectivity?.hosts ?? []) {
      if (host.owner !== 'publisher' || host.excluded || host.dynamic) continue;
      const production = host.sources.find((source) => environmentOf(source.file) === 'production');
      if (!production) continue;
      for (const source of host.sources.filter((item) => environmentOf(item.file) === 'non-production')) {
        context.report({ messageId: 'shared', data: { host: host.host, production: `${production.file}:${production.line}` }, at: { file: source.file, line: source.line }, key: `${host.host}|${source.file}` });
      }
    }
  },
});
