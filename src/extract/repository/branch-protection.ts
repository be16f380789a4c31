import { parse as parseYamlText } from 'yaml';

/**
 * Branch protection as the hosting service exports it, reduced to what change control asks: are changes to the
 * protected branch reviewed (and by how many), do checks have to pass, can administrators bypass, can history be
 * rewritten. Read from: GitHub branch protection (REST `branches/{branch}/protection`), GitHub rulesets (one
 * ruleset or a list), Azure DevOps policy configurations (`_apis/policy/configurations`), and Probot
 * settings-as-code (`.github/settings.yml`).
 */

export interface BranchProtection {
  /** Which export it was read from. */
  format: 'github-branch-protection' | 'github-ruleset' | 'azure-devops-policies' | 'github-settings-yml';
  file: string;
  branch?: string;
  requiredApprovals: number;
  codeOwnerReview: boolean;
  statusChecks: boolean;
  /** Administrators are held to the rules (GitHub enforce_admins; rulesets without bypass actors; Azure DevOps blocking policies). */
  enforcedForAdmins: boolean;
  forcePushBlocked: boolean;
  signaturesRequired: boolean;
}

type Json = Record<string, any>;

export function parseBranchProtection(text: string, file: string): BranchProtection | { error: string } {
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) ? parseYamlText(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    return { error: `not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}` };
  }
  if (!value || typeof value !== 'object') return { error: 'not a branch-protection export (expected an object or a list)' };
  const data = value as Json;
  if (Array.isArray(data.value) && data.value.some((item: Json) => item?.type?.displayName || item?.settings)) return fromAzureDevOps(data.value, file);
  const rulesets = Array.isArray(data) ? data : Array.isArray(data.rules) ? [data] : undefined;
  if (rulesets && rulesets.some((ruleset: Json) => Array.isArray(ruleset?.rules))) return fromRulesets(rulesets, file);
  if ('required_pull_request_reviews' in data || 'enforce_admins' in data || 'required_status_checks' in data) return fromGitHubProtection(data, file);
  if (Array.isArray(data.branches)) return fromSettingsYml(data.branches, file);
  return { error: 'not a branch-protection export m365cert knows (GitHub branch protection or rulesets, Azure DevOps policy configurations, .github/settings.yml)' };
}

function fromGitHubProtection(data: Json, file: string, format: BranchProtection['format'] = 'github-branch-protection', branch?: string): BranchProtection {
  const reviews = data.required_pull_request_reviews;
  const enabled = (setting: unknown) => (typeof setting === 'boolean' ? setting : Boolean((setting as Json | undefined)?.enabled));
  return {
    format, file, branch,
    requiredApprovals: reviews ? Number(reviews.required_approving_review_count ?? 1) : 0,
    codeOwnerReview: Boolean(reviews?.require_code_owner_reviews),
    statusChecks: Boolean(data.required_status_checks && ((data.required_status_checks.contexts ?? []).length || (data.required_status_checks.checks ?? []).length)),
    enforcedForAdmins: enabled(data.enforce_admins),
    forcePushBlocked: !enabled(data.allow_force_pushes),
    signaturesRequired: enabled(data.required_signatures),
  };
}

function fromRulesets(rulesets: Json[], file: string): BranchProtection {
  const active = rulesets.filter((ruleset) => ruleset && (ruleset.enforcement ?? 'active') === 'active' && (ruleset.target ?? 'branch') === 'branch');
  const rules = active.flatMap((ruleset) => (Array.isArray(ruleset.rules) ? ruleset.rules : []) as Json[]);
  const review = rules.find((rule) => rule.type === 'pull_request')?.parameters;
  const branches = active.flatMap((ruleset) => ruleset.conditions?.ref_name?.include ?? []);
  return {
    format: 'github-ruleset', file, branch: branches.join(', ') || undefined,
    requiredApprovals: review ? Number(review.required_approving_review_count ?? 0) : 0,
    codeOwnerReview: Boolean(review?.require_code_owner_review),
    statusChecks: rules.some((rule) => rule.type === 'required_status_checks'),
    enforcedForAdmins: active.length > 0 && active.every((ruleset) => !Array.isArray(ruleset.bypass_actors) || ruleset.bypass_actors.length === 0),
    forcePushBlocked: rules.some((rule) => rule.type === 'non_fast_forward'),
    signaturesRequired: rules.some((rule) => rule.type === 'required_signatures'),
  };
}

function fromAzureDevOps(policies: Json[], file: string): BranchProtection {
  const enabled = policies.filter((policy) => policy?.isEnabled !== false);
  const named = (name: RegExp) => enabled.filter((policy) => name.test(String(policy.type?.displayName ?? '')));
  const reviewers = named(/^Minimum number of reviewers$/i);
  const approvals = Math.max(0, ...reviewers.map((policy) => Number(policy.settings?.minimumApproverCount ?? 0) - (policy.settings?.creatorVoteCounts ? 1 : 0)));
  const branches = enabled.flatMap((policy) => (policy.settings?.scope ?? []).map((scope: Json) => scope?.refName).filter(Boolean));
  return {
    format: 'azure-devops-policies', file, branch: [...new Set(branches)].join(', ') || undefined,
    requiredApprovals: approvals,
    codeOwnerReview: named(/^Required reviewers$/i).length > 0,
    statusChecks: named(/^Build$/i).length > 0,
    // Blocking policies apply to everyone unless a bypass permission is granted, which the export does not show.
    enforcedForAdmins: reviewers.length > 0 && reviewers.every((policy) => policy.isBlocking !== false),
    // Azure DevOps denies force push through permissions, not policies: not visible here.
    forcePushBlocked: false,
    signaturesRequired: false,
  };
}

function fromSettingsYml(branches: Json[], file: string): BranchProtection | { error: string } {
  const main = branches.find((branch) => ['main', 'master'].includes(branch?.name)) ?? branches[0];
  if (!main?.protection) return { error: 'settings.yml names no protected branch' };
  return fromGitHubProtection(main.protection, file, 'github-settings-yml', main.name);
}
