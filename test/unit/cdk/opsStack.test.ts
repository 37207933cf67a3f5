import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LLM_CIRCUIT_OPEN_METRIC } from '../../../cdk/stacks/opsStack.ts';
import { buildTestApp, resourcesOf } from './cdkApp.ts';

const built = buildTestApp();
const ops = built.template('ops');
const flowTypes = readdirSync(join(import.meta.dirname, '..', '..', '..', 'statemachines'))
  .filter((f) => f.endsWith('.asl.json'))
  .map((f) => f.replace('.asl.json', ''));

describe('ops stack', () => {
  it('invokes the health check on an EventBridge Scheduler schedule', () => {
    const schedules = resourcesOf(ops, 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(1);
    const props = schedules[0]?.[1].Properties;
    expect(props.ScheduleExpression).toBe('rate(15 minutes)');
    expect(JSON.stringify(props.Target.Arn)).toMatch(/HealthCheckFunction/);
  });

  it('alarms on failed executions, handler errors and throttles, DLQ depth and the LLM circuit', () => {
    const alarms = resourcesOf(ops, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const byMetric = (name: string) => alarms.filter((a) => a.MetricName === name);
    expect(byMetric('ExecutionsFailed')).toHaveLength(flowTypes.length);
    expect(byMetric('Errors')).toHaveLength(5);
    expect(byMetric('Throttles')).toHaveLength(5);
    expect(byMetric('ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    expect(byMetric(LLM_CIRCUIT_OPEN_METRIC.metricName)[0]).toMatchObject({
      Namespace: 'Modernize',
      Statistic: 'Sum',
      Threshold: 1,
    });
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
  });

  it('has a dashboard and log retention on every log group of the app', () => {
    ops.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    for (const stack of ['data', 'flows', 'api', 'ops'] as const) {
      for (const [id, group] of resourcesOf(built.template(stack), 'AWS::Logs::LogGroup')) {
        expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
      }
    }
  });
});
