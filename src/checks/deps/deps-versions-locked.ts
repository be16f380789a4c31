// Patch management and the software inventory (OPS-5 [S1]): what is installed must be known to be patched; a lockfile pins it.
import { defineCheck } from '../../engine/define-check.ts';

export const check = defineCheck({
  meta: {
    id: 'deps-versions-locked',
    title: 'Dependency versions are locked',
    domain: 'deps',
    severity: 'low',
    controls: ['OPS-5'],
    appliesTo: [],
    description: 'Finds manifests whose dependencies carry ranges instead of exact versions and no lockfile beside them (package.json without package-lock/yarn/pnpm lockfile, requirements with unpinned specifiers, project files with version ranges, pom.xml versions from outside the pom): the installed versions, and so their vulnerabilities, cannot be known from the repository.',
    remediation: 'Commit the lockfile (package-lock.json, yarn.lock, pnpm-lock.yaml, packages.lock.json with RestorePackagesWithLockFile, poetry.lock/uv.lock or pip-compile output) so builds install exactly what was assessed.',
    references: ['https://docs.npmjs.com/cli/configuring-npm/package-lock-json', 'https://learn.microsoft.com/nuget/consume-packages/package-references-in-project-files#locking-dependencies'],
    messages: {
      unlocked: '{{count}} dependenc{{plural}} without an exact version and no lockfile (e.g. {{examples}}): installed versions cannot be assessed',
    },
  },
  run(inventory, context) {
    const dependencies = inventory.dependencies ?? [];
    if (!dependencies.length) return context.notApplicable('no lockfile or package manifest in the tree');
    const byFile = new Map<string, typeof dependencies[number][]>();
    for (const dependency of dependencies) {
      if (dependency.version) continue;
      const list = byFile.get(dependency.file) ?? [];
      list.push(dependency);
      byFile.set(dependency.file, list);
    }
    for (const [file, unlocked] of byFile) {
      context.report({
        messageId: 'unlocked',
        data: { count: unlocked.length, plural: unlocked.length === 1 ? 'y' : 'ies', examples: unlocked.slice(0, 3).map((d) => `${d.name} ${d.requested ?? ''}`.trim()).join(', ') },
        at: { file, line: unlocked[0]!.line },
        key: file,
      });
    }
  },
});
