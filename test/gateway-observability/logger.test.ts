import { describe, expect, it } from 'vitest';
import { correlationIdFrom, createLogger, isSafeCorrelationId, withCorrelationId } from '../../gateway/observability/index.ts';
import { renderLine } from '../../gateway/observability/pretty-destination.ts';

/** A pino destination that keeps each written line. */
function capture(): { lines: string[]; destination: { write: (line: string) => void } } {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

const RAW = ['112-233-445 95', '11223344595', 'Иванова', 'Мария', '1990-05-17', '500100732259', 'secret-key'];

describe('createLogger', () => {
  it('writes no raw SNILS, INN, name, birth date or API key from a logged object, message or child binding', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'debug', destination });
    const child = withCorrelationId(logger, 'req-00000001', { subject: { snils: '11223344595' } });
    child.info(
      {
        subject: { snils: '112-233-445 95', name: { family: 'Иванова', first: 'Мария' }, birthDate: '1990-05-17', inn: '500100732259' },
        req: { headers: { authorization: 'Bearer secret-key', 'x-api-key': 'secret-key' } },
        deep: { a: { b: { c: { note: 'snils 11223344595' } } } },
      },
      'asked about %s',
      '112-233-445 95',
    );
    child.warn('agency said: no person with SNILS 112-233-445 95');
    expect(lines).toHaveLength(2);
    for (const line of lines) for (const raw of RAW) expect(line).not.toContain(raw);
    const first = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(first).toMatchObject({
      level: 'info',
      correlationId: 'req-00000001',
      msg: 'asked about ***-***-*** 95',
      subject: { snils: '***-***-*** 95', name: { family: 'И***', first: 'М***' }, birthDate: '****-**-**' },
      req: { headers: { authorization: '[redacted]', 'x-api-key': '[redacted]' } },
    });
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ msg: 'agency said: no person with SNILS ***-***-*** 95' });
  });

  it('masks a logged error message', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).error({ err: new Error('fault for 112-233-445 95') }, 'call failed');
    const logged = JSON.parse(lines[0] ?? '') as { err: { message: string; type: string } };
    expect(logged.err).toMatchObject({ type: 'Error', message: 'fault for ***-***-*** 95' });
    createLogger({ destination }).error(new Error('bare fault for 11223344595'));
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ msg: 'bare fault for ***-***-*** 95', err: { type: 'Error' } });
    expect(lines[1]).not.toContain('11223344595');
  });

  it('respects the level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'warn', destination });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown']);
  });

  it('renders one readable line per record when pretty, still masked', () => {
    const { lines, destination } = capture();
    withCorrelationId(createLogger({ pretty: true, destination }), 'req-00000002').info({ snils: '11223344595' }, 'hello');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  \[req-00000002\] hello \{"snils":"\*\*\*-\*\*\*-\*\*\* 95"\}\n$/);
    expect(renderLine('not json')).toBe('not json');
  });
});

describe('correlationIdFrom', () => {
  it('accepts a safe incoming X-Correlation-Id', () => {
    expect(correlationIdFrom('b7e2c1d0-3f4a-4e5b-9c6d-7e8f9a0b1c2d')).toBe('b7e2c1d0-3f4a-4e5b-9c6d-7e8f9a0b1c2d');
    expect(correlationIdFrom(['consumer-req.42:a', 'other-one'])).toBe('consumer-req.42:a');
  });

  it('mints a UUID when the header is absent, too short, too long, has unsafe characters or carries a SNILS', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const value of [undefined, '', 'short', 'x'.repeat(129), 'id with spaces', 'id<script>', 'req-11223344595', 'a\nb-cdefgh']) {
      expect(correlationIdFrom(value)).toMatch(uuid);
    }
    expect(isSafeCorrelationId('req-112-233-445-95')).toBe(false);
    expect(correlationIdFrom()).not.toBe(correlationIdFrom());
  });
});
