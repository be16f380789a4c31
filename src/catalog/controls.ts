import type { ControlMode, DomainId } from '../engine/types.ts';

/**
 * The Microsoft 365 Certification controls, in m365cert's own words. Facts carry the source keys of
 * ../shared/spec/m365-controls.md (S1 = the v1 submission guide read in full, S2/S16 = v2 data pages and
 * blog spotlights, 3P-* = third-party transcriptions). `confidence` says how firm each fact is: numbering and
 * wording of v2 controls known only from third parties stay "unconfirmed" and their thresholds configurable.
 *
 * Which checks support a control is not written here: each check names its controls in its metadata, and the
 * catalog derives the list, so the two cannot drift apart.
 */
export interface Control {
  id: string;
  domain: DomainId;
  title: string;
  requirement: string;
  thresholds: string[];
  evidence: string[];
  /** How far the product aims to decide this control: automated, partly (plus documents), or documents only. */
  mode: ControlMode;
  /** Failing it fails the certification outright (v1 list, S1). */
  hardFail?: boolean;
  /** Extra credit only (v1 WAF, IDPS) or an optional review. */
  optional?: boolean;
  sources: string[];
  confidence: 'confirmed' | 'v1-only' | 'unconfirmed';
}

export const DOMAINS: { id: DomainId; title: string }[] = [
  { id: 'application-security', title: 'Application security' },
  { id: 'operational-security', title: 'Operational security' },
  { id: 'data-handling', title: 'Data handling security and privacy' },
  { id: 'external-audit', title: 'Optional external compliance frameworks review' },
];

