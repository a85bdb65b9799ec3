/**
 * @module consumers
 * Who may call the gateway: the API-keys file (GATEWAY_API_KEYS_FILE) and the built-in demo consumer used when
 * the file is absent. A key may be stored as its SHA-256 so the file can sit in a repository or a secret store
 * without the keys themselves.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AGENCY_CODES, FACT_GROUPS, type AgencyCode, type FactGroup } from '../../core/facts/index.ts';

const factGroupSchema = z.enum(FACT_GROUPS as unknown as [FactGroup, ...FactGroup[]]);
const agencySchema = z.enum(AGENCY_CODES);

export const consumerSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { message: 'A consumer id is 1-64 lower-case letters, digits, ".", "_" or "-"' }),
    apiKey: z.string().min(12, { message: 'An API key has at least 12 characters' }).optional(),
    apiKeySha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'apiKeySha256 is 64 lower-case hex digits' }).optional(),
    /** Per agency, the fact groups the consumer may ask it for; "*" means every group the agency serves. */
    rights: z.partialRecord(agencySchema, z.union([z.literal('*'), z.array(factGroupSchema).min(1)])),
    /** Measures the consumer may cite as purpose ("*": any); `caseNumbers` allows a case number as the only purpose. */
    purposes: z.strictObject({ measures: z.array(z.string().min(1)).min(1), caseNumbers: z.boolean().default(false) }),
  })
  .refine((c) => (c.apiKey === undefined) !== (c.apiKeySha256 === undefined), {
    message: 'Give exactly one of apiKey and apiKeySha256',
    path: ['apiKey'],
  });

export const apiKeysFileSchema = z.strictObject({ consumers: z.array(consumerSchema).min(1) }).superRefine((file, ctx) => {
  const ids = new Set<string>();
  file.consumers.forEach((c, i) => {
    if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['consumers', i, 'id'], message: `Consumer "${c.id}" appears twice` });
    ids.add(c.id);
  });
});

export interface Consumer {
  readonly id: string;
  /** Hex SHA-256 of the key; the plain key is never kept after loading. */
  readonly keySha256: string;
  readonly rights: Readonly<Partial<Record<AgencyCode, '*' | readonly FactGroup[]>>>;
  readonly purposes: { readonly measures: readonly string[]; readonly caseNumbers: boolean };
}

export const DEMO_CONSUMER_KEY = 'demo-decision-key';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The demo consumer: the auto-decision service with every right, for local runs and tests. */
export const DEMO_CONSUMERS: readonly Consumer[] = Object.freeze([
  Object.freeze({
    id: 'decision',
    keySha256: sha256Hex(DEMO_CONSUMER_KEY),
    rights: Object.freeze(Object.fromEntries(AGENCY_CODES.map((a) => [a, '*' as const]))),
    purposes: Object.freeze({ measures: Object.freeze(['*']), caseNumbers: true }),
  }),
]);

export function toConsumers(file: z.output<typeof apiKeysFileSchema>): readonly Consumer[] {
  return Object.freeze(
    file.consumers.map((c) =>
      Object.freeze({
        id: c.id,
        keySha256: c.apiKeySha256 ?? sha256Hex(c.apiKey ?? ''),
        rights: Object.freeze({ ...c.rights }),
        purposes: Object.freeze({ measures: Object.freeze([...c.purposes.measures]), caseNumbers: c.purposes.caseNumbers }),
      }),
    ),
  );
}

/** Compares digests in constant time so response timing does not reveal how much of a key matched. */
export function findConsumer(consumers: readonly Consumer[], presentedKey: string): Consumer | undefined {
  const presented = Buffer.from(sha256Hex(presentedKey), 'hex');
  let found: Consumer | undefined;
  for (const consumer of consumers) {
    if (timingSafeEqual(presented, Buffer.from(consumer.keySha256, 'hex'))) found = consumer;
  }
  return found;
}
