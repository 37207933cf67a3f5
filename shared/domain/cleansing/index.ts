/**
 * The data-cleansing engine: turns mapped raw rows into clean canonical values (see DESIGN.md,
 * phase `data_cleansing`). Pure functions, no I/O.
 */
export { compileCleanser } from './compileCleanser.ts';
export { ENVIRONMENTS, normalizeEnvironment } from './environment.ts';
export { CleanserCompileError, CleansingError } from './errors.ts';
export { isNullIp, isNullMac, normaliseFqdn, normaliseIp, normaliseMac } from './network.ts';
export { parseSize, splitNumber } from './numbers.ts';
export { displayOperatingSystem, type ParsedOs, parseOperatingSystem } from './operatingSystem.ts';
export { isPlaceholder } from './placeholders.ts';
export { normalizePowerState, normalizeProtocol, parseBoolean, parseDate } from './values.ts';
