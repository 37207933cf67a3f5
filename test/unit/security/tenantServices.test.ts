import type { AssumeRoleCommand, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#config/config.ts';
import { createServices, type StorageClients, TenantScopedServices } from '#flows/services.ts';
import type { TenantContext } from '#ports/tenant.ts';

const ENV = {
  AWS_REGION: 'eu-west-1',
  MODERNIZE_TABLE: 'modernize-table',
  MODERNIZE_BUCKET: 'modernize-uploads',
  MODERNIZE_TENANT_ROLE_ARN: 'arn:aws:iam::123456789012:role/tenant-access',
  MODERNIZE_KMS_KEY_ARNS: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
};

const tenant = (id: string): TenantContext => ({ clientAccountId: id, userId: 'u1', roles: ['analyst'] });

/** An STS stand-in: answers AssumeRole with keys named after the session tag, and records each call. */
function fakeSts() {
  const calls: AssumeRoleCommand['input'][] = [];
  return {
    calls,
    async send(command: AssumeRoleCommand): Promise<AssumeRoleCommandOutput> {
      calls.push(command.input);
      const id = command.input.Tags?.[0]?.Value ?? '?';
      return {
        $metadata: {},
        Credentials: {
          AccessKeyId: `AKIA${id.toUpperCase()}`,
          SecretAccessKey: `secret-${id}`,
          SessionToken: `token-${id}`,
          Expiration: new Date(Date.now() + 3600_000),
        },
      };
    },
  };
}

/** Answers every DynamoDB request locally and records the access key it was signed with. */
function captureSigner(clients: StorageClients): string[] {
  const signedWith: string[] = [];
  clients.dynamo.middlewareStack.add(
    () => async (args) => {
      const auth = String((args.request as { headers: Record<string, string> }).headers.authorization ?? '');
      signedWith.push(/Credential=([^/]+)\//.exec(auth)?.[1] ?? 'unsigned');
      return { output: { $metadata: {} } as never, response: {} };
    },
    { step: 'deserialize', priority: 'high' },
  );
  return signedWith;
}

function isolated(config: ReturnType<typeof loadConfig>) {
  if (!config.tenantIsolation) throw new Error('MODERNIZE_TENANT_ROLE_ARN should enable tenant isolation');
  return config.tenantIsolation;
}

function prepare() {
  const config = loadConfig(ENV);
  const sts = fakeSts();
  const tenants = new TenantScopedServices(createServices(config), isolated(config), { sts });
  return { config, sts, tenants };
}

describe('tenant-scoped services (MODERNIZE_TENANT_ROLE_ARN set)', () => {
  it('signs tenant A requests with credentials vended under A session policy', async () => {
    // Prepare
    const { sts, tenants } = prepare();
    const signedWith = captureSigner(tenants.clientsFor('acme'));

    // Act
    const flow = await tenants.forTenant(tenant('acme')).flows.get(tenant('acme'), 'f1');

    // Assess
    expect(flow).toBeNull();
    expect(signedWith).toEqual(['AKIAACME']);
    expect(sts.calls).toHaveLength(1);
    const policy = JSON.parse(String(sts.calls[0]?.Policy));
    const rows = policy.Statement.find((s: { Sid: string }) => s.Sid === 'TenantRows');
    expect(rows.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']).toEqual(['T#acme', 'T#acme#*']);
    expect(rows.Resource).toContain('arn:aws:dynamodb:eu-west-1:123456789012:table/modernize-table');
    const objects = policy.Statement.find((s: { Sid: string }) => s.Sid === 'TenantObjects');
    expect(objects.Resource).toEqual(['arn:aws:s3:::modernize-uploads/t/acme/*']);
    expect(JSON.stringify(policy)).not.toContain('globex');
  });

  it('never shares clients or credentials between two tenants', async () => {
    // Prepare
    const { sts, tenants } = prepare();

    // Act
    const a = tenants.clientsFor('acme');
    const b = tenants.clientsFor('globex');
    const [credsA, credsB] = await Promise.all([a.dynamo.config.credentials(), b.s3.config.credentials()]);

    // Assess
    expect(a.dynamo).not.toBe(b.dynamo);
    expect(a.s3).not.toBe(b.s3);
    expect(tenants.forTenant('acme').flows).not.toBe(tenants.forTenant('globex').flows);
    expect(credsA.accessKeyId).toBe('AKIAACME');
    expect(credsB.accessKeyId).toBe('AKIAGLOBEX');
    expect(sts.calls.map((c) => c.Tags?.[0]?.Value).sort()).toEqual(['acme', 'globex']);
  });

  it('routes each port call to the services of the tenant it names, reusing them while valid', async () => {
    // Prepare
    const { sts, tenants } = prepare();
    const routed = tenants.routed();
    const signedA = captureSigner(tenants.clientsFor('acme'));
    const signedB = captureSigner(tenants.clientsFor('globex'));

    // Act
    await routed.flows.get(tenant('acme'), 'f1');
    await routed.engagements.get(tenant('globex'), 'e1');
    await routed.flows.get(tenant('acme'), 'f2');

    // Assess
    expect(signedA).toEqual(['AKIAACME', 'AKIAACME']);
    expect(signedB).toEqual(['AKIAGLOBEX']);
    expect(sts.calls).toHaveLength(2);
  });

  it('refuses a routed call that names no tenant instead of using the function role', async () => {
    // Prepare
    const { tenants } = prepare();
    const routed = tenants.routed();

    // Act
    const call = () => routed.flows.get(undefined as unknown as TenantContext, 'f1');

    // Assess
    expect(call).toThrow(/without a tenant context/);
  });

  it('builds new clients for a tenant once its cached services expire', () => {
    // Prepare
    const config = loadConfig(ENV);
    let now = 1_000_000;
    const tenants = new TenantScopedServices(createServices(config), isolated(config), {
      sts: fakeSts(),
      now: () => now,
    });
    const first = tenants.clientsFor('acme');

    // Act
    now += 30 * 60_000;
    const warm = tenants.clientsFor('acme');
    now += 60 * 60_000;
    const renewed = tenants.clientsFor('acme');

    // Assess
    expect(warm).toBe(first);
    expect(renewed).not.toBe(first);
  });

  it('leaves services untouched when no tenant role is configured', () => {
    // Prepare
    const { MODERNIZE_TENANT_ROLE_ARN: _unset, ...env } = ENV;

    // Act
    const config = loadConfig(env);

    // Assess
    expect(config.tenantIsolation).toBeUndefined();
  });
});
