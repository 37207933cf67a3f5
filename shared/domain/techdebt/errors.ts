/** Errors of the tech-debt engine (bad arguments, not bad data: unknown data yields `unknown` findings). */

/** Base error of the tech-debt area; `code` is stable and mapped by the API/CLI to a status. */
export class TechDebtError extends Error {
  override readonly name: string = 'TechDebtError';
  readonly code: string;
  constructor(message: string, code = 'TECH_DEBT_ERROR', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The as-of date is not a real YYYY-MM-DD date (the CLI maps this to exit code 2). */
export class InvalidAsOfDateError extends TechDebtError {
  override readonly name: string = 'InvalidAsOfDateError';
  constructor(asOf: string) {
    super(`as-of date ${JSON.stringify(asOf)} is not a valid YYYY-MM-DD date`, 'INVALID_AS_OF_DATE');
  }
}
