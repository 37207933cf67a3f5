/**
 * Operating-system strings from CMDBs, RVTools (VMware guest OS names), discovery tools and
 * hand-typed spreadsheets, parsed into a product, a version and a family. A version is only given
 * when the string states it: "CentOS 4/5/6/7 (64-bit)" has none, and neither has "Windows".
 */
import { debianVersionOfCodename, ubuntuVersionOfCodename, windowsVersionOfBuild } from './osVersionHints.ts';

/** Result of {@link parseOperatingSystem}. */
export interface ParsedOs {
  product: string | null;
  version: string | null;
  family: 'windows' | 'linux' | 'unix' | 'mainframe' | 'other' | null;
  edition?: string | null;
  architecture?: string | null;
  raw: string;
}

type Family = ParsedOs['family'];

interface Rule {
  readonly pattern: RegExp;
  readonly family: Exclude<Family, null>;
  /** Builds product and version from the match; version undefined/null means "not stated". */
  readonly build: (
    match: RegExpExecArray,
    text: string,
  ) => { product: string | null; version?: string | null };
}

const ARCH_64 = /\b(?:64[- ]?bits?|x64|x86[_-]64|amd64|ppc64(?:le)?|aarch64|arm64|s390x|sparcv9|ia64)\b/i;
const ARCH_32 = /\b(?:32[- ]?bits?|x86|i[3-6]86)\b/i;
const AMBIGUOUS_SET = /^\s*\/\s*\d|^\s*(?:or|and)\s+later|^\s*\+/i;
const SERVER_EDITION =
  /\b(datacenter|standard|enterprise|essentials|foundation|web|storage|small business|hyper-v)\b/i;
const CLIENT_EDITION =
  /\b(professional|pro|home|enterprise|education|ultimate|business|iot enterprise|ltsc|ltsb)\b/i;
const FEATURE_RELEASE = /\b(1[5-9]0[39]|1[5-9][01][19]|20[0-9]{2}|2\dh[12])\b/i;
const NUMBER = '(\\d+(?:\\.\\d+)*)';

const SERVER_YEARS: Readonly<Record<string, string>> = {
  '2k': '2000',
  '2k0': '2000',
  '2k3': '2003',
  '2k8': '2008',
  '2k12': '2012',
  '2k16': '2016',
  '2k19': '2019',
  '2k22': '2022',
  '2k25': '2025',
};

/** Version stated right after a match, unless the text lists alternatives ("4/5/6/7", "2016 or later"). */
function statedVersion(match: RegExpExecArray, group: number, text: string): string | null {
  const version = match[group];
  if (version === undefined) return null;
  const after = text.slice(match.index + match[0].length);
  return AMBIGUOUS_SET.test(after) ? null : version;
}

function windowsServer(match: RegExpExecArray, text: string): { product: string; version: string | null } {
  const year = match[1] ?? SERVER_YEARS[(match[2] ?? '').toLowerCase()] ?? null;
  const sac = match[4];
  if (year === null) return { product: 'Windows Server', version: sac ? sac.toUpperCase() : null };
  const after = text.slice(match.index + match[0].length);
  if (year === '2000' && /professional/i.test(after)) return { product: 'Windows', version: '2000' };
  if (AMBIGUOUS_SET.test(after)) return { product: 'Windows Server', version: null };
  return { product: 'Windows Server', version: match[3] ? `${year} R2` : year };
}

function windowsClient(match: RegExpExecArray, text: string): { product: string; version: string | null } {
  const name = (match[1] ?? '').toLowerCase();
  const base = name === 'xp' ? 'XP' : name === 'vista' ? 'Vista' : name;
  if (base !== '10' && base !== '11') return { product: 'Windows', version: base };
  const feature = FEATURE_RELEASE.exec(text.slice(match.index + match[0].length));
  return { product: 'Windows', version: feature ? `${base} ${(feature[1] ?? '').toUpperCase()}` : base };
}

function suse(match: RegExpExecArray, text: string): { product: string; version: string | null } {
  const desktop = /desktop|sled/i.test(match[0]);
  const major = statedVersion(match, 1, text);
  const product = desktop ? 'SUSE Linux Enterprise Desktop' : 'SUSE Linux Enterprise Server';
  if (major === null) return { product, version: null };
  const sp = match[2];
  return { product, version: sp === undefined ? major : `${major} SP${sp}` };
}

function aix(match: RegExpExecArray): { product: string; version: string | null } {
  const level = /^(\d)(\d)00-(\d{2})/.exec(match[1] ?? '');
  if (level) return { product: 'AIX', version: `${level[1]}.${level[2]} TL${Number(level[3])}` };
  const version = match[2] ?? null;
  if (version === null) return { product: 'AIX', version: null };
  const tl = match[3];
  return { product: 'AIX', version: tl === undefined ? version : `${version} TL${Number(tl)}` };
}

