/**
 * The field-mapping engine (no LLM): header normalisation, value profiling,
 * scoring, one-to-one assignment, tenant learning and file-kind detection.
 */
export { InvalidLearnedRuleError } from './errors.ts';
export { detectFileKind } from './fileKind.ts';
export { analyzeHeader, type HeaderAnalysis, normalizeHeader } from './headerNormalizer.ts';
export { type MapColumnsOptions, mapColumns } from './mapColumns.ts';
export { inferType, profileFromSamples } from './sampleProfile.ts';
export { detectSizeUnit, type UnitGuess } from './units.ts';
