// serverless.yml, packaged offline by osls exactly as a deploy would: the CloudFormation template and the zip.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePlayground, type PlaygroundManifest } from '../../scripts/build-playground';
import { serverlessCli, serviceDir } from '../../scripts/lib/serverless';
import tableDefinition from '../../src/data/table.json';

const run = promisify(execFile);

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
type Template = { Resources: Record<string, Resource> };

/** An environment with no way to reach AWS credentials: packaging must not need them. */
function offlineEnv(workFolder: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const missing = join(tmpdir(), 'no-such-aws-file');
  return { ...env, AWS_SHARED_CREDENTIALS_FILE: missing, AWS_CONFIG_FILE: missing, ESBUILD_WORK_FOLDER: workFolder };
}

async function packageService(stage: string, outDir: string, params: string[] = []): Promise<Template> {
  await run(process.execPath, [serverlessCli(), 'package', '--stage', stage, '--package', outDir, ...params.map((param) => `--param=${param}`)], {
    cwd: serviceDir,
    env: offlineEnv(`.esbuild/package-test-${process.pid}-${stage}${params.length ? '-params' : ''}`),
  });
  return JSON.parse(readFileSync(join(outDir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
}

const ofType = (template: Template, type: string) => Object.values(template.Resources).filter((resource) => resource.Type === type);
const named = (template: Template, name: string) => {
  const resource = template.Resources[name];
  expect(resource, name).toBeDefined();
  return resource!;
};
const only = (template: Template, type: string) => {
  const resources = ofType(template, type);
  expect(resources).toHaveLength(1);
  return resources[0]!;
};

let outDir: string;
let template: Template;
let prodTemplate: Template;
let tracedTemplate: Template;
let manifest: PlaygroundManifest;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'hiring-api-package-'));
  manifest = await ensurePlayground();
  template = await packageService('dev', join(outDir, 'dev'));
  prodTemplate = await packageService('prod', join(outDir, 'prod'));
  tracedTemplate = await packageService('dev', join(outDir, 'traced'), ['tracing=on']);
}, 360_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('serverless.yml: the function', () => {
  it('runs on nodejs24.x, arm64, within HTTP API’s 30 s integration timeout', () => {
    const fn = named(template, 'GraphqlLambdaFunction').Properties;
    expect(fn).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'src/handler.handler', MemorySize: 1024 });
    expect(fn.Timeout).toBeLessThanOrEqual(29);
    expect(ofType(template, 'AWS::Lambda::Function')).toHaveLength(2);
  });

  it('gets the table name, service name and log level, and source maps outside prod', () => {
    const variables = (t: Template) => named(t, 'GraphqlLambdaFunction').Properties.Environment.Variables;
    expect(variables(template)).toEqual({
      TABLE_NAME: 'hiring-api-dev',
      POWERTOOLS_SERVICE_NAME: 'hiring-api',
      POWERTOOLS_METRICS_NAMESPACE: 'HiringApi',
      METRICS: 'on',
      LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
      TRACING: 'off',
      AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
      AUTH_ADDITIONAL_MODES: 'API_KEY',
      COGNITO_USER_POOL_ID: { Ref: 'UserPool' },
      COGNITO_CLIENT_IDS: { Ref: 'UserPoolClient' },
      API_KEYS: '',
      PAGINATION_SECRET: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'PaginationSecret' }, ':SecretString}}']] },
      TRUSTED_DOCUMENTS: 'API_KEY',
      QUERY_BUDGET_API_KEY: 'tokens=1000,depth=6,aliases=5,directives=5,cost=2000,dynamodbCalls=5,introspection=false',
      QUERY_BUDGET_AMAZON_COGNITO_USER_POOLS: 'tokens=5000,depth=10,aliases=50,directives=20,cost=20000,dynamodbCalls=50',
      REALTIME_PUBLISH: 'invoke',
      REALTIME_FUNCTION_NAME: 'hiring-api-dev-realtime',
      REALTIME_INVOCATION_TYPE: 'Event',
      REALTIME_LAMBDA_ENDPOINT: '',
      REALTIME_ENDPOINT: { 'Fn::Join': ['', ['https://', { Ref: 'WebsocketsApi' }, '.execute-api.', 'eu-west-1', '.amazonaws.com/', 'dev']] },
      PLAYGROUND_SUBSCRIPTION_URL: { 'Fn::Join': ['', ['wss://', { Ref: 'WebsocketsApi' }, '.execute-api.', 'eu-west-1', '.amazonaws.com/', 'dev']] },
    });
    expect(variables(prodTemplate)).toMatchObject({ TABLE_NAME: 'hiring-api-prod', NODE_OPTIONS: '' });
  });

  it('keeps its logs for a bounded time', () => {
    expect(ofType(template, 'AWS::Logs::LogGroup').map((group) => group.Properties.RetentionInDays)).toEqual([30, 30]);
  });
});

