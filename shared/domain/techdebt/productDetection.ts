/**
 * Recognises which lifecycle product an asset field names: the OS (through the cleansing OS parser),
 * the database engine, the hypervisor and language runtimes mentioned in custom attributes or the
 * description. Only names are recognised here; versions are matched in versionResolution.ts.
 */
import { type ParsedOs, parseOperatingSystem } from '#domain/cleansing/operatingSystem.ts';

/** A recognised product: its dataset key (null when the dataset does not cover it) and display name. */
export interface DetectedProduct {
  readonly key: string | null;
  readonly name: string;
}

const OS_KEYS: Readonly<Record<string, string>> = {
  'Windows Server': 'windows-server',
  Windows: 'windows',
  'Red Hat Enterprise Linux': 'rhel',
  CentOS: 'centos',
  Ubuntu: 'ubuntu',
  Debian: 'debian',
  'SUSE Linux Enterprise Server': 'sles',
  'Oracle Linux': 'oracle-linux',
  Solaris: 'solaris',
  AIX: 'aix',
  'VMware ESXi': 'esxi',
};

/** Dataset key of a parsed OS product, or null when the dataset does not cover it. */
export function osProductKey(parsed: ParsedOs): string | null {
  return parsed.product === null ? null : (OS_KEYS[parsed.product] ?? null);
}

/** Parses the OS fields of an asset. */
export function detectOs(operatingSystem: string, osVersion: string): ParsedOs {
  return parseOperatingSystem(operatingSystem, osVersion);
}

const DATABASES: readonly (readonly [RegExp, string, string])[] = [
  [/sql\s*server|mssql|ms[\s-]sql/i, 'mssqlserver', 'Microsoft SQL Server'],
  [/mariadb/i, 'mariadb', 'MariaDB'],
  [/mysql/i, 'mysql', 'MySQL'],
  [/postgre|pgsql|\bpg\b/i, 'postgresql', 'PostgreSQL'],
  [/mongo/i, 'mongodb', 'MongoDB'],
  [/oracle/i, 'oracle-database', 'Oracle Database'],
];

/** Recognises a database engine ("MSSQL", "Microsoft SQL Server 2016", "Oracle 19c", "Postgres"). */
export function detectDatabase(engine: string): DetectedProduct | null {
  const text = engine.trim();
  if (text === '') return null;
  for (const [pattern, key, name] of DATABASES) if (pattern.test(text)) return { key, name };
  return { key: null, name: text };
}

/** Recognises a hypervisor: VMware ESXi/vSphere (dataset), Hyper-V (judged as its Windows Server release), others by name. */
export function detectHypervisor(platform: string): DetectedProduct | null {
  const text = platform.trim();
  if (text === '') return null;
  if (/\besxi?\b|vsphere/i.test(text)) return { key: 'esxi', name: 'VMware ESXi' };
  if (/hyper-?v/i.test(text)) return { key: 'windows-server', name: 'Microsoft Hyper-V' };
  return { key: null, name: text };
}

const RUNTIME_MENTION =
  /(?<![\w.])(node(?:\.?js)?|python|php|\.net(?:\s*core|\s*framework)?|dotnet|openjdk|java|jdk|jre)\s*v?(\d+(?:\.\d+)*)/gi;

/** A runtime and the version text found with it. */
export interface RuntimeMention {
  readonly product: DetectedProduct;
  readonly version: string;
}

function runtimeProduct(word: string): DetectedProduct {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  if (lower.startsWith('node')) return { key: 'nodejs', name: 'Node.js' };
  if (lower === 'python') return { key: 'python', name: 'Python' };
  if (lower === 'php') return { key: 'php', name: 'PHP' };
  if (lower === '.net framework') return { key: null, name: '.NET Framework' };
  if (lower.startsWith('.net') || lower === 'dotnet') return { key: 'dotnet', name: '.NET' };
  return { key: null, name: 'Java' };
}

/** Java's "1.8.0_291" is Java 8. */
function runtimeVersion(product: DetectedProduct, version: string): string {
  if (product.name === 'Java') {
    const legacy = /^1\.(\d+)/.exec(version);
    if (legacy) return legacy[1] ?? version;
  }
  return version;
}

/** Finds runtime mentions ("Node.js 14", "Python 2.7", "PHP 7.4", ".NET 6", "Java 8") in a text. */
export function detectRuntimes(text: string): RuntimeMention[] {
  const found: RuntimeMention[] = [];
  for (const match of text.matchAll(RUNTIME_MENTION)) {
    const product = runtimeProduct(match[1] ?? '');
    found.push({ product, version: runtimeVersion(product, match[2] ?? '') });
  }
  return found;
}

const RUNTIME_KEY = /\b(runtime|java|jdk|jre|node(?:\.?js)?|python|php|\.net|dotnet)\b/i;

/** Runtime mentions in custom attributes: a runtime-named column ("Java Version": "1.8.0_291") or a value naming one. */
export function detectRuntimesInAttributes(attributes: Readonly<Record<string, string>>): RuntimeMention[] {
  const found: RuntimeMention[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const keyWord = RUNTIME_KEY.exec(key)?.[1];
    if (keyWord === undefined) continue;
    const inValue = detectRuntimes(value);
    if (inValue.length > 0) {
      found.push(...inValue);
      continue;
    }
    const version = /^\s*v?(\d+(?:\.\d+)*)/.exec(value)?.[1];
    if (version !== undefined && keyWord.toLowerCase() !== 'runtime') {
      const product = runtimeProduct(keyWord);
      found.push({ product, version: runtimeVersion(product, version) });
    }
  }
  return found;
}