export const CONTROLS: Control[] = [
  // Application security
  {
    id: 'APP-1', domain: 'application-security', title: 'Least-privileged Microsoft Graph and Microsoft 365 permissions',
    requirement: 'Every permission the app requests (Graph delegated and application, resource-specific consent, add-in and SharePoint permissions) is needed by a call the app makes, no lower permission would do, and each has a business justification.',
    thresholds: ['no unused permission', 'no reducible permission', 'justification for application and high-privilege permissions'],
    evidence: ['inventory of requested permissions with type and where declared', 'Graph calls that need each permission', 'business justification per permission'],
    mode: 'partial', hardFail: true, sources: ['S1', 'S27', 'S28', '3P-B'], confidence: 'confirmed',
  },
  {
    id: 'APP-2', domain: 'application-security', title: 'Inventory of connections outside Microsoft 365',
    requirement: 'Every connection the app makes to a service that Microsoft does not operate, including the publisher\'s own backend, is identified and explained.',
    thresholds: ['every outbound host listed with owner and purpose'],
    evidence: ['list of outbound hosts with evidence', 'public footprint (URLs, IPs, API endpoints)', 'data-flow diagram'],
    mode: 'partial', sources: ['S1', 'S9'], confidence: 'confirmed',
  },
  {
    id: 'APP-3', domain: 'application-security', title: 'Independent penetration test of the app and its infrastructure',
    requirement: 'When the app connects to any non-Microsoft service, an independent application and infrastructure penetration test covering the whole public footprint and every vulnerability class was done in the last 12 months, and critical and high findings were fixed within one month.',
    thresholds: ['test every 12 months', 'critical/high fixed within 1 month', 'full external footprint in scope'],
    evidence: ['penetration test report (last 12 months)', 'scope list matching the public footprint', 'evidence of remediation'],
    mode: 'partial', hardFail: true, sources: ['S1', 'S9', '3P-B', '3P-D'], confidence: 'confirmed',
  },
  {
    id: 'APP-BASE', domain: 'application-security', title: 'App manifests valid and limited (m365cert baseline behind the app-security review)',
    requirement: 'Not a numbered certification control: the manifests the analyst reviews are valid against the official schemas, limit the domains the app can navigate to, use HTTPS, and enable no token flow the app does not need.',
    thresholds: ['manifest valid against its schema', 'no wildcard or shared-suffix domains', 'HTTPS only'],
    evidence: ['validated manifests', 'list of valid domains with owners'],
    mode: 'automated', sources: ['m365cert', 'S1 App. A'], confidence: 'unconfirmed',
  },
  {
    id: 'APP-5', domain: 'application-security', title: 'Responsible AI (apps that integrate AI)',
    requirement: 'Apps with AI features describe the AI used, its scope and data, tell users when AI is used, offer control over it, and filter and handle inappropriate content.',
    thresholds: ['content-safety policy reviewed every 6 months', 'protections tested quarterly', 'reports handled within 2 working days'],
    evidence: ['AI description and data inventory', 'AI policy', 'content-filter tests', 'user disclosure'],
    mode: 'manual', sources: ['3P-B'], confidence: 'unconfirmed',
  },
  // Operational security
  {
    id: 'OPS-1', domain: 'operational-security', title: 'Security awareness training',
    requirement: 'Everyone who uses in-scope systems is trained in security awareness at onboarding and at least yearly, and records are kept.',
    thresholds: ['at least annually'], evidence: ['training policy', 'training records'],
    mode: 'manual', sources: ['3P-A'], confidence: 'unconfirmed',
  },
  {
    id: 'OPS-2', domain: 'operational-security', title: 'Malware protection (anti-virus or EDR)',
    requirement: 'Anti-malware runs on every in-scope system component, with signatures current within a day, on-access or daily scanning, and automatic blocking and alerting.',
    thresholds: ['signatures updated within 1 day', 'on-access or daily scans'],
    evidence: ['AV/EDR policy', 'console screenshots per sampled host', 'signature update status'],
    mode: 'manual', hardFail: true, sources: ['S1', 'S15', 'S26', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-3', domain: 'operational-security', title: 'Application control',
    requirement: 'Software is approved before deployment, an approved-software list with justification is kept, and application control enforces it (required where traditional anti-malware is not used).',
    thresholds: [], evidence: ['approved software list', 'application control configuration'],
    mode: 'manual', sources: ['S1', '3P-A'], confidence: 'v1-only',
  },
  {
    id: 'OPS-4', domain: 'operational-security', title: 'Patch management: risk ranking and patching windows',
    requirement: 'New vulnerabilities in vendor software and bespoke code are discovered and risk-ranked, and a policy sets the maximum time to patch critical, high and medium issues.',
    thresholds: ['CVSS bands: critical 9.0-10, high 7.0-8.9, medium 4.0-6.9, low 0-3.9', 'windows defined by the publisher'],
    evidence: ['patch and risk-ranking policy', 'vulnerability feed subscriptions', 'tickets with CVSS scores'],
    mode: 'partial', hardFail: true, sources: ['S1', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-5', domain: 'operational-security', title: 'Systems and dependencies patched; no unsupported software',
    requirement: 'All in-scope components, including application software and third-party code dependencies, are patched within the policy windows, and nothing unsupported (end-of-life) runs.',
    thresholds: ['within the publisher\'s patch windows', 'no end-of-life runtimes or libraries'],
    evidence: ['dependency inventory with versions', 'patch reports', 'end-of-life check'],
    mode: 'partial', sources: ['S1', '3P-A', 'S25'], confidence: 'confirmed',
  },
  {
    id: 'OPS-6', domain: 'operational-security', title: 'Quarterly vulnerability scanning',
    requirement: 'Infrastructure, web application and API vulnerability scans cover the whole public footprint (and internal ranges for IaaS or hybrid hosting) every quarter.',
    thresholds: ['quarterly'], evidence: ['last four quarterly scan reports'],
    mode: 'manual', sources: ['S1', 'S10'], confidence: 'confirmed',
  },
  {
    id: 'OPS-7', domain: 'operational-security', title: 'Vulnerability findings remediated and rescanned',
    requirement: 'Scan findings are fixed within the policy windows and rescans prove it.',
    thresholds: ['per patch policy'], evidence: ['before and after scans', 'remediation tickets'],
    mode: 'manual', sources: ['S1', 'S10'], confidence: 'confirmed',
  },
  {
    id: 'OPS-8', domain: 'operational-security', title: 'Network security controls on the environment boundary',
    requirement: 'Firewalls or equivalent controls sit on every boundary of the in-scope environment, default credentials are changed, rules deny by default and each permitted flow is approved.',
    thresholds: ['default deny'], evidence: ['network diagram', 'firewall/NSG configuration', 'rule list with approvals'],
    mode: 'manual', sources: ['S1', '3P-A', 'S26'], confidence: 'confirmed',
  },
  {
    id: 'OPS-9', domain: 'operational-security', title: 'Firewall administration and rule reviews',
    requirement: 'Administrative interfaces use strong cryptography (and MFA when internet-exposed), and firewall rules are reviewed at least every six months.',
    thresholds: ['rule review every 6 months'], evidence: ['admin interface configuration', 'review records'],
    mode: 'manual', sources: ['S1', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-10', domain: 'operational-security', title: 'Web application firewall (optional)',
    requirement: 'A WAF actively monitors and blocks attacks using the OWASP core rule set 3.0 or later, with TLS offload.',
    thresholds: ['OWASP CRS 3.0 or later', 'prevention mode'], evidence: ['WAF policy export'],
    mode: 'manual', optional: true, sources: ['S1', 'S25', 'S26'], confidence: 'confirmed',
  },
  {
    id: 'OPS-11', domain: 'operational-security', title: 'Change control',
    requirement: 'Changes to code, configuration and infrastructure go through documented requests with security impact, back-out plan, testing and approval; development and test are separated from production and hold no production data.',
    thresholds: [], evidence: ['change-control policy', 'sample change tickets or pull requests', 'environment separation'],
    mode: 'partial', sources: ['S1', 'S12', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-12', domain: 'operational-security', title: 'Secure software development and deployment',
    requirement: 'A secure development standard references OWASP Top 10 or SANS Top 25, developers are trained yearly, every change is reviewed by a second person before merge, repositories need MFA and access control, and production releases are approved.',
    thresholds: ['secure-coding training annually', 'at least one reviewer besides the author'],
    evidence: ['secure development policy', 'branch protection and pull request history', 'training records'],
    mode: 'partial', sources: ['S1', 'S13', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-13', domain: 'operational-security', title: 'Account management',
    requirement: 'Default credentials are removed, accounts are created and changed through approval, unique to a person, disabled after three months unused, and protected by a strong password policy.',
    thresholds: ['inactive accounts disabled after 3 months', 'passwords of 8+ characters', 'lockout after at most 10 attempts', 'history of at least 5'],
    evidence: ['account management policy', 'user lists and last sign-in', 'password and lockout settings'],
    mode: 'manual', sources: ['S1', '3P-A', 'S26'], confidence: 'confirmed',
  },
  {
    id: 'OPS-14', domain: 'operational-security', title: 'Multi-factor authentication for administrative and remote access',
    requirement: 'MFA protects all administrative access, remote access and cloud management interfaces.',
    thresholds: [], evidence: ['conditional access policies', 'MFA registration reports'],
    mode: 'manual', hardFail: true, sources: ['S1', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-15', domain: 'operational-security', title: 'Intrusion detection and prevention (optional)',
    requirement: 'An IDPS at the perimeter inspects all inbound and outbound traffic, including TLS, with signatures current within 24 hours, and alerts.',
    thresholds: ['signatures within 24 hours'], evidence: ['IDPS configuration'],
    mode: 'manual', optional: true, sources: ['S1'], confidence: 'v1-only',
  },
  {
    id: 'OPS-16', domain: 'operational-security', title: 'Security event logging',
    requirement: 'All in-scope components log access, privileged actions, invalid attempts, account changes, log tampering, disabled security tools and anti-malware events, with user, time, type and outcome, to a tamper-protected central store.',
    thresholds: [], evidence: ['logging policy', 'diagnostic settings', 'sample log entries'],
    mode: 'manual', sources: ['S1', 'S11', '3P-A', 'S25'], confidence: 'confirmed',
  },
  {
    id: 'OPS-17', domain: 'operational-security', title: 'Log retention',
    requirement: 'Security logs are kept immediately available for 30 days and retained for 90 days.',
    thresholds: ['30 days available', '90 days retained'], evidence: ['retention settings'],
    mode: 'manual', sources: ['S1', '3P-A', 'S25'], confidence: 'confirmed',
  },
  {
    id: 'OPS-18', domain: 'operational-security', title: 'Log review and security alerting',
    requirement: 'Logs are reviewed (daily in v1) by people or automation, and alerts for privileged-account changes, malware, log tampering and IDPS/WAF events reach staff who can respond.',
    thresholds: ['daily review (v1)'], evidence: ['review records', 'alert rules', 'on-call roster'],
    mode: 'manual', sources: ['S1', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-19', domain: 'operational-security', title: 'Information security risk management',
    requirement: 'A ratified risk management process runs a formal risk assessment of the in-scope environment at least yearly, with threats, vulnerabilities, impact and likelihood, a risk register, and vendor risk reviews.',
    thresholds: ['annually or on significant change', 'vendor review within 12 months'], evidence: ['risk policy', 'risk assessment', 'risk register'],
    mode: 'manual', sources: ['S1', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-20', domain: 'operational-security', title: 'Security incident response',
    requirement: 'A ratified incident response plan names the team and contacts, communication to customers and authorities, and containment and recovery steps; the team is trained yearly and the plan is updated from lessons learned.',
    thresholds: ['training or tabletop annually', 'breach notification within 72 hours (GDPR)'], evidence: ['incident response plan', 'training records', 'revision history'],
    mode: 'manual', sources: ['S1', 'S14', '3P-A'], confidence: 'confirmed',
  },
  {
    id: 'OPS-21', domain: 'operational-security', title: 'Business continuity and disaster recovery',
    requirement: 'Business continuity and disaster recovery plans exist, are exercised and reviewed yearly, and backups support recovery of critical services.',
    thresholds: ['annually'], evidence: ['BCP', 'DRP', 'exercise reports'],
    mode: 'manual', sources: ['3P-A'], confidence: 'unconfirmed',
  },
  // Data handling
  {
    id: 'DATA-1', domain: 'data-handling', title: 'TLS 1.2 or higher on every listener, with a key and certificate inventory',
    requirement: 'Every public listener accepts only TLS 1.2 or later with strong suites and keys (RSA 2048+, ECC 256+), and an inventory of keys and certificates is kept.',
    thresholds: ['TLS >= 1.2', 'no RC4, NULL, EXPORT or anonymous suites', 'RSA >= 2048 bits, ECDSA/ECDH >= 256 bits'],
    evidence: ['TLS scan of every listener', 'key and certificate inventory'],
    mode: 'automated', hardFail: true, sources: ['S1', 'S2', 'S16'], confidence: 'confirmed',
  },
  {
    id: 'DATA-2', domain: 'data-handling', title: 'TLS compression disabled',
    requirement: 'No public service that handles web requests allows TLS compression.',
    thresholds: [], evidence: ['TLS scan result'],
    mode: 'automated', sources: ['S1', 'S16'], confidence: 'confirmed',
  },
  {
    id: 'DATA-3', domain: 'data-handling', title: 'HTTP Strict Transport Security on every site',
    requirement: 'Every site sends HSTS with a max-age of at least 180 days.',
    thresholds: ['max-age >= 15552000 seconds'], evidence: ['response header capture per site'],
    mode: 'automated', sources: ['S1', 'S16'], confidence: 'confirmed',
  },
  {
    id: 'DATA-4', domain: 'data-handling', title: 'All traffic encrypted in transit',
    requirement: 'All traffic, including inside virtual networks and datacenters, uses TLS; plain HTTP is allowed only for redirects that carry no data, probes that cannot use HTTPS, revocation fetches and localhost.',
    thresholds: ['no plaintext except the listed exceptions', 'port 80 only redirects and sets no cookies'],
    evidence: ['architecture and configuration', 'code and manifests without http:// endpoints'],
    mode: 'partial', sources: ['S1 App. A'], confidence: 'confirmed',
  },
  {
    id: 'DATA-5', domain: 'data-handling', title: 'Data at rest encrypted to the encryption profile',
    requirement: 'Stored data is encrypted with approved algorithms (AES and the like, keys of 128 bits or more), hashes and MACs use SHA-2, and asymmetric keys meet RSA 2048 / ECC 256; an inventory lists where data is stored and how it is encrypted.',
    thresholds: ['symmetric keys >= 128 bits', 'no MD5/MD4/MD2, SHA-1 only for compatibility', 'RSA >= 2048, ECC >= 256'],
    evidence: ['storage encryption settings', 'data store inventory'],
    mode: 'partial', hardFail: true, sources: ['S1 App. B', '3P-C'], confidence: 'confirmed',
  },
  {
    id: 'DATA-6', domain: 'data-handling', title: 'Data retention, backup and disposal',
    requirement: 'A documented retention period is set and kept, data is securely deleted after it, and backups are defined and their integrity checked.',
    thresholds: ['publisher-defined retention period'], evidence: ['retention and backup policy', 'oldest records', 'disposal logs', 'restore tests'],
    mode: 'manual', sources: ['S1', 'S17'], confidence: 'confirmed',
  },
  {
    id: 'DATA-7', domain: 'data-handling', title: 'Data access management and third parties',
    requirement: 'Everyone with access to data or keys is listed with a justification and formal approval, and every third party that receives customer data is listed with a data-sharing agreement.',
    thresholds: [], evidence: ['access list with approvals', 'third-party register', 'data-sharing agreements'],
    mode: 'manual', sources: ['S1', 'S18'], confidence: 'confirmed',
  },
  {
    id: 'DATA-8', domain: 'data-handling', title: 'GDPR: privacy notice and data subject requests',
    requirement: 'A public privacy notice names the company, the personal data processed, the lawful basis, data-subject rights and retention; a process handles subject access requests and can locate all of a person\'s data.',
    thresholds: ['privacy notice reachable over HTTPS'], evidence: ['privacy notice URL', 'SAR process', 'data map'],
    mode: 'partial', hardFail: true, sources: ['S1'], confidence: 'confirmed',
  },
  {
    id: 'DATA-9', domain: 'data-handling', title: 'HIPAA safeguards (apps handling ePHI)',
    requirement: 'Apps that handle electronic protected health information have administrative safeguards and business associate agreements.',
    thresholds: [], evidence: ['HIPAA policies', 'business associate agreements'],
    mode: 'manual', sources: ['S2', 'S19', '3P-C'], confidence: 'unconfirmed',
  },
  // Optional external audit review
  {
    id: 'EXT-1', domain: 'external-audit', title: 'ISO 27001 certification review',
    requirement: 'A current ISO 27001 certificate and Statement of Applicability from an accredited body cover the app environment; the certification\'s extra items are still evidenced.',
    thresholds: ['audit within 12 months (15 during re-assessment)'], evidence: ['certificate', 'Statement of Applicability'],
    mode: 'manual', optional: true, sources: ['S1 App. C'], confidence: 'confirmed',
  },
  {
    id: 'EXT-2', domain: 'external-audit', title: 'SOC 2 report review',
    requirement: 'A SOC 2 Type I or II report issued within 15 months, whose period starts within 27 months, covers the app environment and processes.',
    thresholds: ['issued within 15 months', 'period start within 27 months'], evidence: ['SOC 2 report'],
    mode: 'manual', optional: true, sources: ['S1 App. E'], confidence: 'confirmed',
  },
  {
    id: 'EXT-3', domain: 'external-audit', title: 'PCI DSS attestation review',
    requirement: 'A valid Level 1 Attestation of Compliance by a QSA names the app and its components; self-assessments are not accepted.',
    thresholds: ['Level 1 AOC'], evidence: ['AOC'],
    mode: 'manual', optional: true, sources: ['S1 App. D'], confidence: 'confirmed',
  },
];

