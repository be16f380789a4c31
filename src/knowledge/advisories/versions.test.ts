import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { versionScheme } from './versions.ts';
import type { Ecosystem } from '../../extract/dependencies/types.ts';

/** Each list is in ascending order; equal versions share an inner array. */
function assertOrder(ecosystem: Ecosystem, ordered: (string | string[])[]) {
  const { compare } = versionScheme(ecosystem);
  const groups = ordered.map((item) => (Array.isArray(item) ? item : [item]));
  groups.forEach((group, i) => {
    for (const a of group) for (const b of group) assert.equal(compare(a, b), 0, `${ecosystem}: ${a} = ${b}`);
    for (const later of groups.slice(i + 1)) for (const a of group) for (const b of later) {
      assert.equal(compare(a, b), -1, `${ecosystem}: ${a} < ${b}`);
      assert.equal(compare(b, a), 1, `${ecosystem}: ${b} > ${a}`);
    }
  });
}

describe('version ordering per ecosystem', () => {
  it('SemVer 2.0.0 (npm): pre-release rules of the specification, build metadata ignored', () => {
    assertOrder('npm', ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', ['1.0.0', '1.0.0+build.5'], '1.0.1', '1.10.0', '2.0.0']);
    assert.equal(versionScheme('npm').valid('1.0'), true);
    assert.equal(versionScheme('npm').valid('1.0.0.0'), false);
    assert.equal(versionScheme('npm').valid('latest'), false);
  });

  it('Go: the v prefix and pseudo-versions', () => {
    assertOrder('Go', ['v0.0.0-20210101000000-abcdef123456', 'v0.1.0', ['v1.9.0', '1.9.0'], 'v1.9.1', 'v2.0.0-rc.1', 'v2.0.0']);
  });

  it('NuGet: four parts, missing parts are zero, labels case-insensitive', () => {
    assertOrder('NuGet', ['1.0.0-Beta', ['1.0.0-RC1', '1.0.0-rc1'], ['1.0', '1.0.0', '1.0.0.0'], '1.0.0.1', '1.0.1', '13.0.1']);
  });

  it('PEP 440: epochs, dev < pre < final < post, normalised spellings, local versions', () => {
    assertOrder('PyPI', ['1.0.dev0', ['1.0a1', '1.0alpha1', '1.0-a.1'], '1.0b2.post3', ['1.0rc1', '1.0c1', '1.0pre1'], ['1.0', '1.0.0', 'v1.0'], '1.0+local.7', ['1.0.post1', '1.0-1', '1.0r1'], '1.1.dev1', '1.1', '2.0', '1!0.1']);
    assert.equal(versionScheme('PyPI').valid('not-a-version'), false);
  });

  it('Maven ComparableVersion: qualifiers, release aliases, trailing zeros', () => {
    assertOrder('Maven', ['1.0-alpha-1', ['1.0-beta-1', '1.0-b1'], '1.0-milestone-1', ['1.0-rc-1', '1.0-cr-1', '1.0-RC1'], '1.0-SNAPSHOT', ['1', '1.0', '1.0.0', '1.0-ga', '1.0.RELEASE', '1.0-final'], '1.0-sp-1', '1.0.1', '1.0.10', '2.13.0', '2.13.4.1', '5.3.18', '5.3.20']);
  });

  it('hostile version text is refused or ordered without crashing, in every scheme', () => {
    const huge = ['1'.repeat(100_000), `${'1.'.repeat(50_000)}x`, `1.0-${'a'.repeat(100_000)}`, '\u0000', '', '💥'];
    for (const ecosystem of ['npm', 'Go', 'NuGet', 'PyPI', 'Maven'] as const) {
      const scheme = versionScheme(ecosystem);
      for (const text of huge) {
        if (!scheme.valid(text)) assert.throws(() => scheme.compare(text, '1.0.0'), /is not a/);
        else assert.equal(typeof scheme.compare(text, '1.0.0'), 'number');
      }
    }
  });
});
