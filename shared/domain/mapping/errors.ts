/**
 * Errors of the field matcher.
 */
import { BadInputError } from '#errors/errors.ts';

/** A tenant's learned rule is malformed (unknown kind or a target that is no canonical field). */
export class InvalidLearnedRuleError extends BadInputError {
  constructor(message: string) {
    super(message, 'invalid_learned_rule');
    this.name = 'InvalidLearnedRuleError';
  }
}
