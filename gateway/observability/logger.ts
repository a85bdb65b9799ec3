import { pino, type DestinationStream, type LevelWithSilent, type LogFn, type Logger } from 'pino';
import { maskField, maskPersonalData } from './mask-personal-data.ts';
import { prettyDestination } from './pretty-destination.ts';

export interface LoggerOptions {
  readonly level?: LevelWithSilent;
  /** Human-readable single lines instead of JSON, for a developer's terminal; production keeps JSON. */
  readonly pretty?: boolean;
  /** Where lines go (default standard output); tests pass a stream to capture them. */
  readonly destination?: DestinationStream;
  readonly name?: string;
}

/** Fields that are personal data at the top level or one level down (`req.subject`, `query.snils`, ...). */
const PERSONAL_FIELDS = ['subject', 'snils', 'inn', 'name', 'familyName', 'firstName', 'patronymic', 'birthDate', 'document', 'identityDocument', 'passport'];
/** Credentials are never logged, not even masked. */
const SECRET_PATHS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'headers.authorization', 'headers["x-api-key"]', 'apiKey'];
const SECRET_KEYS = new Set(['authorization', 'x-api-key', 'apiKey']);

/**
 * The gateway's logger: pino JSON lines with personal data masked twice over.
 * - `formatters.log` / `formatters.bindings` run maskPersonalData over every logged object and child binding: known
 *   fields at any depth, SNILS/INN/passport patterns in any string;
 * - `redact` covers the known fields at fixed paths with the same maskers, as a second line should a caller log
 *   through a path the formatter does not see (pino applies redaction while serializing, after the formatter);
 * - `hooks.logMethod` scans the message text and its interpolation arguments.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.pretty === true ? prettyDestination(options.destination ?? process.stdout) : options.destination;
  const redactPaths = [...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]), ...SECRET_PATHS];
  return pino(
    {
      level: options.level ?? 'info',
      ...(options.name !== undefined ? { name: options.name } : {}),
      redact: {
        paths: redactPaths,
        censor: (value: unknown, path: string[]): unknown => {
          const key = path[path.length - 1] ?? '';
          return SECRET_KEYS.has(key) ? '[redacted]' : maskField(key, value);
        },
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => maskPersonalData(object) as Record<string, unknown>,
        bindings: (bindings) => maskPersonalData(bindings) as Record<string, unknown>,
      },
      // The formatter has already turned errors into pino's { type, message, stack } shape, masked.
      serializers: { err: (value: unknown): unknown => value },
      hooks: {
        logMethod(args: Parameters<LogFn>, method: LogFn): void {
          const [first, ...rest] = args as unknown[];
          // pino takes a bare error's message as `msg` before any formatter runs, so it is masked here.
          const head: unknown[] =
            first instanceof Error ? [{ err: first }, ...(rest.length === 0 ? [first.message] : [])] : [first];
          // The first object is the merging object, masked by the formatter; everything else may end up in `msg`.
          const masked = [...head, ...rest].map((arg, index) => (index === 0 && typeof arg === 'object' ? arg : maskPersonalData(arg)));
          method.apply(this, masked as Parameters<LogFn>);
        },
      },
    },
    destination,
  );
}
