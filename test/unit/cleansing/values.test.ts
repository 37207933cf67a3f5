import { describe, expect, it } from 'vitest';
import {
  isPlaceholder,
  normaliseFqdn,
  normaliseIp,
  normaliseMac,
  normalizeEnvironment,
  normalizePowerState,
  normalizeProtocol,
  parseBoolean,
  parseDate,
  parseSize,
  splitNumber,
} from '#domain/cleansing/index.ts';

describe('normalizeEnvironment', () => {
  it.each([
    ['PRD', 'production'],
    ['Prod', 'production'],
    ['Production', 'production'],
    ['PROD-EU', 'production'],
    ['prod_us_east', 'production'],
    ['Live', 'production'],
    ['Pre-Prod', 'staging'],
    ['Staging', 'staging'],
    ['STG', 'staging'],
    ['Test', 'test'],
    ['TST', 'test'],
    ['Dev', 'development'],
    ['Development', 'development'],
    ['Dev/Test', 'development'],
    ['QA', 'qa'],
    ['UAT', 'uat'],
    ['User Acceptance', 'uat'],
    ['DR', 'dr'],
    ['Disaster Recovery', 'dr'],
    ['Sandbox', 'sandbox'],
    ['Non-Prod', 'non-production'],
    ['NonProduction', 'non-production'],
    ['Training', 'training'],
    ['SIT', 'integration'],
    ['P', 'production'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeEnvironment(raw)).toBe(expected);
  });

  it('keeps unrecognised names lower-cased and turns placeholders into null', () => {
    expect(normalizeEnvironment('  Blue Zone ')).toBe('blue zone');
    expect(normalizeEnvironment('N/A')).toBeNull();
    expect(normalizeEnvironment('')).toBeNull();
  });
});

describe('parseSize (GiB semantics: 1024 MB = 1 GB)', () => {
  it.each<[string, Parameters<typeof parseSize>[1], number | null]>([
    ['16', 'GB', 16],
    ['16 GB', undefined, 16],
    ['512MB', undefined, 0.5],
    ['1,024', 'MB', 1],
    ['1.5 TB', undefined, 1536],
    ['2 TiB', undefined, 2048],
    ['4096', 'MiB', 4],
    ['1048576', 'KB', 1],
    ['1073741824', 'B', 1],
    ['0.5', 'TB', 512],
    ['16', undefined, 16],
    ['102,400.5', 'MB', 100.000488281],
    ['abc', 'GB', null],
    ['-4', 'GB', null],
    ['16G', undefined, 16],
    ['16 GB RAM', undefined, 16],
    ['16 parsecs', undefined, null],
    ['', 'GB', null],
  ])('%j with column unit %s → %s', (raw, unit, expected) => {
    expect(parseSize(raw, unit)).toBe(expected);
  });
});

describe('parseSize on "used / total" cells', () => {
  it.each<[string, Parameters<typeof parseSize>[1], 'used' | 'total', number | null]>([
    ['61.2 GiB / 127 GiB', undefined, 'total', 127],
    ['61.2 GiB / 127 GiB', undefined, 'used', 61.2],
    ['61.2 / 127 GiB', undefined, 'used', 61.2],
    ['512 MB / 2 GB', undefined, 'used', 0.5],
    ['40 of 100 GB', undefined, 'total', 100],
    ['2048 / 4096', 'MiB', 'total', 4],
    ['2048 / 4096', 'MiB', 'used', 2],
    ['n/a', 'GB', 'total', null],
  ])('%j with column unit %s, %s part → %s', (raw, unit, part, expected) => {
    // Act
    const size = parseSize(raw, unit, part);
    // Assess
    expect(size).toBe(expected);
  });
});

describe('splitNumber', () => {
  it.each([
    ['1,024', 1024, ''],
    ['4 vCPU', 4, 'vcpu'],
    ['2.0', 2, ''],
    ['1 024', 1024, ''],
    ['1.024,5', 1024.5, ''],
    ['1,5', 1.5, ''],
    ['37.5%', 37.5, '%'],
    ['2.4 GHz', 2.4, 'ghz'],
  ])('%j → %d %j', (raw, value, suffix) => {
    expect(splitNumber(raw)).toEqual({ value, suffix });
  });

  it('rejects text that does not start with a number', () => {
    expect(splitNumber('four')).toBeNull();
    expect(splitNumber('1,2,3')).toBeNull();
  });
});

