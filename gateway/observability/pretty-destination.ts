import type { DestinationStream } from 'pino';

/**
 * A small human-readable rendering of pino's JSON lines for a developer's terminal:
 * `12:00:01.234 INFO  [correlation-id] message {"other":"fields"}`. pino-pretty would do more, but the kit does not
 * take a dependency for a development nicety; the masking has already happened upstream, so this only reformats.
 */
export function prettyDestination(target: DestinationStream): DestinationStream {
  return {
    write(line: string): void {
      target.write(renderLine(line));
    },
  };
}

export function renderLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return line;
    record = parsed as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, correlationId, pid: _pid, hostname: _hostname, ...rest } = record;
  const clock = typeof time === 'number' ? new Date(time).toISOString().slice(11, 23) : '';
  const label = String(level ?? '').toUpperCase().padEnd(5);
  const id = typeof correlationId === 'string' ? ` [${correlationId}]` : '';
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  return `${clock} ${label}${id} ${typeof msg === 'string' ? msg : ''}${extra}\n`;
}
