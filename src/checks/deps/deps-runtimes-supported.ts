// Unsupported software (OPS-5 [S1]; pentest automatic fail on unsupported components): no end-of-life runtime, framework or base image.
import { defineCheck } from '../../engine/define-check.ts';
import { describeRuntime } from '../../extract/runtimes/index.ts';

export const check = defineCheck({
  meta: {
    id: 'deps-runtimes-supported',
    title: 'Runtimes, frameworks and base images are supported',
    domain: 'deps',
    severity: 'high',
    controls: ['OPS-5'],
    appliesTo: [],
    description: 'Reads the Node.js, .NET, Python, Azure Functions and base-image versions the tree declares (package.json engines, .nvmrc, .python-version, Dockerfiles, target frameworks, CI setup steps, App Service and Functions settings in Bicep, Terraform and ARM, SPFx versions and the Node.js their toolchain needs) and fails on any past its end of support in m365cert\'s dated lifecycle table. Versions the table does not know are listed, not passed silently.',
    remediation: 'Move to a supported release (for Node.js an active LTS, for .NET a supported LTS, for Python a release in its support window), update the image tags and pipeline versions, and redeploy; for SPFx, upgrade to a version whose toolchain runs on a supported Node.js.',
    references: ['https://github.com/nodejs/Release', 'https://dotnet.microsoft.com/platform/support/policy/dotnet-core', 'https://devguide.python.org/versions/', 'https://learn.microsoft.com/sharepoint/dev/spfx/compatibility'],
    messages: {
      endOfLife: '{{runtime}} ({{declared}}) reached end of support on {{endsOn}}',
      spfxToolchain: '{{declared}}: every Node.js this SPFx version supports is past end of support (newest, {{runtime}}, since {{endsOn}})',
    },
  },
  run(inventory, context) {
    const uses = inventory.runtimes ?? [];
    if (!uses.length) return context.notApplicable('no runtime, framework or base-image version is declared in the tree');
    const unknown = [...new Set(uses.filter((use) => use.support.status === 'unknown').map(describeRuntime))];
    if (unknown.length) context.notAssessed(`not in the lifecycle table: ${unknown.join(', ')}`);
    for (const use of uses) {
      if (use.support.status !== 'end-of-life') continue;
      context.report({
        messageId: use.via === 'spfx' ? 'spfxToolchain' : 'endOfLife',
        data: { runtime: describeRuntime(use), declared: use.declared, endsOn: use.support.endsOn ?? '' },
        at: { file: use.file, line: use.line },
        key: `${use.product}|${use.cycle}|${use.declared}`,
      });
    }
  },
});
