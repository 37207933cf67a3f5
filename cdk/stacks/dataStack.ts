/**
 * Data: the single DynamoDB table (keys and indexes from tableDesign.ts), the uploads bucket,
 * the OpenSearch Serverless vector collection for agent memory, the LLM key secret, and the
 * tenant-access role that vended, tenant-scoped credentials are cut from.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, type ITableV2, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { AccountRootPrincipal, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnAccessPolicy, CfnCollection, CfnSecurityPolicy } from 'aws-cdk-lib/aws-opensearchserverless';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  type IBucket,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/adapters/aws/tableDesign.ts';
import { TOKEN_VENDOR_TAG } from '../constructs/handlerFunction.ts';

export interface DataStackProps extends StackProps {
  /** Browser origins allowed to PUT to presigned upload URLs. */
  readonly allowedOrigins: string[];
  /** Name prefix of the deployment (stack names, bucket name). */
  readonly prefix: string;
  /** OpenSearch Serverless collection name (unique per account and region). */
  readonly collectionName: string;
}

export class DataStack extends Stack {
  readonly key: Key;
  readonly table: TableV2;
  /** Fixed table name, so other stacks reference the table (and its indexes) without an export. */
  readonly tableName: string;
  readonly bucket: Bucket;
  /** The uploads bucket's name, built from pseudo parameters so other stacks can name it without an export. */
  readonly uploadsBucketName: string;
  readonly accessLogs: Bucket;
  readonly collection: CfnCollection;
  readonly collectionArn: string;
  readonly collectionName: string;
  readonly llmSecret: Secret;
  readonly tenantRole: Role;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.key = new Key(this, 'DataKey', {
      description: 'Modernize tenant data (table, uploads, vector collection, LLM key)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.tableName = `${props.prefix}-table`;
    this.table = new TableV2(this, 'Table', {
      tableName: this.tableName,
      partitionKey: { name: TABLE_KEYS.pk, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sk, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: Object.values(TABLE_INDEXES).map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.pk, type: AttributeType.STRING },
        sortKey: { name: index.sk, type: AttributeType.STRING },
      })),
    });

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      // Server access logs can only be delivered to an SSE-S3 bucket.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop.',
    });

    this.uploadsBucketName = `${props.prefix}-uploads-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    this.bucket = new Bucket(this, 'Uploads', {
      bucketName: this.uploadsBucketName,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'uploads/',
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: props.allowedOrigins,
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      // Keys start with the tenant (t/{tenant}/e/{engagement}/uploads|files|flows/...), so rules
      // cannot select raw uploads or phase outputs by prefix: they apply bucket-wide. Raw uploads and
      // phase outputs are re-read in the days after a flow runs, then rarely.
      lifecycleRules: [
        {
          id: 'raw-uploads-and-phase-outputs',
          abortIncompleteMultipartUploadAfter: Duration.days(2),
          transitions: [
            { storageClass: StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(30) },
          ],
          noncurrentVersionExpiration: Duration.days(30),
          noncurrentVersionsToRetain: 1,
        },
      ],
    });

    this.llmSecret = new Secret(this, 'LlmApiKey', {
      // The Secrets Manager managed key: a grant on the shared data key from another stack's role
      // would add that role to this stack's key policy and create a cross-stack cycle.
      description: 'API key of the OpenAI-compatible LLM endpoint (set the value after deploying)',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.llmSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A third-party LLM provider key cannot be rotated by a Lambda here; the provider console rotates it.',
    });

    this.collectionName = props.collectionName;
    this.collection = this.vectorCollection(props.collectionName);
    this.collectionArn = this.collection.attrArn;
    this.tenantRole = this.tenantAccessRole(props.collectionName);
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UploadsBucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'LlmSecretArn', { value: this.llmSecret.secretArn });
    new CfnOutput(this, 'MemoryCollectionEndpoint', { value: this.collection.attrCollectionEndpoint });
    new CfnOutput(this, 'TenantAccessRoleArn', { value: this.tenantRole.roleArn });
  }

  /** The vector-search collection with its encryption, network and data-access policies. */
  private vectorCollection(name: string): CfnCollection {
    const resource = [`collection/${name}`];
    const encryption = new CfnSecurityPolicy(this, 'MemoryEncryption', {
      name: `${name}-enc`,
      type: 'encryption',
      policy: JSON.stringify({
        Rules: [{ ResourceType: 'collection', Resource: resource }],
        AWSOwnedKey: false,
        KmsARN: this.key.keyArn,
      }),
    });
    const network = new CfnSecurityPolicy(this, 'MemoryNetwork', {
      name: `${name}-net`,
      type: 'network',
      // Lambdas run outside a VPC: the endpoint is reachable over TLS, and every request still needs
      // SigV4 credentials allowed by IAM and by the data-access policy below.
      policy: JSON.stringify([
        {
          Rules: [{ ResourceType: 'collection', Resource: resource }],
          AllowFromPublic: true,
        },
      ]),
    });
    const collection = new CfnCollection(this, 'Memory', {
      name,
      type: 'VECTORSEARCH',
      standbyReplicas: 'DISABLED',
      description: 'Agent memory embeddings, one index per tenant (memory-{tenant})',
    });
    collection.addResourceDependency(encryption);
    collection.addResourceDependency(network);
    return collection;
  }

  /**
   * The role vended credentials are cut from. Handler roles tagged with the token-vendor tag may
   * assume it; every session narrows it with a tenant session policy (shared/security/tenantCredentials.ts).
   */
  /** The table as another stack references it: by name, with index permissions in grants. */
  tableIn(scope: Construct): ITableV2 {
    return TableV2.fromTableAttributes(scope, 'TableRef', {
      tableName: this.tableName,
      encryptionKey: this.key,
      grantIndexPermissions: true,
    });
  }

  /** The uploads bucket as another stack references it: by its constructed name, so grants need no export. */
  uploadsBucketIn(scope: Construct): IBucket {
    return Bucket.fromBucketAttributes(scope, 'UploadsRef', {
      bucketName: this.uploadsBucketName,
      encryptionKey: this.key,
    });
  }

  private tenantAccessRole(collectionName: string): Role {
    const role = new Role(this, 'TenantAccess', {
      description: 'Assumed per tenant with a session policy (token vending); never used without one',
      assumedBy: new AccountRootPrincipal().withConditions({
        StringEquals: { [`aws:PrincipalTag/${TOKEN_VENDOR_TAG.key}`]: TOKEN_VENDOR_TAG.value },
      }),
      maxSessionDuration: Duration.hours(1),
    });
    role.assumeRolePolicy?.addStatements(
      new PolicyStatement({
        actions: ['sts:TagSession'],
        principals: [new AccountRootPrincipal()],
        conditions: {
          StringEquals: { [`aws:PrincipalTag/${TOKEN_VENDOR_TAG.key}`]: TOKEN_VENDOR_TAG.value },
        },
      }),
    );
    this.table.grantReadWriteData(role);
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
        resources: [this.bucket.arnForObjects('t/*')],
      }),
    );
    role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
    this.key.grantEncryptDecrypt(role);
    role.addToPolicy(
      new PolicyStatement({ actions: ['aoss:APIAccessAll'], resources: [this.collection.attrArn] }),
    );
    memoryAccessPolicy(this, 'MemoryAccess', `${collectionName}-tenant`, collectionName, [role.roleArn]);
    return role;
  }
}

/**
 * An OpenSearch Serverless data-access policy letting `principals` use the tenant indexes
 * (`memory-*`) of the collection. Each stack adds one for its own roles, so no stack references
 * another's roles.
 */
export function memoryAccessPolicy(
  scope: Construct,
  id: string,
  policyName: string,
  collectionName: string,
  principals: string[],
): CfnAccessPolicy {
  return new CfnAccessPolicy(scope, id, {
    name: policyName,
    type: 'data',
    policy: JSON.stringify([
      {
        Rules: [
          {
            ResourceType: 'collection',
            Resource: [`collection/${collectionName}`],
            Permission: ['aoss:DescribeCollectionItems'],
          },
          {
            ResourceType: 'index',
            Resource: [`index/${collectionName}/memory-*`],
            Permission: [
              'aoss:CreateIndex',
              'aoss:DescribeIndex',
              'aoss:UpdateIndex',
              'aoss:ReadDocument',
              'aoss:WriteDocument',
            ],
          },
        ],
        Principal: principals,
      },
    ]),
  });
}
