/**
 * Where the CDK app finds the code it deploys: the repository root, the handlers and the
 * state-machine files (the same files the embedded platform runs).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root (package.json, package-lock.json, tsconfig.json). */
export const REPO_ROOT = join(import.meta.dirname, '..');
export const FUNCTIONS_DIR = join(REPO_ROOT, 'functions');
export const STATE_MACHINES_DIR = join(REPO_ROOT, 'statemachines');

/** Every `*.asl.json` in statemachines/, as flow type -> absolute path, in name order. */
export function stateMachineFiles(dir: string = STATE_MACHINES_DIR): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.asl.json'))
      .sort()
      .map((f) => [f.replace(/\.asl\.json$/, ''), join(dir, f)]),
  );
}