function hpux(match: RegExpExecArray): { product: string; version: string | null } {
  const version = match[1];
  if (version === undefined) return { product: 'HP-UX', version: null };
  const i = /^11i\s*v?(\d)/i.exec(version);
  if (i) return { product: 'HP-UX', version: `11i v${i[1]}` };
  return { product: 'HP-UX', version: version.replace(/^b\.?/i, '') };
}

function numbered(product: string, group = 1) {
  return (match: RegExpExecArray, text: string) => ({ product, version: statedVersion(match, group, text) });
}

const RULES: readonly Rule[] = [
  {
    pattern:
      /\b(?:microsoft\s+)?(?:windows|win|ws|w)[\s_-]*(?:(?:server|srv|svr)[\s_,-]*)?(?:(20(?:00|03|08|12|16|19|22|25))|(2k(?:0|3|8|12|16|19|22|25)?))[\s_-]*(r2)?(?![0-9])()/i,
    family: 'windows',
    build: windowsServer,
  },
  {
    pattern: /\b(?:microsoft\s+)?windows\s+server(?:[\s,]+(?:version\s+)?(1[5-9]0[39]|2\dh[12]))?()()()/i,
    family: 'windows',
    build: (match) => ({ product: 'Windows Server', version: match[1] ? match[1].toUpperCase() : null }),
  },
  {
    pattern: /\b(?:microsoft\s+)?win(?:dows)?[\s_-]*(xp|vista|7|8\.1|8|10|11)(?![0-9.])/i,
    family: 'windows',
    build: windowsClient,
  },
  {
    pattern: /\b(?:microsoft\s+)?windows\s+nt(?:\s+(\d+\.\d+))?/i,
    family: 'windows',
    build: (match) => ({ product: 'Windows NT', version: match[1] ?? null }),
  },
  {
    pattern: new RegExp(
      `\\b(?:red\\s*hat\\s+enterprise\\s+linux|rhel)(?:\\s+(?:server|workstation|es|as|ws|for\\s+\\w+))?(?:\\s+release)?[\\s-]*v?${NUMBER}?`,
      'i',
    ),
    family: 'linux',
    build: numbered('Red Hat Enterprise Linux'),
  },
  {
    pattern: new RegExp(`\\bcentos\\s+stream\\s*${NUMBER}?`, 'i'),
    family: 'linux',
    build: numbered('CentOS Stream'),
  },
  {
    pattern: new RegExp(`\\bcentos(?:\\s+linux)?(?:\\s+release)?[\\s-]*${NUMBER}?`, 'i'),
    family: 'linux',
    build: numbered('CentOS'),
  },
  {
    pattern: new RegExp(
      `\\boracle\\s+(?:enterprise\\s+)?linux(?:\\s+server)?(?:\\s+release)?\\s*${NUMBER}?`,
      'i',
    ),
    family: 'linux',
    build: numbered('Oracle Linux'),
  },
  {
    pattern: new RegExp(`\\b(?:oel|ol)[\\s-]?${NUMBER}(?![\\w.])`, 'i'),
    family: 'linux',
    build: numbered('Oracle Linux'),
  },
  {
    pattern:
      /\b(?:suse\s+linux\s+enterprise(?:\s+(?:server|desktop))?|sles|sled)(?:\s+for\s+sap(?:\s+applications)?)?[\s-]*(\d+)?(?:(?:\.|[\s-]*(?:sp|service\s*pack)\s*)(\d+))?/i,
    family: 'linux',
    build: suse,
  },
  {
    pattern: new RegExp(`\\bopensuse(?:\\s+(?:leap|tumbleweed))?\\s*${NUMBER}?`, 'i'),
    family: 'linux',
    build: numbered('openSUSE'),
  },
  {
    pattern:
      /\bubuntu(?:\s+linux)?(?:\s+server)?\s*(\d{1,2}\.\d{2}(?:\.\d+)?)?(?:\s+lts)?(?:\s*\(?(\w+)\)?)?/i,
    family: 'linux',
    build: (match, text) => ({
      product: 'Ubuntu',
      version: statedVersion(match, 1, text) ?? ubuntuVersionOfCodename(match[2] ?? ''),
    }),
  },
  {
    pattern: /\bdebian(?:\s+gnu\/linux)?\s*(\d+(?:\.\d+)?)?(?:\s*\(?(\w+)\)?)?/i,
    family: 'linux',
    build: (match, text) => ({
      product: 'Debian',
      version: statedVersion(match, 1, text) ?? debianVersionOfCodename(match[2] ?? ''),
    }),
  },
  {
    pattern: /\bamazon\s+linux(?:\s+(2023|2|ami))?/i,
    family: 'linux',
    build: (match) => ({ product: 'Amazon Linux', version: match[1] ? match[1].toUpperCase() : null }),
  },
  {
    pattern: new RegExp(`\\brocky(?:\\s+linux)?\\s*${NUMBER}?`, 'i'),
    family: 'linux',
    build: numbered('Rocky Linux'),
  },
  {
    pattern: new RegExp(`\\balma\\s*linux\\s*${NUMBER}?`, 'i'),
    family: 'linux',
    build: numbered('AlmaLinux'),
  },
  {
    pattern: new RegExp(`\\bfedora(?:\\s+linux)?\\s*${NUMBER}?`, 'i'),
    family: 'linux',
    build: numbered('Fedora'),
  },
  {
    pattern: new RegExp(`\\b(?:vmware\\s+)?photon\\s*os\\s*${NUMBER}?`, 'i'),
    family: 'linux',
    build: numbered('Photon OS'),
  },
  {
    pattern: new RegExp(`\\bred\\s*hat\\s+linux\\s*${NUMBER}?`, 'i'),
    family: 'linux',
    build: numbered('Red Hat Linux'),
  },
  {
    pattern: new RegExp(`\\b(?:(?:oracle|sun)\\s+)?solaris\\s*${NUMBER}?`, 'i'),
    family: 'unix',
    build: numbered('Solaris'),
  },
  {
    pattern: /\bsunos\s*5\.(\d+)/i,
    family: 'unix',
    build: (match) => ({ product: 'Solaris', version: match[1] ?? null }),
  },
  {
    pattern:
      /\b(?:ibm\s+)?aix(?:\s+(\d{4}-\d{2}[-\d]*))?(?:\s*v?(\d+\.\d+(?:\.\d+)?))?(?:\s*(?:tl|technology\s+level)\s*(\d+))?/i,
    family: 'unix',
    build: aix,
  },
  { pattern: /\bhp-?ux\s*(11i\s*v?\d|11i|b?\.?\d+\.\d+)?/i, family: 'unix', build: hpux },
  { pattern: new RegExp(`\\bfreebsd\\s*${NUMBER}?`, 'i'), family: 'unix', build: numbered('FreeBSD') },
  { pattern: new RegExp(`\\bopenbsd\\s*${NUMBER}?`, 'i'), family: 'unix', build: numbered('OpenBSD') },
  { pattern: new RegExp(`\\bnetbsd\\s*${NUMBER}?`, 'i'), family: 'unix', build: numbered('NetBSD') },
  { pattern: new RegExp(`\\bunixware\\s*${NUMBER}?`, 'i'), family: 'unix', build: numbered('UnixWare') },
  {
    pattern: new RegExp(`\\bsco\\s+openserver\\s*${NUMBER}?`, 'i'),
    family: 'unix',
    build: numbered('SCO OpenServer'),
  },
  { pattern: new RegExp(`\\bz\\/?os\\s*v?${NUMBER}?`, 'i'), family: 'mainframe', build: numbered('z/OS') },
  { pattern: new RegExp(`\\bz\\/?vm\\s*v?${NUMBER}?`, 'i'), family: 'mainframe', build: numbered('z/VM') },
  { pattern: new RegExp(`\\bz\\/?vse\\s*v?${NUMBER}?`, 'i'), family: 'mainframe', build: numbered('z/VSE') },
  { pattern: new RegExp(`\\bos\\/390\\s*v?${NUMBER}?`, 'i'), family: 'mainframe', build: numbered('OS/390') },
  {
    pattern: /\b(?:ibm\s+i|os\/400|i5\/os)\s*v?(\d+)(?:\.|r)(\d+)/i,
    family: 'other',
    build: (match) => ({ product: 'IBM i', version: `${match[1]}.${match[2]}` }),
  },
  {
    pattern: new RegExp(`\\b(?:vmware\\s+)?esxi?\\s*${NUMBER}?`, 'i'),
    family: 'other',
    build: numbered('VMware ESXi'),
  },
  {
    pattern: new RegExp(`\\b(?:mac\\s*os(?:\\s*x)?|macos|os\\s*x)\\s*${NUMBER}?`, 'i'),
    family: 'other',
    build: numbered('macOS'),
  },
  { pattern: new RegExp(`\\bnetware\\s*${NUMBER}?`, 'i'), family: 'other', build: numbered('NetWare') },
  { pattern: /\bwindows\b|\bwin(?:32|64)?\b/i, family: 'windows', build: () => ({ product: null }) },
  { pattern: /\blinux\b/i, family: 'linux', build: () => ({ product: null }) },
  { pattern: /\bunix\b/i, family: 'unix', build: () => ({ product: null }) },
  { pattern: /^other\b/i, family: 'other', build: () => ({ product: null }) },
];

