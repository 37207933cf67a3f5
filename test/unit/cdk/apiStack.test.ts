import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { platformKeys } from '#adapters/aws/tableDesign.ts';
import { loadConfig } from '#config/config.ts';
import { createServices, TenantScopedServices } from '#flows/services.ts';
import { routes } from '#http/routes.ts';
import { ROLES } from '#ports/tenant.ts';
import { tenantSessionPolicy } from '#security/tenantCredentials.ts';
import { BINARY_MEDIA_TYPES, REPORT_OBJECTS } from '../../../cdk/stacks/apiStack.ts';
import { buildTestApp, type Cfn, resourcesOf } from './cdkApp.ts';

const built = buildTestApp();
const api = built.template('api');

/** Full path of each API Gateway resource, rebuilt from PathPart/ParentId. */
function resourcePaths(): Map<string, string> {
  const resources = new Map(resourcesOf(api, 'AWS::ApiGateway::Resource'));
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const r = resources.get(id);
    if (!r) return '';
    const parent = r.Properties.ParentId?.Ref;
    return `${parent && resources.has(parent) ? pathOf(parent) : ''}/${r.Properties.PathPart}`;
  };
  for (const id of resources.keys()) paths.set(id, pathOf(id));
  return paths;
}

function methods(): { method: string; path: string; props: Cfn }[] {
  const paths = resourcePaths();
  return resourcesOf(api, 'AWS::ApiGateway::Method')
    .map(([, m]) => ({
      method: m.Properties.HttpMethod,
      path: m.Properties.ResourceId.Ref ? (paths.get(m.Properties.ResourceId.Ref) ?? '/') : '/',
      props: m.Properties,
    }))
    .filter((m) => m.method !== 'OPTIONS');
}

