import { maskPii, maskText } from './mask.js';

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

export type Sink = (line: string) => void;

/** A JSON-lines logger namespaced by component; every line passes through the PII mask. */
export function createLogger(
  component: string,
  options: { level?: Level; sink?: Sink } = {},
): Logger {
  const level = options.level ?? ((process.env.LOG_LEVEL as Level | undefined) ?? 'info');
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  const write = (at: Exclude<Level, 'silent'>, message: string, fields?: Record<string, unknown>) => {
    if (RANK[at] < (RANK[level] ?? RANK.info)) return;
    const masked = fields ? (maskPii(fields) as Record<string, unknown>) : {};
    sink(JSON.stringify({ time: new Date().toISOString(), level: at, component, message: maskText(message), ...masked }));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (sub) => createLogger(`${component}.${sub}`, { level, sink }),
  };
}
