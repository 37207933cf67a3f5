/**
 * CDK entry point (cdk.json: `node cdk/app.ts`). Synthesises offline: handlers are bundled by the
 * local esbuild, state machines are read from statemachines/.
 */
import { App } from 'aws-cdk-lib';
import { routes } from '../shared/http/routes.ts';
import { buildModernize } from './modernizeApp.ts';

const app = new App();
buildModernize(app, { routes });
app.synth();