describe('serverless.yml: the HTTP API', () => {
  it('routes POST and GET /graphql, the playground assets under it and the root redirect to the function', () => {
    const routes = ofType(template, 'AWS::ApiGatewayV2::Route')
      .filter((route) => route.Properties.ApiId.Ref === 'HttpApi')
      .map((route) => route.Properties.RouteKey)
      .sort();
    expect(routes).toEqual(['GET /', 'GET /graphql', 'GET /graphql/{proxy+}', 'POST /graphql']);
  });

  it('answers browsers’ CORS preflights for the headers Apollo clients send', () => {
    const cors = named(template, 'HttpApi').Properties.CorsConfiguration;
    expect(cors.AllowMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'OPTIONS']));
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight']));
  });
});

describe('serverless.yml: denial of wallet', () => {
  it('throttles the HTTP API stage’s default route to a bounded rate and burst', () => {
    const settings = named(template, 'HttpApiStage').Properties.DefaultRouteSettings;
    expect(settings).toMatchObject({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    expect(settings.ThrottlingBurstLimit).toBeGreaterThanOrEqual(settings.ThrottlingRateLimit);
  });

  it('reserves a bounded concurrency for the function, so a flood cannot scale it without limit', () => {
    expect(named(template, 'GraphqlLambdaFunction').Properties.ReservedConcurrentExecutions).toBe(50);
  });
});

describe('serverless.yml: the WebSocket API (subscriptions)', () => {
  it('routes $connect, $disconnect and $default to the realtime function, an entry of the same bundle', () => {
    expect(named(template, 'WebsocketsApi').Properties).toMatchObject({ ProtocolType: 'WEBSOCKET' });
    const routes = ofType(template, 'AWS::ApiGatewayV2::Route')
      .filter((route) => route.Properties.ApiId.Ref === 'WebsocketsApi')
      .map((route) => route.Properties.RouteKey)
      .sort();
    expect(routes).toEqual(['$connect', '$default', '$disconnect']);
    const fn = named(template, 'RealtimeLambdaFunction').Properties;
    expect(fn).toMatchObject({ Handler: 'src/realtime-handler.websocketHandler', Runtime: 'nodejs24.x', Architectures: ['arm64'], FunctionName: 'hiring-api-dev-realtime' });
    expect(fn.Code).toEqual(named(template, 'GraphqlLambdaFunction').Properties.Code);
  });

  it('lets the functions manage this stage\'s connections only, and invoke the realtime function only', () => {
    const statements: Array<{ Action: string[]; Resource: unknown[] }> = only(template, 'AWS::IAM::Role').Properties.Policies.flatMap(
      (policy: { PolicyDocument: { Statement: Array<Record<string, any>> } }) => policy.PolicyDocument.Statement,
    );
    const manage = statements.find((statement) => statement.Action.includes('execute-api:ManageConnections'));
    expect(manage?.Action).toEqual(['execute-api:ManageConnections']);
    expect(JSON.stringify(manage?.Resource)).toContain('{"Ref":"WebsocketsApi"},"/dev/POST/@connections/*"');
    expect(JSON.stringify(manage?.Resource)).toContain('{"Ref":"WebsocketsApi"},"/dev/DELETE/@connections/*"');
    expect(manage?.Resource).toHaveLength(2);
    const invoke = statements.find((statement) => statement.Action.includes('lambda:InvokeFunction'));
    expect(invoke?.Action).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(invoke?.Resource)).toMatch(/:function:hiring-api-dev-realtime"\]\]\}\]$/);
  });

  it('expires connection and subscription records with the table\'s TTL attribute', () => {
    expect(only(template, 'AWS::DynamoDB::Table').Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });
});

describe('serverless.yml: pagination tokens', () => {
  it('are encrypted with a key derived from a secret Secrets Manager generates per stage, resolved at deploy time', () => {
    const secret = only(template, 'AWS::SecretsManager::Secret').Properties;
    expect(secret.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
  });
});

describe('serverless.yml: the user pool', () => {
  it('creates the pool, a public web client and the groups the schema directives name', () => {
    const pool = only(template, 'AWS::Cognito::UserPool').Properties;
    expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    const client = only(template, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client).toMatchObject({ UserPoolId: { Ref: 'UserPool' }, GenerateSecret: false });
    const groups = ofType(template, 'AWS::Cognito::UserPoolGroup').map((group) => group.Properties.GroupName).sort();
    const schema = readFileSync('schema/schema.graphql', 'utf8');
    const named = new Set([...schema.matchAll(/cognito_groups:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]+)"/g)].map((g) => g[1])));
    expect(groups).toEqual([...named].sort());
  });
});

describe('serverless.yml: the table', () => {
  it('has the keys and indexes of src/data/table.json, on demand, with point-in-time recovery', () => {
    const table = only(template, 'AWS::DynamoDB::Table').Properties;
    expect(table.KeySchema).toEqual(tableDefinition.KeySchema);
    expect(table.AttributeDefinitions).toEqual(tableDefinition.AttributeDefinitions);
    expect(table.GlobalSecondaryIndexes).toEqual(tableDefinition.GlobalSecondaryIndexes);
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('is retained with its data when the prod stack is deleted, and only there', () => {
    expect(only(prodTemplate, 'AWS::DynamoDB::Table')).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(only(template, 'AWS::DynamoDB::Table')).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });
});

describe('serverless.yml: IAM', () => {
  it('grants only the DynamoDB item and query actions the runtime issues, on the table and its indexes', () => {
    const statements = only(template, 'AWS::IAM::Role').Properties.Policies.flatMap(
      (policy: { PolicyDocument: { Statement: Array<Record<string, any>> } }) => policy.PolicyDocument.Statement,
    );
    const dynamodb = statements.filter((statement: { Action: string[] }) => statement.Action.some((action) => action.startsWith('dynamodb:')));
    expect(dynamodb).toHaveLength(1);
    expect([...dynamodb[0].Action].sort()).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:Scan',
        'dynamodb:UpdateItem',
      ].sort(),
    );
    expect(dynamodb[0].Resource).toEqual([
      { 'Fn::GetAtt': ['Table', 'Arn'] },
      { 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['Table', 'Arn'] }, 'index', '*']] },
    ]);
    for (const statement of statements) {
      expect([statement.Resource].flat()).not.toContain('*');
      expect([statement.Action].flat().filter((action: string) => action.endsWith('*'))).toEqual([]);
    }
  });
});

describe('serverless.yml: tracing', () => {
  const statements = (t: Template): Array<{ Action: string[]; Resource: unknown }> =>
    only(t, 'AWS::IAM::Role').Properties.Policies.flatMap((policy: { PolicyDocument: { Statement: unknown[] } }) => policy.PolicyDocument.Statement);
  const xray = (t: Template) => statements(t).filter((statement) => statement.Action.some((action) => action.startsWith('xray:')));

  it('is off by default on every stage: no active tracing, no X-Ray permissions, TRACING off', () => {
    for (const t of [template, prodTemplate]) {
      const fn = named(t, 'GraphqlLambdaFunction').Properties;
      expect(fn.TracingConfig).toBeUndefined();
      expect(fn.Environment.Variables.TRACING).toBe('off');
      expect(xray(t)).toEqual([]);
    }
  });

  it('with tracing=on, turns on Lambda’s active tracing with TRACING and grants only X-Ray’s two write actions', () => {
    const fn = named(tracedTemplate, 'GraphqlLambdaFunction').Properties;
    expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
    expect(fn.Environment.Variables.TRACING).toBe('on');
    // X-Ray has no resource-level permissions: `*` is its only resource, and the only `*` granted.
    expect(xray(tracedTemplate)).toEqual([{ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: ['*'] }]);
    const others = statements(tracedTemplate).filter((statement) => !statement.Action.some((action) => action.startsWith('xray:')));
    for (const statement of others) expect([statement.Resource].flat()).not.toContain('*');
  });
});

describe('serverless.yml: alarms and dashboard', () => {
  const alarms = () => Object.fromEntries(Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::CloudWatch::Alarm'));
  const topic = { Ref: 'AlarmTopic' };
  const metricsOf = (alarm: Resource) =>
    alarm.Properties.Metrics
      ? alarm.Properties.Metrics.filter((metric: any) => metric.MetricStat).map((metric: any) => metric.MetricStat.Metric)
      : [{ Namespace: alarm.Properties.Namespace, MetricName: alarm.Properties.MetricName, Dimensions: alarm.Properties.Dimensions }];

  it('notify the stack’s SNS topic (alarmTopicArn names another)', () => {
    expect(template.Resources.AlarmTopic?.Type).toBe('AWS::SNS::Topic');
    expect(Object.keys(alarms()).length).toBeGreaterThanOrEqual(11);
    for (const alarm of Object.values(alarms())) expect(alarm.Properties.AlarmActions).toEqual([topic]);
  });

  it('watch the HTTP API’s 5xx rate and p99 latency, and the function’s p99 duration, throttles and errors', () => {
    const all = alarms();
    const rate = all.Http5xxRateAlarm!.Properties;
    expect(rate.Metrics.find((metric: any) => metric.ReturnData).Expression).toBe('IF(requests > 0, 100 * errors / requests, 0)');
    expect(metricsOf(all.Http5xxRateAlarm!).map((metric: any) => metric.MetricName).sort()).toEqual(['5xx', 'Count']);
    for (const metric of metricsOf(all.Http5xxRateAlarm!)) expect(metric).toMatchObject({ Namespace: 'AWS/ApiGateway', Dimensions: [{ Name: 'ApiId', Value: { Ref: 'HttpApi' } }] });
    expect(all.LatencyP99Alarm!.Properties).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Latency', ExtendedStatistic: 'p99', Threshold: 5000 });
    const fn = [{ Name: 'FunctionName', Value: { Ref: 'GraphqlLambdaFunction' } }];
    expect(all.DurationP99Alarm!.Properties).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Duration', ExtendedStatistic: 'p99', Dimensions: fn });
    expect(all.LambdaThrottlesAlarm!.Properties).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Throttles', Dimensions: fn, Threshold: 0 });
    expect(all.LambdaErrorsAlarm!.Properties).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: fn, Threshold: 0 });
    expect(template.Resources.GraphqlLambdaFunction?.Type).toBe('AWS::Lambda::Function');
  });

  it('watch DynamoDB throttles and system errors on the table, summed over every operation the runtime issues', () => {
    for (const [name, metricName] of [['DynamoDBThrottlesAlarm', 'ThrottledRequests'], ['DynamoDBSystemErrorsAlarm', 'SystemErrors']] as const) {
      const metrics = metricsOf(alarms()[name]!);
      expect(new Set(metrics.map((metric: any) => metric.MetricName))).toEqual(new Set([metricName]));
      const operations = metrics.map((metric: any) => {
        expect(metric.Dimensions[0]).toEqual({ Name: 'TableName', Value: { Ref: 'Table' } });
        return metric.Dimensions[1].Value;
      });
      expect(operations).toEqual(expect.arrayContaining(['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'TransactWriteItems']));
      expect(alarms()[name]!.Properties.Metrics[0].Expression).toBe('SUM(METRICS("op"))');
    }
  });

  it('count error types from the request log line’s errorTypes and alarm on each', () => {
    const filters = ofType(template, 'AWS::Logs::MetricFilter').map((filter) => filter.Properties);
    const types = ['InternalFailure', 'Timeout', 'DataSourceUnavailable', 'Throttled'];
    expect(filters.map((filter) => filter.MetricTransformations[0].MetricName).sort()).toEqual(types.map((type) => `ErrorType${type}`).sort());
    for (const filter of filters) {
      const type = filter.MetricTransformations[0].MetricName.slice('ErrorType'.length);
      expect(filter.LogGroupName).toEqual({ Ref: 'GraphqlLogGroup' });
      expect(filter.FilterPattern).toContain('$.message = "GraphQL request"');
      expect(filter.FilterPattern).toContain(`$.errorTypes[0] = "${type}"`);
      expect(filter.MetricTransformations[0]).toMatchObject({ MetricNamespace: 'hiring-api/dev', MetricValue: '1', DefaultValue: 0 });
      expect(alarms()[`ErrorType${type}Alarm`]!.Properties).toMatchObject({ Namespace: 'hiring-api/dev', MetricName: `ErrorType${type}`, Statistic: 'Sum' });
    }
    expect(template.Resources.GraphqlLogGroup?.Type).toBe('AWS::Logs::LogGroup');
  });

  it('shows every alarm and their metrics on one dashboard', () => {
    const dashboard = only(template, 'AWS::CloudWatch::Dashboard').Properties;
    const [body, values] = dashboard.DashboardBody['Fn::Sub'] as [string, Record<string, unknown>];
    const parsed = JSON.parse(body) as { widgets: Array<{ type: string; properties: { alarms?: string[]; metrics?: unknown[][] } }> };
    const shown = parsed.widgets.find((widget) => widget.type === 'alarm')!.properties.alarms!;
    expect(shown.map((arn) => arn.slice(2, -4)).sort()).toEqual(Object.keys(alarms()).sort());
    for (const name of Object.keys(alarms())) expect(values[`${name}Arn`]).toEqual({ 'Fn::GetAtt': [name, 'Arn'] });
    const metricNames = parsed.widgets.flatMap((widget) => widget.properties.metrics ?? []).map((metric) => metric[1]);
    expect(metricNames).toEqual(expect.arrayContaining(['5xx', 'Latency', 'Duration', 'Throttles', 'Errors', 'ErrorTypeInternalFailure', 'ReadThrottleEvents']));
  });
});

describe('serverless.yml: the package', () => {
  it('holds the CommonJS bundle, whose handler answers an HTTP API event', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(outDir, 'dev', 'hiring-api.zip')));
    const extracted = join(outDir, 'extracted');
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const target = join(extracted, entry.name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await entry.async('nodebuffer'));
    }
    // Lambda resolves `src/handler.handler` to src/handler.cjs; no DynamoDB call is needed for __typename.
    const probe = `
      const { handler } = require('./src/handler.cjs');
      const event = { version: '2.0', routeKey: 'POST /graphql', rawPath: '/graphql', rawQueryString: '',
        headers: { 'content-type': 'application/json', 'x-api-key': 'probe-key' }, isBase64Encoded: false,
        requestContext: { http: { method: 'POST', path: '/graphql', sourceIp: '127.0.0.1' }, domainName: 'localhost' },
        body: JSON.stringify({ query: '{ __typename }' }) };
      handler(event, { awsRequestId: 'probe' }).then((result) => process.stdout.write('RESULT ' + JSON.stringify(result) + '\\n'));
    `;
    const run = (env: Record<string, string>) => {
      const result = spawnSync(process.execPath, ['-e', probe], {
        cwd: extracted,
        env: { PATH: process.env.PATH, TABLE_NAME: 'probe', AWS_REGION: 'eu-west-1', LOG_LEVEL: 'SILENT', AUTH_DEFAULT_MODE: 'API_KEY', API_KEYS: 'probe-key', ...env },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      // stdout also carries the request's metrics, as embedded-metric-format lines (src/observability/metrics.ts).
      const lines = result.stdout.split('\n').filter(Boolean);
      expect(lines.filter((line) => !line.startsWith('RESULT ')).map((line) => Object.keys(JSON.parse(line))).flat()).toContain('Requests');
      const response = JSON.parse(lines.find((line) => line.startsWith('RESULT '))!.slice('RESULT '.length)) as { statusCode: number; body: string };
      return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, any> };
    };
    // By default the API key may run only the SDK's documents (the manifest is in the bundle).
    const trusted = run({});
    expect(trusted.status).toBe(400);
    expect(trusted.body.errors).toEqual([expect.objectContaining({ errorType: 'PersistedQueryNotAllowed' })]);
    expect(run({ TRUSTED_DOCUMENTS: 'off' })).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    // The Tracer ships beside the handler and loads with TRACING=on, as Lambda runs it with active tracing.
    expect(Object.keys(zip.files)).toContain('src/tracer.cjs');
    const lambda = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x', LAMBDA_TASK_ROOT: extracted, _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0' };
    expect(run({ TRUSTED_DOCUMENTS: 'off', TRACING: 'on', ...lambda })).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('holds the realtime entry, which takes a fan-out event with nothing to deliver without any call', () => {
    const extracted = join(outDir, 'extracted');
    const probe = `
      const { websocketHandler } = require('./src/realtime-handler.cjs');
      websocketHandler({ realtimePublish: [] }).then((result) => process.stdout.write(JSON.stringify(result)));
    `;
    const result = spawnSync(process.execPath, ['-e', probe], {
      cwd: extracted,
      env: { PATH: process.env.PATH, TABLE_NAME: 'probe', AWS_REGION: 'eu-west-1', LOG_LEVEL: 'SILENT', REALTIME_ENDPOINT: 'https://ws.example.com/dev' },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ queries: 0, matched: 0, invalidated: 0, delivered: 0, gone: 0, failed: 0, tooLarge: 0 });
  });

  it('ships the built playground assets', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(outDir, 'dev', 'hiring-api.zip')));
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        'dist/playground/index.html',
        'dist/playground/manifest.json',
        ...Object.keys(manifest.files).map((name) => `dist/playground/${name}.gz`),
      ]),
    );
    expect(names.filter((name) => !name.startsWith('dist/playground/') && !name.startsWith('src/'))).toEqual([]);
  });
});

// cfn-lint (Python) cannot be installed by npm; lint where the machine has it.
const hasCfnLint = spawnSync('cfn-lint', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCfnLint) {
  describe('serverless.yml: cfn-lint', () => {
    it('finds nothing in the template (W3005, serverless’ redundant DependsOn, ignored)', () => {
      const template = join(outDir, 'dev', 'cloudformation-template-update-stack.json');
      const lint = spawnSync('cfn-lint', ['--ignore-checks', 'W3005', '--', template], { encoding: 'utf8' });
      expect(lint.stdout + lint.stderr).toBe('');
      expect(lint.status).toBe(0);
    });
  });
} else {
  console.info('cfn-lint is not on the PATH: the template lint check is not registered on this machine.');
}
