import type { AssumeRoleCommand, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import {
  type AssumeRoleClient,
  TenantCredentialsError,
  TenantCredentialVendor,
  tenantSessionPolicy,
} from '#security/tenantCredentials.ts';

const RESOURCES = {
  tableArn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/modernize-data-Table',
  bucketArn: 'arn:aws:s3:::modernize-uploads-111122223333',
  kmsKeyArns: ['arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  collectionArn: 'arn:aws:aoss:eu-west-1:111122223333:collection/abcdef123456',
};

/** A fake STS that records each AssumeRole request and answers with numbered credentials. */
function fakeSts(expiresInMs: number, now: () => number) {
  const calls: AssumeRoleCommand['input'][] = [];
  const client: AssumeRoleClient = {
    async send(command: AssumeRoleCommand): Promise<AssumeRoleCommandOutput> {
      calls.push(command.input);
      return {
        $metadata: {},
        Credentials: {
          AccessKeyId: `AKIA${calls.length}`,
          SecretAccessKey: 'secret',
          SessionToken: `token-${command.input.RoleSessionName}-${calls.length}`,
          Expiration: new Date(now() + expiresInMs),
        },
      };
    },
  };
  return { client, calls };
}

describe('tenantSessionPolicy', () => {
  it('confines DynamoDB to the tenant partitions, S3 to its prefix, OpenSearch to the collection', () => {
    const policy = tenantSessionPolicy('acme', RESOURCES);

    const rows = policy.Statement.find((s) => s.Sid === 'TenantRows');
    expect(rows?.Resource).toEqual([RESOURCES.tableArn, `${RESOURCES.tableArn}/index/*`]);
    expect(rows?.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['T#acme', 'T#acme#*'] },
    });
    expect(rows?.Action).not.toContain('dynamodb:Scan');
    expect(policy.Statement.find((s) => s.Sid === 'TenantObjects')?.Resource).toEqual([
      `${RESOURCES.bucketArn}/t/acme/*`,
    ]);
    expect(policy.Statement.find((s) => s.Sid === 'TenantListing')?.Condition).toEqual({
      StringLike: { 's3:prefix': ['t/acme/', 't/acme/*'] },
    });
    expect(policy.Statement.find((s) => s.Sid === 'TenantMemory')?.Resource).toEqual([
      RESOURCES.collectionArn,
    ]);
    expect(JSON.stringify(policy)).not.toMatch(/T#other|t\/other/);
  });

  it('rejects tenant ids that would widen the policy', () => {
    for (const bad of ['*', 'a*', '../x', '', 'a/b']) {
      expect(() => tenantSessionPolicy(bad, RESOURCES)).toThrow(TenantCredentialsError);
    }
  });

  it('stays within the STS session policy size for the longest tenant id', () => {
    const policy = tenantSessionPolicy('a'.repeat(64), RESOURCES);
    expect(JSON.stringify(policy).length).toBeLessThanOrEqual(2048);
  });
});

describe('TenantCredentialVendor', () => {
  it('assumes the role with the tenant session policy and caches per tenant until near expiry', async () => {
    let clock = 1_000_000;
    const now = () => clock;
    const sts = fakeSts(15 * 60_000, now);
    const vendor = new TenantCredentialVendor({
      sts: sts.client,
      roleArn: 'arn:aws:iam::111122223333:role/tenant-access',
      resources: RESOURCES,
      now,
    });

    const first = await vendor.credentialsFor('acme');
    const again = await vendor.credentialsFor('acme');
    const other = await vendor.credentialsFor('globex');
    clock += 14 * 60_000;
    const renewed = await vendor.provider('acme')();

    expect(again).toBe(first);
    expect(other.sessionToken).not.toBe(first.sessionToken);
    expect(renewed.sessionToken).not.toBe(first.sessionToken);
    expect(sts.calls).toHaveLength(3);
    expect(sts.calls[0]?.RoleArn).toBe('arn:aws:iam::111122223333:role/tenant-access');
    expect(JSON.parse(sts.calls[0]?.Policy ?? '{}')).toEqual(tenantSessionPolicy('acme', RESOURCES));
    expect(JSON.parse(sts.calls[1]?.Policy ?? '{}')).toEqual(tenantSessionPolicy('globex', RESOURCES));
  });

  it('reports a failed AssumeRole as a named error and retries on the next call', async () => {
    let fail = true;
    const vendor = new TenantCredentialVendor({
      sts: {
        async send() {
          if (fail) throw new Error('AccessDenied');
          return {
            $metadata: {},
            Credentials: {
              AccessKeyId: 'A',
              SecretAccessKey: 'S',
              SessionToken: 'T',
              Expiration: new Date(Date.now() + 3_600_000),
            },
          };
        },
      },
      roleArn: 'arn:aws:iam::111122223333:role/tenant-access',
      resources: RESOURCES,
    });

    await expect(vendor.credentialsFor('acme')).rejects.toMatchObject({ code: 'assume_role' });
    fail = false;
    await expect(vendor.credentialsFor('acme')).resolves.toMatchObject({ sessionToken: 'T' });
  });
});