describe('placeholders', () => {
  it.each(['N/A', 'n/a', '-', '--', 'unknown', 'Unknown', 'none', 'NULL', 'TBD', '?', '#N/A'])(
    '%j is a placeholder',
    (v) => {
      expect(isPlaceholder(v)).toBe(true);
    },
  );
  it.each(['NA', '0', 'Jane', 'none-prod', 'web01'])('%j is data', (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });
});

describe('network identifiers', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['192.168.1.10/24', '192.168.1.10'],
    ['fe80::1%eth0', 'fe80::1'],
    ['2001:DB8::8a2e:370:7334', '2001:db8::8a2e:370:7334'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329'],
    ['10.0.0.300', null],
    ['10.0.0', null],
    ['2001:db8::1::2', null],
    ['server01', null],
  ])('IP %j → %j', (raw, expected) => {
    expect(normaliseIp(raw)).toBe(expected);
  });

  it.each([
    ['00:50:56:AB:CD:EF', '00:50:56:ab:cd:ef'],
    ['00-50-56-AB-CD-EF', '00:50:56:ab:cd:ef'],
    ['0050.56ab.cdef', '00:50:56:ab:cd:ef'],
    ['005056ABCDEF', '00:50:56:ab:cd:ef'],
    ['0:50:56:ab:cd:ef', '00:50:56:ab:cd:ef'],
    ['00:50:56:ab:cd', null],
    ['zz:50:56:ab:cd:ef', null],
  ])('MAC %j → %j', (raw, expected) => {
    expect(normaliseMac(raw)).toBe(expected);
  });

  it.each([
    ['Web01.Corp.Example.com', 'web01.corp.example.com'],
    ['db-01.example.org.', 'db-01.example.org'],
    ['web01', null],
    ['-bad.example.com', null],
    ['10.0.0.1', null],
    ['has space.example.com', null],
  ])('FQDN %j → %j', (raw, expected) => {
    expect(normaliseFqdn(raw)).toBe(expected);
  });
});

describe('small typed values', () => {
  it.each([
    ['true', true],
    ['Yes', true],
    ['y', true],
    ['1', true],
    ['ON', true],
    ['false', false],
    ['No', false],
    ['n', false],
    ['0', false],
    ['off', false],
    ['maybe', null],
  ])('boolean %j → %j', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected);
  });

  it('normalises power states and protocols', () => {
    expect(normalizePowerState('poweredOn')).toBe('on');
    expect(normalizePowerState('poweredOff')).toBe('off');
    expect(normalizePowerState('Suspended')).toBe('suspended');
    expect(normalizePowerState('running')).toBe('on');
    expect(normalizeProtocol('6')).toBe('TCP');
    expect(normalizeProtocol('17')).toBe('UDP');
    expect(normalizeProtocol('tcp')).toBe('TCP');
  });

  it.each<[string, Parameters<typeof parseDate>[1], string | null]>([
    ['2024-03-05', {}, '2024-03-05'],
    ['2024-03-05T10:20:30Z', {}, '2024-03-05T10:20:30.000Z'],
    ['2024-03-05 10:20', {}, '2024-03-05T10:20:00.000Z'],
    ['03/05/2024', {}, '2024-03-05'],
    ['05/03/2024', { slashOrder: 'day-first' }, '2024-03-05'],
    ['05.03.2024', {}, '2024-03-05'],
    ['45356', { allowSerial: true }, '2024-03-05'],
    ['45356', {}, null],
    ['1709634030', {}, '2024-03-05T10:20:30.000Z'],
    ['2024-02-30', {}, null],
    ['13/13/2024', {}, null],
  ])('date %j %j → %j', (raw, options, expected) => {
    expect(parseDate(raw, options)).toBe(expected);
  });
});
