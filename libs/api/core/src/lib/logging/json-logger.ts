import type { LoggerService } from '@nestjs/common';
import type { LogLevelName } from '../config/app-config';

const ORDER: LogLevelName[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Structured logs: one JSON object per line on stdout (errors on stderr). */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevelName = 'log',
    private readonly write: (line: string, isError: boolean) => void = (line, isError) =>
      (isError ? process.stderr : process.stdout).write(line + '\n'),
  ) {}

  private enabled(level: LogLevelName): boolean {
    return ORDER.indexOf(level) <= ORDER.indexOf(this.level);
  }

  private emit(level: LogLevelName, message: unknown, params: unknown[]): void {
    if (!this.enabled(level)) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
    // Nest passes the context as the last string parameter.
    const rest = [...params];
    if (rest.length > 0 && typeof rest[rest.length - 1] === 'string') entry['context'] = rest.pop();
    if (level === 'error' && rest.length > 0 && typeof rest[0] === 'string') entry['stack'] = rest.shift();
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) Object.assign(entry, message);
    else entry['msg'] = message instanceof Error ? message.message : String(message);
    if (rest.length > 0) entry['extra'] = rest;
    this.write(JSON.stringify(entry), level === 'error');
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('log', message, optionalParams);
  }
  error(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('error', message, optionalParams);
  }
  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('warn', message, optionalParams);
  }
  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('debug', message, optionalParams);
  }
  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.emit('verbose', message, optionalParams);
  }
}
