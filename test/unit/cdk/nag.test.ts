import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { routes } from '#http/routes.ts';
import { buildModernize } from '../../../cdk/modernizeApp.ts';
import { acknowledgeAcceptedFindings, NAG_ACCEPTANCES } from '../../../cdk/nagAcknowledgements.ts';
import { tempOutdir } from './cdkApp.ts';

function app(): App {
  process.env.CDK_VALIDATION = 'false';
  return new App({ outdir: tempOutdir(), context: { 'aws:cdk:bundling-stacks': [] } });
}
const env = { account: '111122223333', region: 'eu-west-1' };

describe('cdk-nag AwsSolutions', () => {
  it('leaves no finding without a written reason', () => {
    const a = app();
    buildModernize(a, { routes, nag: false, env });
    const left = acknowledgeAcceptedFindings(a);
    const report = new AwsSolutionsChecks().validateScope(a);
    expect(left).toEqual([]);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
    for (const acceptance of NAG_ACCEPTANCES) expect(acceptance.reason.length).toBeGreaterThan(40);
  });

  it('reports findings when the reasons are withdrawn (the checks do run)', () => {
    const a = app();
    buildModernize(a, { routes, nag: false, env });
    const left = acknowledgeAcceptedFindings(a, []);
    expect(left.some((f) => f.ruleName.startsWith('AwsSolutions-IAM5'))).toBe(true);
  });
});
