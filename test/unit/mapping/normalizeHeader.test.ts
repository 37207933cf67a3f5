import { describe, expect, it } from 'vitest';
import { analyzeHeader, normalizeHeader } from '#domain/mapping/index.ts';

describe('normalizeHeader', () => {
  it('gives every spelling of one header the same form', () => {
    // Act
    const forms = [
      'Srv_Moniker',
      'SRV MONIKER',
      'srv-moniker',
      'srvMoniker',
      'SrvMoniker',
      ' srv.moniker ',
    ].map(normalizeHeader);
    // Assess
    expect(new Set(forms)).toEqual(new Set(['srv moniker']));
  });

  it('splits dotted paths and camel case, keeping acronyms and plurals whole', () => {
    expect(normalizeHeader('CPU.NumberOfCores')).toBe('cpu number of cores');
    expect(normalizeHeader('PrimaryIPAddress')).toBe('primary ip address');
    expect(normalizeHeader('VMware.VMName')).toBe('vmware vm name');
    expect(normalizeHeader('CPUs')).toBe('cpus');
    expect(normalizeHeader('IPv4 Address')).toBe('ipv4 address');
  });

  it('strips asterisks, units and brackets but records them', () => {
    // Act
    const memory = analyzeHeader('*Memory (In MB)');
    const ram = analyzeHeader('RAM.TotalSizeInMB');
    const gib = analyzeHeader('MemoryGiB');
    const cores = analyzeHeader('*Cores');
    // Assess
    expect(normalizeHeader('*Memory (In MB)')).toBe('memory');
    expect(memory).toMatchObject({ unit: 'MB', required: true, tokens: ['memory'] });
    expect(ram).toMatchObject({ unit: 'MB', tokens: ['memory', 'total', 'size'] });
    expect(gib).toMatchObject({ unit: 'GiB', tokens: ['memory'] });
    expect(cores).toMatchObject({ required: true, tokens: ['core'] });
  });

  it('keeps enumerating numbers so "Disk 1" and "Disk 2" stay distinct, and flags them', () => {
    expect(normalizeHeader('Disk 1 size (In GB)')).toBe('disk 1 size');
    expect(normalizeHeader('Disk 2 size (In GB)')).toBe('disk 2 size');
    expect(analyzeHeader('Disk 1 size (In GB)').ordinal).toBe(true);
  });

  it('folds synonyms into canonical tokens', () => {
    expect(analyzeHeader('Operating System').tokens).toEqual(['os']);
    expect(analyzeHeader('Data Center').tokens).toEqual(['datacenter']);
    expect(analyzeHeader('CPU usage %').tokens).toEqual(['cpu', 'util', 'pct']);
    expect(analyzeHeader('In Use MiB')).toMatchObject({ tokens: ['used'], unit: 'MiB' });
  });
});

describe('glued lower-case words', () => {
  it('splits words written without separators into known words', () => {
    expect(analyzeHeader('srcaddr').tokens).toEqual(['source', 'address']);
    expect(analyzeHeader('vmid').tokens).toEqual(['vm', 'id']);
    expect(analyzeHeader('hostgroup').tokens).toEqual(['host', 'group']);
  });

  it('leaves alone words it cannot split into two known words', () => {
    expect(analyzeHeader('uptime').tokens).toEqual(['uptime']);
    expect(analyzeHeader('template').tokens).toEqual(['template']);
    expect(analyzeHeader('status').tokens).toEqual(['status']);
  });
});
