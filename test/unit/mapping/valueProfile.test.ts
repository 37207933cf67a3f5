import { describe, expect, it } from 'vitest';
import { profileFromSamples } from '#domain/mapping/index.ts';
import { judgeValues, profileValues } from '#domain/mapping/valueProfile.ts';

const stats = (samples: string[]) => profileValues(profileFromSamples('x', samples, 0));

describe('value profiling', () => {
  it('recognises IPs (also several per cell), MACs, FQDNs and UUIDs', () => {
    expect(stats(['10.0.0.1', '10.0.0.2; 10.0.1.2', 'fe80::250:56ff:fe9a:1b2c']).ip).toBe(1);
    expect(stats(['00:50:56:9a:1b:2c', '00-50-56-9A-3D-4E']).mac).toBe(1);
    expect(stats(['app01.corp.example.com', 'db02.corp.example.com']).fqdn).toBe(1);
    expect(stats(['4211a6f2-93b1-3c55-8e2a-0d1f2c3b4a59']).uuid).toBe(1);
  });

  it('recognises operating system names as tools write them', () => {
    const os = stats([
      'Microsoft Windows Server 2016 (64-bit)',
      'Red Hat Enterprise Linux 8 (64-bit)',
      'CentOS 7 (64-bit)',
      'Ubuntu Linux (64-bit)',
    ]);
    expect(os.os).toBe(1);
    expect(stats(['Standard', 'Enterprise']).os).toBe(0);
  });

  it('measures numeric magnitudes, ignoring units and percent signs', () => {
    const v = stats(['16 GiB', '8 GiB', '32 GiB']);
    expect(v.numeric).toBe(1);
    expect(v.median).toBe(16);
    expect(stats(['12%', '47%']).max).toBe(47);
  });

  it('confirms, stays neutral or contradicts a field expectation', () => {
    expect(judgeValues('ip', stats(['10.0.0.1']))).toBe('confirm');
    expect(judgeValues('ip', stats(['pending', 'dhcp']))).toBe('conflict');
    expect(judgeValues('count', stats(['2', '4', '8']))).toBe('confirm');
    expect(judgeValues('count', stats(['Intel Xeon Gold 6248']))).toBe('conflict');
    expect(judgeValues('pct', stats(['12.5', '88']))).toBe('confirm');
    expect(judgeValues('power', stats(['poweredOn', 'poweredOff']))).toBe('confirm');
    expect(judgeValues('text', stats(['True', 'False']))).toBe('conflict');
    expect(judgeValues('text', stats([]))).toBe('neutral');
  });
});

describe('value profiling of console formats', () => {
  it('reads "used / total" capacity cells by their total', () => {
    // Act
    const v = stats(['61.2 GiB / 127 GiB', '20.4 GiB / 60 GiB']);
    // Assess
    expect(v.numeric).toBe(1);
    expect(v.max).toBe(127);
    expect(judgeValues('size', v)).toBe('confirm');
  });

  it('reads JSON lists of addresses as addresses', () => {
    expect(stats(['[10.20.1.15, fe80::250:56ff:fe9a:1b2c]', '["10.20.1.16"]']).ip).toBe(1);
  });

  it('does not take operating system product names for asset names, but keeps OS-like host names', () => {
    expect(judgeValues('name', stats(['Windows 2019 Server', 'Red Hat Enterprise Linux 8']))).toBe(
      'conflict',
    );
    expect(judgeValues('name', stats(['rhel8-app01', 'win2019-db02']))).toBe('neutral');
  });
});
