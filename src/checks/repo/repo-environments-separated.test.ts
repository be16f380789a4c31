import { check } from './repo-environments-separated.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';

checkTester(check, {
  valid: [{
    name: 'each environment its own database and key vault',
    files: {
      'Api/appsettings.Development.json': '{\n  "ConnectionStrings": { "Db": "Server=tcp:contoso-dev.database.windows.net,1433;Database=app" },\n  "KeyVault": "https://contoso-dev-kv.vault.azure.net/"\n}\n',
      'Api/appsettings.Production.json': '{\n  "ConnectionStrings": { "Db": "Server=tcp:contoso-prod.database.windows.net,1433;Database=app" },\n  "KeyVault": "https://contoso-prod-kv.vault.azure.net/"\n}\n',
    },
  }],
  invalid: [{
    name: 'the dev env file points at the production database',
    files: {
      'env/.env.dev': 'SQL_CONNECTION=Server=tcp:contoso-prod.database.windows.net,1433;Database=app\nGRAPH=https://graph.microsoft.com/v1.0\n',
      'env/.env.prod': 'SQL_CONNECTION=Server=tcp:contoso-prod.database.windows.net,1433;Database=app\nGRAPH=https://graph.microsoft.com/v1.0\n',
    },
    findings: [{ messageId: 'shared', file: 'env/.env.dev', line: 1 }],
  }],
  notApplicable: [{ name: 'one configuration for all', files: { 'Api/appsettings.json': '{ "KeyVault": "https://contoso-kv.vault.azure.net/" }\n' } }],
});