function architectureOf(text: string): string | null {
  if (ARCH_64.test(text)) return '64-bit';
  if (ARCH_32.test(text)) return '32-bit';
  return null;
}

function editionOf(family: Family, product: string | null, text: string): string | null {
  if (family !== 'windows' || product === null) return null;
  const pattern = product === 'Windows Server' ? SERVER_EDITION : CLIENT_EDITION;
  const match = pattern.exec(text);
  if (!match) return null;
  const word = (match[1] ?? '').toLowerCase();
  if (word === 'pro') return 'Pro';
  return word
    .replace(/\b\w/g, (c) => c.toUpperCase())
    .replace(/\b(Ltsc|Ltsb|Iot)\b/g, (w) => w.toUpperCase());
}

const TRADEMARKS = /\((?:r|tm)\)|[®™]/gi;

function parseText(original: string): ParsedOs {
  const text = original.replace(TRADEMARKS, '');
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const { product, version } = rule.build(match, text);
    return {
      product,
      version: product === null ? null : (version ?? null),
      family: rule.family,
      edition: editionOf(rule.family, product, text),
      architecture: architectureOf(text),
      raw: original,
    };
  }
  return {
    product: null,
    version: null,
    family: null,
    edition: null,
    architecture: architectureOf(text),
    raw: original,
  };
}

