/**
 * End-of-support dates of the runtimes, frameworks and base images apps are built on: m365cert's own curated
 * table (certification: "no unsupported OS or software components", OPS-5 [S1]). Dated: reviewed 2026-11-28.
 * A cycle missing here is reported as "unknown", never as supported.
 *
 * Sources:
 * - Node.js: https://github.com/nodejs/Release (schedule.json) — odd majors end two months after the next even
 *   one starts LTS; even majors 30 months after release.
 * - .NET and .NET Core: https://dotnet.microsoft.com/platform/support/policy/dotnet-core (STS releases have 24
 *   months of support since .NET 9: https://devblogs.microsoft.com/dotnet/dotnet-sts-releases-supported-for-24-months/).
 * - .NET Framework: https://learn.microsoft.com/lifecycle/products/microsoft-net-framework (4.5.2, 4.6, 4.6.1
 *   retired 2022-04-26; 4.6.2 on 2027-01-12; 4.7 and later follow the Windows release they ship with).
 * - Python: https://devguide.python.org/versions/ (end of life in October of the fifth year).
 * - Debian: https://wiki.debian.org/LTS ; Ubuntu: https://ubuntu.com/about/release-cycle (standard support);
 *   Alpine: https://alpinelinux.org/releases/ (main repository support).
 * - Azure Functions runtime: https://learn.microsoft.com/azure/azure-functions/functions-versions (1.x on
 *   2026-09-14, 2.x and 3.x on 2022-12-13).
 */

export type Product = 'nodejs' | 'dotnet' | 'dotnet-framework' | 'python' | 'debian' | 'ubuntu' | 'alpine' | 'azure-functions';

export const PRODUCT_NAMES: Record<Product, string> = {
  nodejs: 'Node.js',
  dotnet: '.NET',
  'dotnet-framework': '.NET Framework',
  python: 'Python',
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  alpine: 'Alpine Linux',
  'azure-functions': 'Azure Functions runtime',
};

/** End of support (last day) by product and release cycle; undefined = no announced end. */
export const END_OF_SUPPORT: Record<Product, Record<string, string | null>> = {
  nodejs: {
    '4': '2018-04-30', '6': '2019-04-30', '8': '2019-12-31', '10': '2021-04-30', '11': '2019-06-01', '12': '2022-04-30', '13': '2020-06-01',
    '14': '2023-04-30', '15': '2021-06-01', '16': '2023-09-11', '17': '2022-06-01', '18': '2025-04-30', '19': '2023-06-01', '20': '2026-04-30',
    '21': '2024-06-01', '22': '2027-04-30', '23': '2025-06-01', '24': '2028-04-30', '25': '2026-06-01', '26': '2029-04-30',
  },
  dotnet: {
    '1.0': '2019-06-27', '1.1': '2019-06-27', '2.0': '2018-10-01', '2.1': '2021-08-21', '2.2': '2019-12-23', '3.0': '2020-03-03', '3.1': '2022-12-13',
    '5.0': '2022-05-10', '6.0': '2024-11-12', '7.0': '2024-05-14', '8.0': '2026-11-10', '9.0': '2026-11-10', '10.0': '2028-11-14',
  },
  'dotnet-framework': {
    '2.0': '2011-07-12', '3.0': '2011-07-12', '3.5': '2029-01-09', '4.0': '2016-01-12', '4.5': '2016-01-12', '4.5.1': '2016-01-12', '4.5.2': '2022-04-26',
    '4.6': '2022-04-26', '4.6.1': '2022-04-26', '4.6.2': '2027-01-12', '4.7': null, '4.7.1': null, '4.7.2': null, '4.8': null, '4.8.1': null,
  },
  python: {
    '2.7': '2020-01-01', '3.5': '2020-09-13', '3.6': '2021-12-23', '3.7': '2023-06-27', '3.8': '2024-10-07', '3.9': '2025-10-31',
    '3.10': '2026-10-31', '3.11': '2027-10-31', '3.12': '2028-10-31', '3.13': '2029-10-31', '3.14': '2030-10-31',
  },
  debian: { '8': '2020-06-30', '9': '2022-06-30', '10': '2024-06-30', '11': '2026-08-31', '12': '2028-06-30', '13': '2030-06-30' },
  ubuntu: { '16.04': '2021-04-30', '18.04': '2023-05-31', '20.04': '2025-05-31', '22.04': '2027-06-01', '24.04': '2029-05-31' },
  alpine: {
    '3.12': '2022-05-01', '3.13': '2022-11-01', '3.14': '2023-05-01', '3.15': '2023-11-01', '3.16': '2024-05-23', '3.17': '2024-11-22', '3.18': '2025-05-09',
    '3.19': '2025-11-01', '3.20': '2026-04-01', '3.21': '2026-11-01', '3.22': '2027-05-01', '3.23': '2027-11-01',
  },
  'azure-functions': { '1': '2026-09-14', '2': '2022-12-13', '3': '2022-12-13', '4': null },
};

/** Debian and Node.js release code names as images and version files write them. */
export const DEBIAN_CODENAMES: Record<string, string> = { jessie: '8', stretch: '9', buster: '10', bullseye: '11', bookworm: '12', trixie: '13' };
export const UBUNTU_CODENAMES: Record<string, string> = { xenial: '16.04', bionic: '18.04', focal: '20.04', jammy: '22.04', noble: '24.04' };
export const NODE_CODENAMES: Record<string, string> = { argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24' };

/**
 * SharePoint Framework versions and the Node.js majors their toolchain supports
 * (https://learn.microsoft.com/sharepoint/dev/spfx/compatibility). An SPFx version whose every supported
 * Node.js is past its end of support can only be built on unsupported software.
 */
export const SPFX_NODE: Record<string, string[]> = {
  '1.4': ['6', '8'], '1.5': ['6', '8'], '1.6': ['6', '8'], '1.7': ['8'], '1.8': ['8', '10'], '1.9': ['8', '10'], '1.10': ['8', '10'], '1.11': ['10'],
  '1.12': ['10', '12', '14'], '1.13': ['12', '14'], '1.14': ['12', '14'], '1.15': ['12', '14', '16'], '1.16': ['16'], '1.17': ['16'], '1.18': ['16', '18'],
  '1.19': ['18'], '1.20': ['18'], '1.21': ['22'], '1.22': ['22'],
};

export type SupportStatus = 'supported' | 'end-of-life' | 'unknown';

export interface Support {
  status: SupportStatus;
  /** Last day of support, when announced. */
  endsOn?: string;
}

export function supportOf(product: Product, cycle: string, now: Date): Support {
  const table = END_OF_SUPPORT[product];
  if (!Object.hasOwn(table, cycle)) return { status: 'unknown' };
  const endsOn = table[cycle];
  if (!endsOn) return { status: 'supported' };
  return { status: Date.parse(`${endsOn}T23:59:59Z`) < now.getTime() ? 'end-of-life' : 'supported', endsOn };
}
