import { JsonLogger } from './json-logger';

describe('JsonLogger', () => {
  function capture(level: 'error' | 'warn' | 'log' | 'debug' | 'verbose') {
    const lines: { line: string; isError: boolean }[] = [];
    const logger = new JsonLogger(level, (line, isError) => lines.push({ line, isError }));
    return { logger, lines };
  }

  it('writes one JSON object per line with time, level, context and message', () => {
    const { logger, lines } = capture('log');
    logger.log('服务已启动', 'Bootstrap');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0].line);
    expect(entry).toMatchObject({ level: 'log', context: 'Bootstrap', msg: '服务已启动' });
    expect(new Date(entry.time).toString()).not.toBe('Invalid Date');
  });

  it('merges object messages and routes errors to stderr with the stack', () => {
    const { logger, lines } = capture('log');
    logger.log({ msg: 'request', method: 'GET', status: 200 }, 'Http');
    logger.error('boom', 'Error: boom\n    at x', 'Ctx');
    expect(JSON.parse(lines[0].line)).toMatchObject({ method: 'GET', status: 200, context: 'Http' });
    expect(lines[1].isError).toBe(true);
    expect(JSON.parse(lines[1].line)).toMatchObject({ level: 'error', msg: 'boom', stack: 'Error: boom\n    at x' });
  });

  it('drops messages below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.log('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    expect(lines.map((l) => JSON.parse(l.line).msg)).toEqual(['shown']);
  });
});
