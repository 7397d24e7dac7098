/** Structured logging, passed to every part that logs (never a module-level singleton). */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

/** One JSON object per line on stderr, so stdout carries only what a person must read. */
export function createConsoleLogger(minimum: Level = 'info'): Logger {
  const order: Record<Level, number> = { info: 0, warn: 1, error: 2 };
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (order[level] < order[minimum]) return;
    process.stderr.write(
      JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }) + '\n',
    );
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** A logger that keeps nothing: for tests that do not look at logs. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
