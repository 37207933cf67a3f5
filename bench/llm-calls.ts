/**
 * LLM requests per discovery: a 50-column file (a third of its columns unknown to the rules)
 * with 1,000 and 10,000 rows, discovered on the embedded platform with the agents talking to
 * the scripted OpenAI-compatible server on loopback. The agents batch every unsure column of a
 * file into one request per task, so the count must not grow with rows. A repeat of the same
 * discovery for the same tenant is answered from the tenant's cache.
 * Run: npx node bench/llm-calls.ts
 */
import { totalUsage } from '#agents/usageLedger.ts';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import { startTestPlatform, tenant } from '#test/support/platform.ts';
import { cooperativeModel, startScriptedLlmServer } from '#test/support/scriptedLlmServer.ts';

const KNOWN = [
  'Host Name',
  'IP Address',
  'Operating System',
  'OS Version',
  'CPU Cores',
  'Memory (GB)',
  'Disk (GB)',
  'Environment',
  'Data Center',
  'Application',
  'Business Owner',
  'Technical Owner',
  'Department',
  'Cost Center',
  'Criticality',
  'Status',
  'Serial Number',
  'MAC Address',
  'FQDN',
  'Cluster',
  'Hypervisor',
  'Power State',
  'Description',
  'Location',
  'Model',
  'Manufacturer',
  'Database Engine',
  'Database Version',
  'CPU Sockets',
  'CPU Speed (MHz)',
  'Storage Used (GB)',
  'Tags',
  'Asset Tag',
];

function file(rows: number): Buffer {
  const headers = [...KNOWN, ...Array.from({ length: 50 - KNOWN.length }, (_, i) => `zz_attr_${i + 1}`)];
  const lines = [headers.join(',')];
  for (let r = 0; r < rows; r++) {
    const values = headers.map((h, c) => {
      if (h === 'Host Name') return `srv${r}`;
      if (h === 'IP Address') return `10.${(r >> 16) & 255}.${(r >> 8) & 255}.${r & 255}`;
      if (h === 'FQDN') return `srv${r}.corp.example.com`;
      if (h === 'Operating System') return r % 2 ? 'Windows Server 2019' : 'Red Hat Enterprise Linux 8';
      if (/CPU|Memory|Disk|Storage|Speed/.test(h)) return String(2 + ((r * (c + 1)) % 64));
      return `v${(r * 7 + c) % 23}`;
    });
    lines.push(values.join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

const model = await startScriptedLlmServer(cooperativeModel());
Object.assign(process.env, { MODERNIZE_LLM_BASE_URL: model.baseUrl, MODERNIZE_LLM_API_KEY: 'bench' });
const t = await startTestPlatform();
try {
  for (const [rows, tenantId] of [
    [1_000, 'bench-1k'],
    [10_000, 'bench-10k'],
    [10_000, 'bench-10k'],
  ] as const) {
    const who = tenant(tenantId);
    const before = model.requests.length;
    const started = performance.now();
    const upload = await storeUpload(t.platform.services, who, {
      engagementId: 'e1',
      fileName: 'cmdb.csv',
      body: file(rows),
    });
    const flow = await startDiscovery(t.platform.services, who, upload, { autoApprove: true });
    await t.platform.workflow.settled(flow.executionArns.at(-1) as string);
    const done = await t.platform.services.flows.get(who, flow.flowId);
    const usage = totalUsage(await t.platform.services.agentMetrics.listUsage(who, { flowId: flow.flowId }));
    const requests = model.requests.length - before;
    const line =
      `${rows.toLocaleString('en-US')} rows x 50 columns (${tenantId}): ${requests} LLM requests per discovery, ` +
      `${usage.cachedAnswers} cached answers, ${usage.promptTokens + usage.completionTokens} tokens, status ${done?.status}, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`;
    console.log(line);
  }
} finally {
  await t.stop();
  await model.close();
}
