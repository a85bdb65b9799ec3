/**
 * @module logger
 * pino JSON logs without personal data. The service logs ids, measures, statuses and error codes only — never an
 * application body, a facts document or a contact. As a second line of defence, fields that could carry personal
 * data are censored by name wherever they appear (the gateway's masking logger is not ours to import).
 */
import pino, { type Logger } from 'pino';

const PERSONAL_FIELDS = ['snils', 'inn', 'name', 'birthDate', 'identityDocument', 'email', 'phone', 'address', 'applicant', 'children', 'child', 'contact', 'subject', 'body'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const paths = PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);
  return pino({ level, base: { service: 'decision' }, redact: { paths, censor: '[masked]' } }, destination);
}