/** A version column's value reduced to a version: "7.9.2009", "18.04.6 LTS" → "18.04.6", builds → releases. */
function versionFromHint(parsed: ParsedOs, hint: string): string | null {
  const text = hint.replace(/\([^)]*\)/g, ' ').trim();
  if (text === '') return null;
  if (parsed.product === 'Windows Server' || parsed.product === 'Windows') {
    const fromBuild = windowsVersionOfBuild(text, parsed.product);
    if (fromBuild !== null) return fromBuild;
    const reparsed = parseText(`${parsed.product} ${text}`);
    return reparsed.product === parsed.product ? reparsed.version : null;
  }
  if (parsed.product === 'Ubuntu')
    return /^\d/.test(text) ? (/^[\d.]+/.exec(text)?.[0] ?? null) : ubuntuVersionOfCodename(text);
  if (parsed.product === 'Debian')
    return /^\d/.test(text) ? (/^[\d.]+/.exec(text)?.[0] ?? null) : debianVersionOfCodename(text);
  const numeric = /^v?(\d+(?:\.\d+)*(?:\s*(?:sp|tl)\s*\d+)?)/i.exec(text);
  if (!numeric) return null;
  return (numeric[1] ?? '').replace(/\s*(sp|tl)\s*/i, (_, word: string) => ` ${word.toUpperCase()}`);
}

/**
 * Parses an operating-system string into product, version, family, edition and architecture.
 * `versionHint` is a separate OS-version column: it fills a version the name does not state
 * ("Microsoft Windows Server" + "10.0.17763" → 2019) or refines it ("CentOS 7" + "7.9.2009").
 *
 * @example parseOperatingSystem('Microsoft Windows Server 2008 R2 (64-bit)')
 *   // → { product: 'Windows Server', version: '2008 R2', family: 'windows', architecture: '64-bit', ... }
 * @example parseOperatingSystem('CentOS 4/5/6/7 (64-bit)') // → { product: 'CentOS', version: null, ... }
 */
export function parseOperatingSystem(raw: string, versionHint?: string | null): ParsedOs {
  const text = raw.trim();
  const hint = versionHint?.trim() ?? '';
  if (text === '' && hint !== '') return { ...parseText(hint), raw };
  const parsed = { ...parseText(text), raw };
  if (hint === '' || parsed.product === null) {
    if (parsed.product === null && hint !== '') {
      const fromHint = parseText(hint);
      if (fromHint.product !== null)
        return { ...fromHint, raw, architecture: parsed.architecture ?? fromHint.architecture };
    }
    return parsed;
  }
  const hinted = versionFromHint(parsed, hint);
  if (hinted === null) return parsed;
  if (
    parsed.version === null ||
    hinted.startsWith(`${parsed.version}.`) ||
    hinted.startsWith(`${parsed.version} `)
  ) {
    return { ...parsed, version: hinted };
  }
  return parsed;
}

/** Display string of a parsed OS: "Windows Server 2008 R2", "Ubuntu"; the trimmed raw text when no product is known. */
export function displayOperatingSystem(parsed: ParsedOs): string {
  if (parsed.product === null) return parsed.raw.trim();
  return parsed.version === null ? parsed.product : `${parsed.product} ${parsed.version}`;
}
