/**
 * @module runtime-options
 * What one agency simulator process needs besides its AgencySimulator and engine, validated once with zod at
 * start-up (a bad key or a strict mode without a trust list fails there, never on the first request).
 */
import { z } from 'zod';
import { KitError } from '../../core/errors/index.ts';
import { PROFILES, TrustList, type SignatureProfile } from '../../core/smev/signature/index.ts';
import { SMEV_VERSIONS, type SmevVersion } from '../../core/smev/envelope/index.ts';
import type { SimulatorEngine } from '../engine/index.ts';
import type { AgencySimulator } from './agency-simulator.ts';
import { DEFAULT_HOT_PATH_MEMO, type HotPathMemoLimits } from './hot-path-memo.ts';

const pem = (label: string) => z.string().refine((text) => text.includes(`-----BEGIN`) && text.includes(label), `expected a PEM text holding a ${label}`);

export const runtimeSigningSchema = z.strictObject({
  profile: z.union([z.enum(Object.keys(PROFILES) as [keyof typeof PROFILES, ...(keyof typeof PROFILES)[]]), z.custom<SignatureProfile>((v) => typeof v === 'object' && v !== null && 'signatureAlgorithmUri' in v)]),
  privateKeyPem: pem('PRIVATE KEY'),
  certificatePem: pem('CERTIFICATE'),
});
export type RuntimeSigning = z.infer<typeof runtimeSigningSchema>;

/** Receives what the runtime hides from callers (a crash in an agency's answer code, an unexpected error). */
export interface RuntimeLogger {
  error(message: string, error: unknown): void;
}

export interface AgencyRuntimeOptions {
  readonly simulator: AgencySimulator;
  readonly engine: SimulatorEngine;
  /** The agency's key and certificate: every answer (and RequestRejected / RequestStatus) is signed with it. */
  readonly signing: RuntimeSigning;
  /**
   * Sign answers, RequestRejected and RequestStatus (default true). false sends them without kit:AgencySignature
   * (e.g. to measure what signing costs); `signing` is still required, and a corrupt-signature fault then has
   * nothing to spoil and leaves the answer as it is.
   */
  readonly signAnswers?: boolean;
  /** Certificates caller signatures are checked against; without it caller signatures are not checked. */
  readonly trust?: TrustList;
  /** Refuse requests without a valid kit:CallerSignature (SMEV's strict mode); needs `trust`. */
  readonly requireSignedRequests?: boolean;
  /** "Today" for the agency; default the wall clock. */
  readonly now?: () => Date;
  /** Schema version of SMEV-style faults; default 1.2. */
  readonly smevVersion?: SmevVersion;
  /** Check the simulator's own answers against the XSD before sending (default true): an agency bug fails loudly. */
  readonly validateAnswers?: boolean;
  /**
   * Remember checked requests, written answers and built (signed) envelopes by content, bounded (hot-path-memo.ts).
   * On by default with DEFAULT_HOT_PATH_MEMO; `false` does every step on every call (same bytes, slower).
   */
  readonly memo?: false | Partial<HotPathMemoLimits>;
  readonly logger?: RuntimeLogger;
}

const flagsSchema = z.strictObject({
  trust: z.custom<TrustList>((v) => v instanceof TrustList, "expected a TrustList").optional(),
  requireSignedRequests: z.boolean().default(false),
  signAnswers: z.boolean().default(true),
  now: z.custom<() => Date>((v) => typeof v === 'function').optional(),
  smevVersion: z.enum(SMEV_VERSIONS as [SmevVersion, ...SmevVersion[]]).default('1.2'),
  validateAnswers: z.boolean().default(true),
  memo: z
    .union([
      z.literal(false),
      z.strictObject({
        maxEntries: z.number().int().nonnegative().optional(),
        maxBytes: z.number().int().nonnegative().optional(),
        maxRequestBytes: z.number().int().nonnegative().optional(),
      }),
    ])
    .optional(),
});

export interface ResolvedRuntimeOptions {
  readonly simulator: AgencySimulator;
  readonly engine: SimulatorEngine;
  readonly signing: RuntimeSigning;
  readonly trust: TrustList | undefined;
  readonly requireSignedRequests: boolean;
  readonly signAnswers: boolean;
  readonly now: () => Date;
  readonly smevVersion: SmevVersion;
  readonly validateAnswers: boolean;
  /** undefined when memoizing is off. */
  readonly memo: HotPathMemoLimits | undefined;
  readonly logger: RuntimeLogger;
}

const consoleLogger: RuntimeLogger = { error: (message, error) => console.error(`[agency-simulator] ${message}`, error) };

/** Throws ERR_CONFIG_INVALID listing every problem. */
export function resolveRuntimeOptions(options: AgencyRuntimeOptions): ResolvedRuntimeOptions {
  const { simulator, engine, signing, logger, ...flags } = options;
  const problems: string[] = [];
  if (simulator?.contract?.agency !== simulator?.agency) problems.push(`simulator.agency "${simulator?.agency}" differs from its contract's agency`);
  const parsedSigning = runtimeSigningSchema.safeParse(signing);
  if (!parsedSigning.success) problems.push(...parsedSigning.error.issues.map((i) => `signing.${i.path.join('.')}: ${i.message}`));
  const parsedFlags = flagsSchema.safeParse(flags);
  if (!parsedFlags.success) problems.push(...parsedFlags.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (parsedFlags.success && parsedFlags.data.requireSignedRequests && parsedFlags.data.trust === undefined) {
    problems.push('requireSignedRequests needs a trust list to check caller signatures against');
  }
  if (problems.length > 0 || !parsedSigning.success || !parsedFlags.success) {
    throw new KitError('ERR_CONFIG_INVALID', `agency simulator options are invalid: ${problems.join('; ')}`, { issues: problems });
  }
  const f = parsedFlags.data;
  return {
    simulator,
    engine,
    signing: parsedSigning.data,
    trust: f.trust,
    requireSignedRequests: f.requireSignedRequests,
    signAnswers: f.signAnswers,
    now: f.now ?? (() => new Date()),
    smevVersion: f.smevVersion,
    validateAnswers: f.validateAnswers,
    memo: f.memo === false ? undefined : { ...DEFAULT_HOT_PATH_MEMO, ...stripUndefined(f.memo ?? {}) },
    logger: logger ?? consoleLogger,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
