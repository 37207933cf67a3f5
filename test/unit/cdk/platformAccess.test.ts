import { describe, expect, it } from 'vitest';
import { platformKeys } from '#adapters/aws/tableDesign.ts';
import { buildTestApp } from './cdkApp.ts';
import { mayOnKey, mayOnTable, roleStatements } from './iamPolicy.ts';

const built = buildTestApp();
const CLIENT_RECORD = platformKeys.client('acme').pk;
const PLATFORM_AUDIT = `${platformKeys.partition}#AUDIT`;

describe('function roles and the platform partitions of the KMS-encrypted table', () => {
  it('lets flowPhase and s3Upload read client records (limits) and decrypt them', () => {
    // Prepare
    const flows = built.template('flows');
    for (const fn of ['FlowPhaseFunction', 'S3UploadFunction']) {
      // Act
      const statements = roleStatements(flows, fn);
      // Assess: GetItem at pk=PLATFORM (sk=CLIENT#…) with the function role, and the key to read it.
      expect(mayOnTable(statements, 'dynamodb:GetItem', CLIENT_RECORD), fn).toBe(true);
      expect(mayOnKey(statements, 'kms:Decrypt', 'DataKey'), fn).toBe(true);
    }
  });

  it('lets the health check decrypt what it reads from the table, and read nothing else there', () => {
    // Prepare
    const statements = roleStatements(built.template('ops'), 'HealthCheckFunction');
    // Act
    const decrypt = mayOnKey(statements, 'kms:Decrypt', 'DataKey');
    // Assess: reads (memory store probe) with the key to decrypt them; no write to the table, no encrypt.
    expect(decrypt).toBe(true);
    expect(mayOnTable(statements, 'dynamodb:GetItem', 'T#platform')).toBe(true);
    expect(mayOnTable(statements, 'dynamodb:Query', 'T#platform')).toBe(true);
    expect(mayOnTable(statements, 'dynamodb:PutItem', 'T#platform')).toBe(false);
    expect(mayOnKey(statements, 'kms:Encrypt', 'DataKey')).toBe(false);
  });

  it('lets the API function append to the platform audit log and read it back', () => {
    // Prepare
    const statements = roleStatements(built.template('api'), 'HttpApiFunction');
    // Act
    const put = mayOnTable(statements, 'dynamodb:PutItem', PLATFORM_AUDIT);
    // Assess: the 401 audit write (PutItem at PLATFORM#AUDIT) and the admin listing (Query), encrypted.
    expect(put).toBe(true);
    expect(mayOnTable(statements, 'dynamodb:Query', PLATFORM_AUDIT)).toBe(true);
    expect(mayOnKey(statements, 'kms:GenerateDataKey', 'DataKey')).toBe(true);
  });

  it('gives agent memory access only to the functions whose code reaches it', () => {
    // Prepare
    const flows = built.template('flows');
    const aoss = (fn: string) =>
      roleStatements(flows, fn).some((st) => [st.Action].flat().includes('aoss:APIAccessAll'));
    // Assess: flowPhase runs agents; the upload trigger and connection batches never touch memory.
    expect(aoss('FlowPhaseFunction')).toBe(true);
    expect(aoss('S3UploadFunction')).toBe(false);
    expect(aoss('ConnectionBatchFunction')).toBe(false);
  });
});
