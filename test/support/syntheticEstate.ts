/**
 * A deterministic synthetic estate (seeded generator, no randomness between runs) for completeness
 * and scale tests: a mix of supported and end-of-life platforms, databases, zombies, decommissions,
 * non-x86 systems, dependency edges (mostly acyclic, a few cycles) and move groups.
 */

import type { DependencyEdgeInput, MoveGroupInput } from '#domain/assessment/index.ts';
import type { Asset } from '#domain/assetSchema.ts';
import { asset, debt } from './assetFactory.ts';

export interface Estate {
  assets: Asset[];
  edges: DependencyEdgeInput[];
  moveGroups: MoveGroupInput[];
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const OS: { os: string; version: string; status: 'eol' | 'supported'; date: string }[] = [
  { os: 'Red Hat Enterprise Linux', version: '9', status: 'supported', date: '2032-05-31' },
  { os: 'Windows Server', version: '2019', status: 'supported', date: '2029-01-09' },
  { os: 'Windows Server', version: '2008 R2', status: 'eol', date: '2020-01-14' },
  { os: 'CentOS', version: '7', status: 'eol', date: '2024-06-30' },
  { os: 'AIX', version: '7.2', status: 'supported', date: '2030-01-01' },
];
const DB = ['SQL Server 2012', 'MySQL 5.6', 'PostgreSQL 15', 'Oracle 19c'];
const CRIT = ['Low', 'Medium', 'High', 'Mission Critical', ''];

/** Builds an estate of `apps` applications with `assetsPerApp` assets and `edgesPerApp` edges each (edges point to
 * earlier applications, so the only cycles are the planted ones). */
export function syntheticEstate(apps: number, assetsPerApp = 4, edgesPerApp = 10, seed = 42): Estate {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const assets: Asset[] = [];
  const names: string[][] = [];
  for (let i = 0; i < apps; i++) {
    const app = `App-${String(i).padStart(5, '0')}`;
    const os = rnd() < 0.02 ? (OS[4] as (typeof OS)[number]) : pick(OS.slice(0, 4));
    const crit = pick(CRIT);
    const zombie = rnd() < 0.05;
    const decom = rnd() < 0.03;
    const own: string[] = [];
    for (let k = 0; k < assetsPerApp; k++) {
      const name = `${app.toLowerCase()}-${k}`;
      own.push(name);
      const isDb = k === assetsPerApp - 1 && rnd() < 0.6;
      const db = pick(DB);
      const [engine, version] = [db.replace(/ [^ ]+$/, ''), db.split(' ').pop() as string];
      assets.push(
        asset({
          name,
          application: app,
          assetType: isDb ? 'database' : 'virtual_machine',
          operatingSystem: os.os,
          osVersion: os.version,
          businessCriticality: crit || null,
          status: decom ? 'Decommission planned' : 'Operational',
          cpuUtilizationPct: zombie ? 2 : 10 + rnd() * 60,
          memoryUtilizationPct: zombie ? 3 : 20 + rnd() * 60,
          databaseEngine: isDb ? engine : null,
          databaseVersion: isDb ? version : null,
          databaseSizeGb: isDb ? Math.round(rnd() * 2000) : null,
          customAttributes: rnd() < 0.1 ? { PCI: 'Yes' } : {},
          techDebt: [
            debt('os', os.os, os.version, os.status, os.date),
            ...(isDb
              ? [debt('database', engine, version, /2012|5\.6/.test(db) ? 'eol' : 'supported', null)]
              : []),
          ],
        }),
      );
    }
    names.push(own);
  }
  const edges: DependencyEdgeInput[] = [];
  for (let i = 0; i < apps; i++) {
    const own = names[i] as string[];
    for (let e = 0; e < edgesPerApp; e++) {
      if (i === 0) break;
      const j = Math.floor(rnd() * i);
      const to = pick(names[j] as string[]);
      edges.push({
        from: pick(own),
        to,
        fromExternal: false,
        toExternal: false,
        port: 443,
        protocol: 'tcp',
        count: 1 + Math.floor(rnd() * 100),
        strong: rnd() < 0.5,
      });
    }
  }
  // A two-application cycle every 100 applications: i-1 → i (and i → i-1 below).
  for (let i = 100; i < apps; i += 100) {
    const [a, b] = [(names[i - 1] as string[])[0] as string, (names[i] as string[])[0] as string];
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      edges.push({
        from,
        to,
        fromExternal: false,
        toExternal: false,
        port: 1433,
        protocol: 'tcp',
        count: 5,
        strong: true,
      });
    }
  }
  const moveGroups: MoveGroupInput[] = [];
  for (let i = 0; i + 1 < apps; i += 25) {
    moveGroups.push({
      id: `mg-${i}`,
      members: [(names[i] as string[])[0] as string, (names[i + 1] as string[])[0] as string],
    });
  }
  return { assets, edges, moveGroups };
}
