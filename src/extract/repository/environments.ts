/**
 * Which deployment environment a configuration file belongs to, by its path: appsettings.Production.json,
 * env/.env.dev, main.parameters.prod.json, environments/staging/terraform.tfvars, overlays/prod/… A file
 * that names no environment (the shared default) belongs to none.
 */

export type Environment = 'production' | 'non-production';

const PRODUCTION = /(^|[/._-])(prod|production|prd|live)([/._-]|$)/i;
const NON_PRODUCTION = /(^|[/._-])(dev|develop|development|test|testing|qa|staging|stage|uat|local|sandbox|preview|ci)([/._-]|$)/i;
/** Files that hold deployment settings: app settings, dotenv, IaC parameters, compose and overlay files. */
const SETTINGS_FILE = /(^|\/)(appsettings[\w.-]*\.json|local\.settings[\w.-]*\.json|\.env[\w.-]*|[\w.-]*\.env|[\w.-]*parameters[\w.-]*\.json|[\w.-]+\.bicepparam|[\w.-]+\.tfvars(\.json)?|docker-compose[\w.-]*\.ya?ml|config(\.[\w-]+)?\.json|[\w.-]*settings[\w.-]*\.(json|ya?ml)|application[\w.-]*\.(ya?ml|properties)|web(\.[\w-]+)?\.config|m365agents[\w.-]*\.ya?ml|teamsapp[\w.-]*\.ya?ml)$/i;

export function environmentOf(filePath: string): Environment | undefined {
  if (!SETTINGS_FILE.test(filePath) && !/(^|\/)(env|environments?|overlays)\//i.test(filePath)) return undefined;
  // local.settings.json is the Functions host's local development file.
  if (/(^|\/)local\.settings[\w.-]*\.json$/i.test(filePath)) return 'non-production';
  if (PRODUCTION.test(filePath)) return 'production';
  if (NON_PRODUCTION.test(filePath)) return 'non-production';
  return undefined;
}
