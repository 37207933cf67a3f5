import { describe, expect, it } from 'vitest';
import type { FieldMapping, MappingResult } from '#domain/tableTypes.ts';
import { applyCorrections, reviewReasons } from '#flows/discovery/importPhases.ts';

const m = (source: string, target: FieldMapping['target'], confidence = 0.95): FieldMapping => ({
  source,
  target,
  confidence,
  method: 'rules',
  reason: 'test',
});

describe('review rules', () => {
  it('needs no review when identity and IP or OS are mapped with confidence', () => {
    const result: MappingResult = {
      kind: 'assets',
      mappings: [m('Server', 'name'), m('IP', 'ipAddress'), m('x', null, 0.9)],
    };
    expect(reviewReasons(result, 0.6)).toEqual([]);
  });

  it('asks for review when no column is a name and when a mapping is unsure', () => {
    const result: MappingResult = {
      kind: 'assets',
      mappings: [m('OS', 'operatingSystem'), m('Mem', 'memoryGb', 0.4)],
    };
    const reasons = reviewReasons(result, 0.6);
    expect(reasons[0]).toMatch(/name or hostname/);
    expect(reasons[1]).toMatch(/Mem -> memoryGb/);
  });

  it('checks source and destination for connection files', () => {
    const result: MappingResult = { kind: 'connections', mappings: [m('src', 'sourceIp')] };
    expect(reviewReasons(result, 0.6)).toEqual([expect.stringMatching(/destinationIp/)]);
  });

  it('applies corrections and frees a target taken by a corrected column', () => {
    const result: MappingResult = { kind: 'assets', mappings: [m('Host', 'name'), m('Srv', null, 0.8)] };
    const corrected = applyCorrections(result, { Srv: 'name' });
    expect(corrected.mappings).toEqual([
      expect.objectContaining({ source: 'Host', target: null }),
      expect.objectContaining({ source: 'Srv', target: 'name', method: 'user', confidence: 1 }),
    ]);
  });
});
