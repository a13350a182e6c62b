import { SfcError } from '@sfc/shared';

/**
 * A rule expression that does not parse or type-check. `column` is 1-based, counted in characters of
 * the expression, as an editor shows it; the message carries the expression with a caret under it.
 */
export class RuleSyntaxError extends SfcError {
  readonly column: number;

  constructor(readonly reason: string, readonly expression: string, offset: number) {
    const column = offset + 1;
    super(`column ${column}: ${reason}\n  ${expression}\n  ${' '.repeat(offset)}^`, { context: { column } });
    this.name = 'RuleSyntaxError';
    this.column = column;
  }
}
