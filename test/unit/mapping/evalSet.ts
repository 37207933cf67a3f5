/**
 * Loads the labelled field-mapping evaluation set from test/fixtures/mapping-eval
 * (development files at the top, held-out files under holdout/, and later held-out
 * splits under holdout2/ to holdout6/, each labelled before the matcher saw it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvalFile } from '#domain/mapping/evaluation.ts';

/** Folder of the evaluation set. */
export const EVAL_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'mapping-eval');

function loadDir(dir: string): EvalFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<EvalFile, 'name'>;
      return { ...raw, name: basename(f, '.json') };
    });
}

/** The development split and the six held-out splits. */
export function loadEvalSet(): {
  dev: EvalFile[];
  holdout: EvalFile[];
  holdout2: EvalFile[];
  holdout3: EvalFile[];
  holdout4: EvalFile[];
  holdout5: EvalFile[];
  holdout6: EvalFile[];
} {
  return {
    dev: loadDir(EVAL_DIR),
    holdout: loadDir(join(EVAL_DIR, 'holdout')),
    holdout2: loadDir(join(EVAL_DIR, 'holdout2')),
    holdout3: loadDir(join(EVAL_DIR, 'holdout3')),
    holdout4: loadDir(join(EVAL_DIR, 'holdout4')),
    holdout5: loadDir(join(EVAL_DIR, 'holdout5')),
    holdout6: loadDir(join(EVAL_DIR, 'holdout6')),
  };
}
