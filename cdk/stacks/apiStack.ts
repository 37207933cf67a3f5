/**
 * API: the REST API in front of the httpApi handler, with its resources built FROM the route
 * table the embedded server also serves (shared/http/routes.ts), a Cognito user pool whose groups
 * are the platform's roles, request validation, throttling, access logs and CORS.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  Cors,
  type JsonSchema,
  JsonSchemaVersion,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  type Model,
  RequestValidator,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import * as z from 'zod/v4';
import type { Route } from '../../shared/http/apiTypes.ts';
import { ROLES } from '../../shared/ports/tenant.ts';
import { HandlerFunction } from '../constructs/handlerFunction.ts';
import type { DataStack } from './dataStack.ts';
import { type FlowsStack, flowEnvironment, grantMemory, tenantVending } from './flowsStack.ts';

/** Content types API Gateway passes through as binary (base64) to the file-upload route. */
export const BINARY_MEDIA_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/zip',
  'multipart/form-data',
];

/** Stored engagement reports (`t/{tenant}/e/{engagement}/reports/...`), linked by presigned GET URLs. */
export const REPORT_OBJECTS = 't/*/e/*/reports/*';

export interface ApiStackProps extends StackProps {
  readonly data: DataStack;
  readonly flows: FlowsStack;
  /** The one route table (shared/http/routes.ts). */
  readonly routes: readonly Route[];
  readonly allowedOrigins: string[];
  /** Steady-state requests per second per stage, and the burst above it. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

export class ApiStack extends Stack {
  readonly api: RestApi;
  readonly httpApi: IFunction;
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { data, flows } = props;
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      customAttributes: { tenant: new StringAttribute({ mutable: false, minLen: 1, maxLen: 64 }) },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireSymbols: true,
        requireUppercase: true,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason: 'MFA is enforced by the client organisation IdP federated into the pool.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason: 'Threat protection (Plus plan) is a per-user cost; enable per deployment.',
      },
    );
    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `Modernize role ${role} (cognito:groups claim -> RBAC role)`,
      });
    }
    this.client = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
    });
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;

    const httpApi = new HandlerFunction(this, 'HttpApi', {
      handler: 'httpApi',
      description: 'The HTTP API (REST proxy integration), same routes as the embedded server',
      serviceName: 'http-api',
      environment: {
        ...flowEnvironment(data, flows.stateMachineArns),
        MODERNIZE_JWT_ISSUER: issuer,
        MODERNIZE_JWT_AUDIENCE: this.client.userPoolClientId,
        MODERNIZE_JWKS_URL: `${issuer}/.well-known/jwks.json`,
        MODERNIZE_CORS_ORIGIN: props.allowedOrigins.join(','),
      },
      memorySize: 1769,
      timeout: Duration.seconds(29),
      reservedConcurrentExecutions: 100,
      vendsTenantCredentials: true,
    }).fn;
    data.tableIn(this).grantReadWriteData(httpApi);
    // Tenant objects are reached with vended tenant credentials; the function's own role only signs
    // the presigned links of stored reports (shared/reports/reportLink.ts).
    data.uploadsBucketIn(this).grantReadWrite(httpApi, REPORT_OBJECTS);
    data.llmSecret.grantRead(httpApi);
    httpApi.addToRolePolicy(tenantVending(data));
    httpApi.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution', 'states:StopExecution', 'states:DescribeExecution'],
        resources: [
          ...Object.values(flows.stateMachineArns),
          ...Object.values(flows.stateMachineArns).map(
            (arn) => `${arn.replace(':stateMachine:', ':execution:')}:*`,
          ),
        ],
      }),
    );
    this.httpApi = httpApi;
    grantMemory(this, data, 'ApiMemory', [httpApi]);

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const throttle = props.throttle ?? { rateLimit: 50, burstLimit: 100 };
    this.api = new RestApi(this, 'Api', {
      description: 'Modernize HTTP API',
      binaryMediaTypes: BINARY_MEDIA_TYPES,
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.DESTROY,
      deployOptions: {
        stageName: 'v1',
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: MethodLoggingLevel.ERROR,
        tracingEnabled: true,
        metricsEnabled: true,
        throttlingRateLimit: throttle.rateLimit,
        throttlingBurstLimit: throttle.burstLimit,
      },
      defaultCorsPreflightOptions: {
        allowOrigins: props.allowedOrigins,
        allowMethods: Cors.ALL_METHODS,
        allowHeaders: [...Cors.DEFAULT_HEADERS, 'Idempotency-Key'],
        maxAge: Duration.hours(1),
      },
    });
    Validations.of(this.api).acknowledge(
      {
        id: 'AwsSolutions-APIG3',
        reason: 'WAF is an account-level choice (per-request cost); throttling and Cognito protect the API.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason: 'The AWS managed policy is the documented way for API Gateway to write execution logs.',
      },
    );
    this.addRoutes(props.routes, httpApi);
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
  }

  /** One resource + method per route, all proxied to the httpApi function. */
  private addRoutes(routes: readonly Route[], handler: IFunction): void {
    const authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [this.userPool],
    });
    const integration = new LambdaIntegration(handler, { proxy: true, allowTestInvoke: false });
    const validator = new RequestValidator(this, 'Validator', {
      restApi: this.api,
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    for (const route of routes) {
      const resource = this.api.root.resourceForPath(route.path);
      const pathParams = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
      const model = route.body && !route.rawBody ? this.bodyModel(route) : undefined;
      const isPublic = route.permission === 'public';
      const method = resource.addMethod(route.method, integration, {
        operationName: `${route.method} ${route.path}`,
        requestValidator: validator,
        requestParameters: Object.fromEntries(pathParams.map((p) => [`method.request.path.${p}`, true])),
        ...(model ? { requestModels: { 'application/json': model } } : {}),
        ...(isPublic
          ? { authorizationType: AuthorizationType.NONE }
          : { authorizer, authorizationType: AuthorizationType.COGNITO }),
      });
      if (isPublic) {
        Validations.of(method).acknowledge(
          {
            id: 'AwsSolutions-APIG4',
            reason: `${route.path} is public by the route table (${route.summary})`,
          },
          {
            id: 'AwsSolutions-COG4',
            reason: `${route.path} is public by the route table (${route.summary})`,
          },
        );
      }
    }
  }

  /** The route's zod body schema as an API Gateway model (JSON Schema draft 4). */
  private bodyModel(route: Route): Model {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(route.body as z.ZodType, {
      target: 'draft-04',
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    const name = `${route.method}${route.path}`.replace(/[^A-Za-z0-9]/g, '');
    return this.api.addModel(`${name}Body`, {
      contentType: 'application/json',
      modelName: `${name}Body`,
      schema: { schema: JsonSchemaVersion.DRAFT4, ...schema } as JsonSchema,
    });
  }
}