describe('api stack', () => {
  it('defines exactly the routes of the shared route table, proxied to the httpApi function', () => {
    const defined = methods()
      .map((m) => `${m.method} ${m.path}`)
      .sort();
    expect(defined).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const m of methods()) {
      expect(m.props.Integration.Type).toBe('AWS_PROXY');
      expect(JSON.stringify(m.props.Integration.Uri)).toMatch(/HttpApiFunction/);
    }
  });

  it('protects every non-public route with the Cognito authorizer and validates requests', () => {
    const byKey = new Map(methods().map((m) => [`${m.method} ${m.path}`, m.props]));
    for (const route of routes) {
      const props = byKey.get(`${route.method} ${route.path}`);
      expect(props.AuthorizationType, route.path).toBe(
        route.permission === 'public' ? 'NONE' : 'COGNITO_USER_POOLS',
      );
      expect(props.RequestValidatorId).toBeDefined();
      for (const param of route.path.matchAll(/\{([^}]+)\}/g)) {
        expect(props.RequestParameters[`method.request.path.${param[1]}`]).toBe(true);
      }
      if (route.body && !route.rawBody) expect(props.RequestModels['application/json']).toBeDefined();
    }
    api.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
  });

  it('turns the zod body schemas into API Gateway models', () => {
    const models = resourcesOf(api, 'AWS::ApiGateway::Model').map(([, m]) => m.Properties);
    const engagement = models.find((m) => m.Name === 'POSTengagementsBody');
    expect(engagement.Schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(engagement.Schema.required).toContain('engagementId');
  });

  it('maps Cognito groups to the platform roles and passes the issuer and audience to the handler', () => {
    const groups = resourcesOf(api, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: [Match.objectLike({ Name: 'tenant', Mutable: false })],
    });
    const fn = resourcesOf(api, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('HttpApiFunction'),
    )?.[1];
    const env = fn.Properties.Environment.Variables;
    expect(JSON.stringify(env.MODERNIZE_JWKS_URL)).toContain('/.well-known/jwks.json');
    expect(env.MODERNIZE_JWT_AUDIENCE).toEqual({ Ref: expect.stringMatching(/WebClient/) });
  });

  it('throttles, logs access, traces, answers CORS preflights and accepts binary uploads', () => {
    const stage = resourcesOf(api, 'AWS::ApiGateway::Stage')[0]?.[1].Properties;
    expect(stage.TracingEnabled).toBe(true);
    expect(stage.AccessLogSetting.DestinationArn).toBeDefined();
    expect(stage.MethodSettings[0]).toMatchObject({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    const options = resourcesOf(api, 'AWS::ApiGateway::Method').filter(
      ([, m]) => m.Properties.HttpMethod === 'OPTIONS',
    );
    expect(options.length).toBeGreaterThan(routes.length / 2);
    const restApi = resourcesOf(api, 'AWS::ApiGateway::RestApi')[0]?.[1].Properties;
    expect(restApi.BinaryMediaTypes).toEqual(BINARY_MEDIA_TYPES);
  });

  it('sends CORS headers on real responses for the configured origins, and XLSX passes as binary', () => {
    const fn = resourcesOf(api, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('HttpApiFunction'),
    )?.[1];
    const env = fn.Properties.Environment.Variables;
    expect(env.MODERNIZE_CORS_ORIGIN).toBe('http://localhost:5173');
    expect(BINARY_MEDIA_TYPES).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(BINARY_MEDIA_TYPES).toContain('application/octet-stream');
  });

  it('lets the API role reach only stored reports in S3; tenant objects go through vended credentials', () => {
    const policies = resourcesOf(api, 'AWS::IAM::Policy').filter(([id]) => id.startsWith('HttpApiFunction'));
    const s3 = policies.flatMap(([, p]) =>
      (p.Properties.PolicyDocument.Statement as Cfn[]).filter((st) =>
        [st.Action].flat().some((a: string) => a.startsWith('s3:')),
      ),
    );
    const resources = JSON.stringify(s3.map((st) => st.Resource));
    expect(resources).toContain(`/${REPORT_OBJECTS}`);
    expect(resources).not.toContain('"/*"');
    expect(resources).not.toContain('"/t/*"');
    const actions = s3.flatMap((st) => [st.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject*', 's3:PutObject']));
    const env = resourcesOf(api, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('HttpApiFunction'),
    )?.[1].Properties.Environment.Variables;
    expect(env.MODERNIZE_TENANT_ROLE_ARN).toBeDefined();
  });

  it('lets the API role read and write the platform partition (client registry) that tenant credentials cannot reach', () => {
    // Prepare: the HttpApi role's DynamoDB statements, and a tenant's session policy.
    const statements = resourcesOf(api, 'AWS::IAM::Policy')
      .filter(([id]) => id.startsWith('HttpApiFunction'))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Cfn[]);
    const onTable = statements.filter(
      (st) =>
        st.Effect === 'Allow' &&
        [st.Action].flat().some((a: string) => a.startsWith('dynamodb:')) &&
        // The table itself (the platform partition's rows), not only its indexes.
        [st.Resource].flat().some((r: Cfn) => /:table\/[^/"]+"\]\]\}$/.test(JSON.stringify(r))),
    );
    const session = tenantSessionPolicy('acme', {
      tableArn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/t',
      bucketArn: 'arn:aws:s3:::b',
      kmsKeyArns: [],
    });
    const leadingKeys: string[] = session.Statement.flatMap((st) =>
      Object.values(st.Condition ?? {}).flatMap((c) => [
        (c as Record<string, unknown>)['dynamodb:LeadingKeys'],
      ]),
    )
      .flat()
      .filter((k): k is string => typeof k === 'string');
    const like = (pattern: string, key: string) =>
      new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(key);

    // Assess: the registry's Query, GetItem and PutItem on the table, with no LeadingKeys condition
    // and no Deny, so `PLATFORM` rows are reachable with the function's own role ...
    const actions = onTable.filter((st) => !st.Condition).flatMap((st) => [st.Action].flat());
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem']),
    );
    expect(statements.some((st) => st.Effect === 'Deny')).toBe(false);
    const kms = statements.flatMap((st) => [st.Action].flat()).filter((a: string) => a.startsWith('kms:'));
    expect(kms).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt']));
    // ... which a tenant-scoped credential can never reach ...
    expect(leadingKeys).toEqual(['T#acme', 'T#acme#*']);
    expect(leadingKeys.some((k) => like(k, platformKeys.partition))).toBe(false);
    expect(leadingKeys.some((k) => like(k, `${platformKeys.partition}#AUDIT`))).toBe(false);
    expect(leadingKeys.some((k) => like(k, 'T#acme#E#e1'))).toBe(true);
    // ... and the registry is never routed to tenant credentials: it keeps the function's clients.
    const config = loadConfig({
      AWS_REGION: 'eu-west-1',
      MODERNIZE_TABLE: 't',
      MODERNIZE_BUCKET: 'b',
      MODERNIZE_TENANT_ROLE_ARN: 'arn:aws:iam::111122223333:role/tenant-access',
      MODERNIZE_KMS_KEY_ARNS: 'arn:aws:kms:eu-west-1:111122223333:key/k1',
    });
    if (!config.tenantIsolation) throw new Error('tenant isolation expected');
    const tenants = new TenantScopedServices(createServices(config), config.tenantIsolation);
    expect(tenants.routed().clients).toBe(tenants.base.clients);
  });
});
