/**
 * A small evaluator of a role's synthesised identity policies for the questions the stack tests ask:
 * may this role call a DynamoDB action on the table itself for an item with a given partition key
 * (Allow on the table ARN, no LeadingKeys condition excluding the key, no matching Deny), and may it
 * use the data key. Only what the templates here use is modelled: action wildcards, the
 * `dynamodb:LeadingKeys` condition, and resources as CloudFormation intrinsics or `*`.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { type Cfn, resourcesOf } from './cdkApp.ts';

/** The identity-policy statements attached to the role of the function whose logical id starts with `prefix`. */
export function roleStatements(template: Template, prefix: string): Cfn[] {
  const statements = resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Cfn[]);
  if (statements.length === 0) throw new Error(`no IAM policy for ${prefix}`);
  return statements;
}

const wildcard = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(value);

const matchesAction = (statement: Cfn, action: string) =>
  [statement.Action].flat().some((a: string) => wildcard(a, action));

/** The table itself (not an index or stream): the ARN's last segment is `table/<name>`. */
function isTable(resource: Cfn): boolean {
  if (resource === '*') return true;
  const text = JSON.stringify(resource);
  return /:table\/[^/"]+"\]\]\}$/.test(text) || /:table\/[^/"]+"$/.test(text);
}

/** False when the statement's LeadingKeys condition (if any) leaves `partitionKey` out. */
function leadingKeysAllow(statement: Cfn, partitionKey: string): boolean {
  const conditions = Object.values(statement.Condition ?? {}) as Record<string, unknown>[];
  return conditions.every((c) => {
    const keys = c['dynamodb:LeadingKeys'];
    return keys === undefined || [keys].flat().some((k) => wildcard(String(k), partitionKey));
  });
}

/** May the role call `action` on the table for an item whose partition key is `partitionKey`? */
export function mayOnTable(statements: readonly Cfn[], action: string, partitionKey: string): boolean {
  const applies = (st: Cfn) =>
    matchesAction(st, action) && [st.Resource].flat().some(isTable) && leadingKeysAllow(st, partitionKey);
  const allowed = statements.some((st) => st.Effect === 'Allow' && applies(st));
  const denied = statements.some((st) => st.Effect === 'Deny' && applies(st));
  return allowed && !denied;
}

/** May the role call `action` on the KMS key whose logical id starts with `keyId` (e.g. `DataKey`)? */
export function mayOnKey(statements: readonly Cfn[], action: string, keyId: string): boolean {
  const onKey = (r: Cfn) => r === '*' || JSON.stringify(r).includes(keyId);
  const applies = (st: Cfn) => matchesAction(st, action) && [st.Resource].flat().some(onKey);
  return (
    statements.some((st) => st.Effect === 'Allow' && applies(st)) &&
    !statements.some((st) => st.Effect === 'Deny' && applies(st))
  );
}
