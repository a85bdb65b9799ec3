/**
 * @module hub-options
 * What an exchange hub needs, validated once with zod and frozen: the participating information systems (the
 * trust list: a caller *is* the system whose certificate signed its request), the registry of message types, the
 * hub's own key, and the delivery knobs. A bad certificate or a registry entry naming an unknown provider fails
 * here, at start-up, never on the first request.
 */
import { z } from 'zod';
import { KitError } from '../../core/errors/index.ts';
import { PROFILES, type SignatureProfile } from '../../core/smev/signature/index.ts';
import { certificateFromPem } from '../../core/smev/signature/certificate.ts';

const pem = (label: string) =>
  z.string().refine((text) => text.includes('-----BEGIN') && text.includes(label), `expected a PEM text holding a ${label}`);

const profileSchema = z.union([
  z.enum(Object.keys(PROFILES) as [keyof typeof PROFILES, ...(keyof typeof PROFILES)[]]),
  z.custom<SignatureProfile>((v) => typeof v === 'object' && v !== null && 'signatureAlgorithmUri' in v, 'expected a signature profile'),
]);

/** The mnemonic the hub itself signs as, e.g. the sender of asynchronous rejections (reference §1.6). */
export const HUB_SENDER_MNEMONIC = 'smev';

const mnemonicSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a mnemonic is 1-64 letters, digits, "_" or "-"');

export const hubSystemSchema = z.strictObject({
  mnemonic: mnemonicSchema,
  humanReadableName: z.string().min(1).max(500),
  certificatePem: pem('CERTIFICATE'),
});

export const registryEntrySchema = z.strictObject({
  namespaceUri: z.string().min(1),
  localName: z.string().regex(/^[A-Za-z_][\w.-]*$/, 'an XML local name'),
  provider: mnemonicSchema,
  /** The payload schema; checked asynchronously after SendRequest (SMEV-403 rejection on failure). */
  xsdPath: z.string().min(1).optional(),
  /** Absent: every registered system may send this type. */
  allowedConsumers: z.array(mnemonicSchema).optional(),
});

export const hubSigningSchema = z.strictObject({
  profile: profileSchema,
  privateKeyPem: pem('PRIVATE KEY'),
  certificatePem: pem('CERTIFICATE'),
});

const DAY_MS = 24 * 60 * 60 * 1000;

export const hubOptionsSchema = z
  .strictObject({
    /** Directory of the SQLite store; absent → an in-memory store that dies with the process. */
    dataDir: z.string().min(1).optional(),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65_535).default(0),
    systems: z.array(hubSystemSchema).min(1),
    registry: z.array(registryEntrySchema),
    signing: hubSigningSchema,
    visibilityTimeoutMs: z.number().int().positive().default(30_000),
    staleMessageIdAfterMs: z.number().int().positive().default(2 * DAY_MS),
    inlineAttachmentLimitBytes: z.number().int().positive().default(5 * 1024 * 1024),
    now: z.custom<() => Date>((v) => typeof v === 'function', 'expected a function returning a Date').optional(),
  })
  .superRefine((options, ctx) => {
    const mnemonics = new Set<string>();
    options.systems.forEach((system, i) => {
      if (mnemonics.has(system.mnemonic)) ctx.addIssue({ code: 'custom', path: ['systems', i, 'mnemonic'], message: `duplicate mnemonic ${system.mnemonic}` });
      if (system.mnemonic === HUB_SENDER_MNEMONIC) ctx.addIssue({ code: 'custom', path: ['systems', i, 'mnemonic'], message: `"${HUB_SENDER_MNEMONIC}" is the hub's own sender name` });
      mnemonics.add(system.mnemonic);
      try {
        certificateFromPem(system.certificatePem);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['systems', i, 'certificatePem'], message: 'not a readable X.509 certificate' });
      }
    });
    const types = new Set<string>();
    options.registry.forEach((entry, i) => {
      const key = `{${entry.namespaceUri}}${entry.localName}`;
      if (types.has(key)) ctx.addIssue({ code: 'custom', path: ['registry', i], message: `message type ${key} is registered twice` });
      types.add(key);
      if (!mnemonics.has(entry.provider)) ctx.addIssue({ code: 'custom', path: ['registry', i, 'provider'], message: `provider ${entry.provider} is not in systems` });
      for (const consumer of entry.allowedConsumers ?? []) {
        if (!mnemonics.has(consumer)) ctx.addIssue({ code: 'custom', path: ['registry', i, 'allowedConsumers'], message: `consumer ${consumer} is not in systems` });
      }
    });
  });

export type HubOptions = z.input<typeof hubOptionsSchema>;
export type HubSystem = z.infer<typeof hubSystemSchema>;
export type RegistryEntry = z.infer<typeof registryEntrySchema>;
export type HubSigning = z.infer<typeof hubSigningSchema>;

export interface ResolvedHubOptions extends Readonly<Omit<z.output<typeof hubOptionsSchema>, 'now'>> {
  readonly now: () => Date;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Throws ERR_CONFIG_INVALID listing every problem. */
export function resolveHubOptions(options: HubOptions): ResolvedHubOptions {
  const parsed = hubOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new KitError('ERR_CONFIG_INVALID', `hub options are invalid: ${issues.join('; ')}`, { issues });
  }
  const { now, signing, ...rest } = parsed.data;
  // A custom profile object carries functions; freezing it is harmless, but it is the caller's object, so keep it.
  return Object.freeze({ ...deepFreeze(rest), signing: Object.freeze({ ...signing }), now: now ?? (() => new Date()) });
}
