import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { TABLE_INDEXES, TTL_ATTRIBUTE } from '#adapters/aws/tableDesign.ts';
import { buildTestApp, type Cfn, resourcesOf } from './cdkApp.ts';

const built = buildTestApp();
const data = built.template('data');

describe('data stack', () => {
  it('has one on-demand table with PITR, a customer key, deletion protection, TTL and the store GSIs', () => {
    const tables = resourcesOf(data, 'AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(1);
    const props = tables[0]?.[1].Properties;
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
    expect(props.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
    expect(props.Replicas[0].PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true);
    expect(props.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(props.Replicas[0].SSESpecification.KMSMasterKeyId).toBeDefined();
    const gsis = props.GlobalSecondaryIndexes.map((g: Cfn) => [
      g.IndexName,
      g.KeySchema.map((k: Cfn) => k.AttributeName),
    ]);
    expect(gsis).toEqual(Object.values(TABLE_INDEXES).map((i) => [i.name, [i.pk, i.sk]]));
  });

  it('keeps uploads in a KMS-encrypted, versioned, private, TLS-only bucket with access logs and lifecycle', () => {
    data.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'uploads/' }),
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 }, Status: 'Enabled' }),
        ],
      },
    });
    const policies = resourcesOf(data, 'AWS::S3::BucketPolicy').map(([, r]) => JSON.stringify(r.Properties));
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const policy of policies) expect(policy).toContain('"aws:SecureTransport":"false"');
  });

  it('defines the vector collection with encryption, network and per-tenant index data-access policies', () => {
    data.hasResourceProperties('AWS::OpenSearchServerless::Collection', { Type: 'VECTORSEARCH' });
    const policies = resourcesOf(data, 'AWS::OpenSearchServerless::SecurityPolicy').map(
      ([, r]) => r.Properties.Type,
    );
    expect(policies.sort()).toEqual(['encryption', 'network']);
    const access = resourcesOf(data, 'AWS::OpenSearchServerless::AccessPolicy');
    expect(access).toHaveLength(1);
    const text = JSON.stringify(access[0]?.[1].Properties.Policy);
    expect(text).toContain('index/modernize-memory/memory-*');
    expect(text).toContain('TenantAccess');
  });

  it('lets only tagged token-vendor roles assume the tenant-access role, with session tags', () => {
    const roles = resourcesOf(data, 'AWS::IAM::Role').filter(([id]) => id.startsWith('TenantAccess'));
    expect(roles).toHaveLength(1);
    const trust = roles[0]?.[1].Properties.AssumeRolePolicyDocument.Statement;
    expect(trust.map((s: Cfn) => s.Action).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    for (const s of trust) {
      expect(s.Condition).toEqual({ StringEquals: { 'aws:PrincipalTag/modernize-token-vendor': 'true' } });
    }
    expect(roles[0]?.[1].Properties.MaxSessionDuration).toBe(3600);
  });

  it('holds the LLM key in Secrets Manager', () => {
    data.resourceCountIs('AWS::SecretsManager::Secret', 1);
  });
});
