/** The syntax tree of one rule expression; `at` is the node's 0-based offset in the expression. */
export type Node =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'boolean'; value: boolean; at: number }
  | { kind: 'variable'; name: string; at: number }
  | { kind: 'call'; name: string; args: Node[]; at: number }
  | { kind: 'unary'; op: '-' | 'not'; operand: Node; at: number }
  | { kind: 'binary'; op: BinaryOp; left: Node; right: Node; at: number }
  | { kind: 'in'; negated: boolean; value: Node; set: SetRef; at: number };

export type BinaryOp = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

/** The right side of `in`: a literal list or a named list (`@name`). */
export type SetRef =
  | { kind: 'literal'; values: (number | string)[]; at: number }
  | { kind: 'named'; name: string; at: number };
