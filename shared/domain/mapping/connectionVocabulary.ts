/**
 * Vocabulary of the connection schema: both ends of a connection (source and
 * destination host, IP, port, application, process) plus protocol, counts,
 * bytes and time.
 */
import type { ConnectionField } from '#domain/assetSchema.ts';
import { type FieldVocabulary, field } from './vocabulary.ts';

const DIRECTIONS = { source: 'source', destination: 'destination' } as const;

function connectionFields(): FieldVocabulary[] {
  const out: FieldVocabulary[] = [];
  const endpointNot = 'id version count type pid group zone mask country vlan subnet';
  for (const dir of Object.values(DIRECTIONS)) {
    const host = `${dir}Host` as ConnectionField;
    const ip = `${dir}Ip` as ConnectionField;
    const port = `${dir}Port` as ConnectionField;
    const app = `${dir}Application` as ConnectionField;
    const proc = `${dir}Process` as ConnectionField;
    out.push(
      field(
        host,
        'hostname',
        {
          [`${dir} hostname`]: 0.95,
          [`${dir} host`]: 0.92,
          [`${dir} server`]: 0.9,
          [`${dir} server name`]: 0.95,
          [`${dir} machine`]: 0.88,
          [`${dir} vm`]: 0.9,
          [`${dir} name`]: 0.8,
          [`${dir} computer`]: 0.88,
          [`${dir} node`]: 0.85,
          [`${dir} fqdn`]: 0.9,
          ...(dir === 'source'
            ? { hostname: 0.7, host: 0.62, 'server name': 0.62, 'computer name': 0.62 }
            : {}),
        },
        'name dns',
        endpointNot,
      ),
      field(
        ip,
        'ip',
        // Zeek-style logs write an endpoint's address as "<end>_h" ("id.orig_h").
        {
          [`${dir} ip`]: 0.95,
          [`${dir} ip address`]: 0.95,
          [`${dir} address`]: 0.88,
          [dir]: 0.6,
          [`${dir} h`]: 0.8,
          // ss and netstat print an endpoint as address:port ("Local Address:Port").
          [`${dir} address port`]: 0.85,
          [`${dir} ip port`]: 0.85,
        },
        'address v4',
        `${endpointNot} port mac`,
      ),
      field(
        port,
        'port',
        {
          [`${dir} port`]: 0.95,
          // ... and its port as "<end>_p" ("id.resp_p").
          [`${dir} p`]: 0.85,
          ...(dir === 'destination' ? { port: 0.65, 'service port': 0.8, 'listening port': 0.85 } : {}),
        },
        'count tcp udp',
        'id type group channel range',
      ),
      field(
        app,
        'text',
        {
          [`${dir} application`]: 0.95,
          [`${dir} service`]: 0.75,
          // A connection log's lone "service" names what the server side offers (http, dns, ldap).
          ...(dir === 'destination' ? { application: 0.6, service: 0.6 } : {}),
        },
        'name',
        `${endpointNot} owner`,
      ),
      field(
        proc,
        'text',
        {
          [`${dir} process`]: 0.95,
          [`${dir} process name`]: 0.95,
          [`${dir} executable`]: 0.9,
          // Endpoint event logs (Sysmon) name the connecting process by its executable "Image".
          ...(dir === 'source'
            ? { process: 0.7, 'process name': 0.72, image: 0.62, 'process image': 0.75, executable: 0.65 }
            : {}),
        },
        'name path',
        `${endpointNot} owner user assigned`,
      ),
    );
  }
  out.push(
    field(
      'protocol',
      'protocol',
      { protocol: 0.93, 'transport protocol': 0.95, 'ip protocol': 0.93, 'l4 protocol': 0.93 },
      'transport ip network name',
      'version application app',
    ),
    field(
      'connectionCount',
      'number',
      {
        'connection count': 0.95,
        'total connection': 0.93,
        connection: 0.7,
        count: 0.65,
        'session count': 0.9,
        session: 0.75,
        hits: 0.75,
        flows: 0.75,
        'flow count': 0.9,
        'link established': 0.85,
        'connection established': 0.9,
        established: 0.65,
      },
      'total count avg repeat',
      'port ip state id type byte bytes packet packets time date',
    ),
    field(
      'bytes',
      'number',
      { bytes: 0.9, 'total bytes': 0.93, 'byte count': 0.9, 'data volume': 0.8, volume: 0.6 },
      'total count transferred',
      'sent received in out per rate avg',
    ),
    field(
      'timestamp',
      'date',
      {
        timestamp: 0.95,
        time: 0.75,
        date: 0.7,
        datetime: 0.9,
        'time slot': 0.9,
        'start time': 0.88,
        start: 0.6,
        'event time': 0.93,
        collected: 0.8,
        'collection time': 0.9,
        'first seen': 0.6,
        'last seen': 0.6,
        'date time': 0.9,
        observed: 0.7,
      },
      'start event utc local collected generated recorded logged',
      'zone offset agent creation created duration elapsed wait',
    ),
  );
  return out;
}

/** "Target" names the destination end in some tools ("Target IP", "Target Port"). */
function withTargetAlias(vocab: FieldVocabulary): FieldVocabulary {
  const aliases = vocab.patterns
    .filter((p) => p.tokens.includes('destination'))
    .map((p) => ({ ...p, tokens: p.tokens.map((t) => (t === 'destination' ? 'target' : t)) }));
  if (aliases.length === 0) return vocab;
  return {
    ...vocab,
    patterns: [...vocab.patterns, ...aliases],
    anchors: new Set([...vocab.anchors, 'target']),
  };
}

/** Vocabulary of the connection schema (CONNECTION_FIELDS). */
export const CONNECTION_VOCABULARY: readonly FieldVocabulary[] = connectionFields().map(withTargetAlias);
