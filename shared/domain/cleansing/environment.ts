/**
 * Environment names normalised to one vocabulary, so that "PRD", "Prod", "Production" and "PROD-EU"
 * group together in the inventory, move groups and wave plans.
 */
import { isPlaceholder } from './placeholders.ts';

/** Canonical environment names, most common first. */
export const ENVIRONMENTS = [
  'production',
  'staging',
  'test',
  'development',
  'qa',
  'uat',
  'dr',
  'sandbox',
  'training',
  'integration',
  'performance',
  'demo',
  'non-production',
] as const;

const TOKENS: Readonly<Record<string, string>> = {
  production: 'production',
  prod: 'production',
  prd: 'production',
  prod1: 'production',
  live: 'production',
  prodn: 'production',
  p: 'production',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  stag: 'staging',
  preprod: 'staging',
  preproduction: 'staging',
  pprd: 'staging',
  test: 'test',
  testing: 'test',
  tst: 'test',
  tests: 'test',
  t: 'test',
  development: 'development',
  dev: 'development',
  devel: 'development',
  develop: 'development',
  dvl: 'development',
  d: 'development',
  qa: 'qa',
  qas: 'qa',
  quality: 'qa',
  uat: 'uat',
  acceptance: 'uat',
  acc: 'uat',
  acpt: 'uat',
  dr: 'dr',
  bcp: 'dr',
  disaster: 'dr',
  recovery: 'dr',
  sandbox: 'sandbox',
  sbx: 'sandbox',
  lab: 'sandbox',
  poc: 'sandbox',
  training: 'training',
  train: 'training',
  trn: 'training',
  education: 'training',
  integration: 'integration',
  int: 'integration',
  sit: 'integration',
  performance: 'performance',
  perf: 'performance',
  load: 'performance',
  demo: 'demo',
  nonprod: 'non-production',
  nonproduction: 'non-production',
  np: 'non-production',
};

const SPLIT = /[^a-z0-9]+/;
const NON_PROD = /^non[\s_-]?(prod|production|prd)\b/;
const PRE_PROD = /^pre[\s_-]?(prod|production|prd)\b/;

/**
 * Normalises an environment cell: 'production' | 'staging' | 'test' | 'development' | 'qa' | 'uat' |
 * 'dr' | 'sandbox' | 'training' | 'integration' | 'performance' | 'demo' | 'non-production'.
 * The first recognised token decides ("PROD-EU" → production, "Dev/Test" → development); a value with no
 * recognised token is kept lower-cased (never dropped); empty cells and placeholders give null.
 */
export function normalizeEnvironment(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '' || isPlaceholder(trimmed)) return null;
  const lower = trimmed.toLowerCase();
  if (NON_PROD.test(lower)) return 'non-production';
  if (PRE_PROD.test(lower)) return 'staging';
  const whole = TOKENS[lower.replace(/[\s_-]+/g, '')];
  if (whole !== undefined) return whole;
  for (const token of lower.split(SPLIT)) {
    const known = TOKENS[token];
    // Single letters only count when they are the whole value ("P"), not inside "PROD-EU-1-A".
    if (known !== undefined && token.length > 1) return known;
  }
  return lower;
}
