/**
 * @module simulator-engine
 * The one scenario engine behind all six mock agencies. It is transport-agnostic: an agency simulator asks
 * `decide(call)` what to do, builds the real answer from `plan.subject` when `plan.action === 'answer'`, performs
 * the plan (wait, fault, behaviors; see body-behaviors), then calls `record(...)`. The engine itself never sleeps,
 * opens sockets or writes XML.
 */
import { KitError } from '../../core/errors/index.ts';
import { ApplicantStateStore, type ApplicantStateSnapshot, type SequenceStep } from './applicant-state.ts';
import { isBodyFault, type Behavior, type CallPlan, type PlanSource, type SimulatedCall, type TerminalFault } from './call-plan.ts';
import { parseEngineConfig, type EngineConfig } from './engine-config.ts';
import { faultProfileSchema, type FaultAction, type FaultProfile } from './fault-profile-schema.ts';
import { compileFaultProfile, selectFault, type CompiledFaultRule, type FaultContext } from './fault-rules.ts';
import { digitsOf } from './identity-keys.ts';
import { Journal, type JournalEntry, type JournalStats } from './journal.ts';
import { latencyConfigSchema, resolveLatencyModel, sampleLatency, type LatencyConfig } from './latency.ts';
import { isMemberMatch, type MemberQuery } from './member-query.ts';
import { PersonaStore, type PersonaStoreStatus } from './persona-store.ts';
import { RandomStreams } from './seeded-random.ts';
import { formatIssuePath } from './persona-files.ts';

/** What the transport reports after performing a plan. */
export interface CallOutcome {
  readonly request?: string | Uint8Array;
  readonly response?: string | Uint8Array;
  /** HTTP status sent, or 'no-response' for connection-reset / timeout. */
  readonly status: number | 'no-response';
  readonly at?: Date;
}

export interface EngineHealth {
  readonly status: 'ok' | 'maintenance' | 'degraded';
  readonly seed: number | string;
  readonly maintenance: boolean;
  readonly personas: PersonaStoreStatus;
  readonly faultRules: number;
  readonly journal: JournalStats;
  readonly applicants: number;
}

const MAINTENANCE: TerminalFault = Object.freeze({ type: 'maintenance' });

function toBehaviors(action: FaultAction): Behavior[] {
  switch (action.type) {
    case 'bad-signature':
      return [{ kind: 'corrupt-signature' }];
    case 'truncated-xml':
      return [{ kind: 'truncate', fraction: action.fraction }];
    case 'slow-drip':
      return [{ kind: 'drip', chunkSize: action.chunkSize, delayMs: action.delayMs }];
    default:
      return [];
  }
}

function validationError(what: string, issues: readonly { path: PropertyKey[]; message: string }[]): KitError {
  const list = issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
  return new KitError('ERR_VALIDATION', `${what} is invalid: ${list.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues: list });
}

/** The state key of a call's applicant: the member when matched, otherwise the identifier the request named. */
export function applicantKeyOf(subject: CallPlan['subject'], query: MemberQuery | undefined): string {
  if (subject !== undefined) return `${subject.persona.id}/${subject.member.key}`;
  if (query?.snils !== undefined) return `snils:${digitsOf(query.snils)}`;
  if (query?.inn !== undefined) return `inn:${digitsOf(query.inn)}`;
  return 'anonymous';
}

export class SimulatorEngine {
  readonly config: EngineConfig;
  readonly personas: PersonaStore;
  readonly state = new ApplicantStateStore();
  readonly journal: Journal;
  #random: RandomStreams;
  #faults: FaultProfile;
  #rules: CompiledFaultRule[];
  #latency: LatencyConfig;
  #maintenance: boolean;
  #configGeneration = 0;

  /** Throws ERR_CONFIG_INVALID on a bad config or a persona set with problems: fail at start-up, not per request. */
  constructor(input: unknown) {
    this.config = parseEngineConfig(input);
    const c = this.config;
    this.#random = new RandomStreams(c.seed);
    this.#faults = c.faults;
    this.#rules = compileFaultProfile(c.faults);
    this.#latency = c.latency;
    this.#maintenance = c.maintenance;
    this.journal = new Journal(c.journal);
    this.personas = new PersonaStore({ directory: c.personasDir, watch: c.watchPersonas ?? c.personasDir !== undefined, debounceMs: c.reloadDebounceMs });
    const initial = c.personas === undefined ? undefined : this.personas.replace(c.personas, 'config.personas');
    const issues = initial?.issues ?? this.personas.status().lastIssues;
    if (issues.length > 0) {
      this.personas.close();
      throw new KitError('ERR_CONFIG_INVALID', `persona fixtures are invalid: ${issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('; ')}`, { issues });
    }
  }

  /**
   * Changes whenever the persona set or the engine's configuration (faults, latency, maintenance, scripts, reset)
   * changes. Transports that memoize work derived from either key it by this value, so a change invalidates it.
   */
  get generation(): string {
    return `${this.personas.generation}.${this.#configGeneration}`;
  }

  /** Decides how to treat one call. Counts the call; draws from seeded streams; never waits. */
  decide(call: SimulatedCall): CallPlan {
    const lookup = call.subject === undefined ? undefined : this.personas.findMember(call.subject);
    const subject = lookup !== undefined && isMemberMatch(lookup) ? lookup.match : undefined;
    const unmatched = lookup !== undefined && !isMemberMatch(lookup) ? { nearMisses: lookup.nearMisses, explanation: lookup.explanation } : undefined;
    const applicantKey = applicantKeyOf(subject, call.subject);
    const callNumber = this.state.nextCallNumber(applicantKey, call.agency, call.operation);
    // Latency is drawn first and from its own stream, so fault settings never change the latencies of a run.
    const model = resolveLatencyModel(this.#latency, call.agency, call.operation);
    const latencyMs = sampleLatency(model, this.#random.stream(`latency:${call.agency}:${call.operation}`));
    const context: FaultContext = {
      agency: call.agency,
      operation: call.operation,
      personaId: subject?.persona.id,
      snils: subject?.member.person.snils ?? call.subject?.snils,
      applicantKey,
    };
    const { step, source } = this.#chooseStep(context);
    const base = { call, latencyMs, subject, unmatched, applicantKey, callNumber, source };
    if (step === 'answer') return { ...base, action: 'answer', behaviors: [], fault: undefined };
    if (isBodyFault(step)) return { ...base, action: 'answer', behaviors: toBehaviors(step), fault: step };
    return { ...base, action: step as TerminalFault, behaviors: [], fault: step };
  }

  /** Order of precedence: maintenance, a scripted sequence, a running not-ready countdown, fault rules, the answer. */
  #chooseStep(context: FaultContext): { step: SequenceStep; source: PlanSource } {
    const { applicantKey: key, agency, operation } = context;
    if (this.#maintenance) return { step: MAINTENANCE, source: { kind: 'maintenance' } };
    const scripted = this.state.takeSequenceStep(key, agency, operation);
    if (scripted !== undefined) return { step: scripted, source: { kind: 'sequence' } };
    const pending = this.state.takeNotReady(key, agency, operation);
    if (pending !== undefined) {
      const rule = this.#rules.find((r) => r.id === pending.ruleId);
      const times = rule?.rule.action.type === 'not-ready' ? rule.rule.action.times : pending.remaining + 1;
      return { step: { type: 'not-ready', times }, source: { kind: 'not-ready-countdown', ruleId: pending.ruleId } };
    }
    const fired = selectFault({ rules: this.#rules, context, state: this.state, random: this.#random });
    if (fired === undefined) return { step: 'answer', source: { kind: 'default' } };
    if (fired.action.type === 'not-ready') this.state.armNotReady(key, agency, operation, fired.ruleId, fired.action.times);
    return { step: fired.action, source: { kind: 'rule', ruleId: fired.ruleId } };
  }

  /** Journals a performed plan. */
  record(plan: CallPlan, outcome: CallOutcome): JournalEntry {
    return this.journal.append({
      time: outcome.at ?? new Date(),
      agency: plan.call.agency,
      operation: plan.call.operation,
      messageId: plan.call.messageId,
      personaId: plan.subject?.persona.id,
      memberKey: plan.subject?.member.key,
      applicantKey: plan.applicantKey,
      request: outcome.request,
      response: outcome.response,
      status: outcome.status,
      fault: plan.fault,
      ruleId: plan.source.kind === 'rule' || plan.source.kind === 'not-ready-countdown' ? plan.source.ruleId : undefined,
      latencyMs: plan.latencyMs,
      nearMiss: plan.unmatched?.explanation,
    });
  }

  get faults(): FaultProfile {
    return this.#faults;
  }

  /** Replaces the fault profile (validated); rule counters and countdowns start afresh. */
  setFaults(input: unknown): FaultProfile {
    this.#configGeneration += 1;
    const parsed = faultProfileSchema.safeParse(input);
    if (!parsed.success) throw validationError('fault profile', parsed.error.issues);
    this.#faults = Object.freeze(parsed.data);
    this.#rules = compileFaultProfile(parsed.data);
    this.state.forgetRuleProgress();
    return this.#faults;
  }

  get latency(): LatencyConfig {
    return this.#latency;
  }

  setLatency(input: unknown): LatencyConfig {
    this.#configGeneration += 1;
    const parsed = latencyConfigSchema.safeParse(input);
    if (!parsed.success) throw validationError('latency config', parsed.error.issues);
    this.#latency = Object.freeze(parsed.data);
    return this.#latency;
  }

  /** Scripts the next answers for one applicant, e.g. ['answer', { type: 'http-status', status: 503 }, 'answer']. */
  scriptSequence(applicantKey: string, agency: string, operation: string, steps: readonly SequenceStep[]): void {
    this.#configGeneration += 1;
    this.state.setSequence(applicantKey, agency, operation, steps);
  }

  get maintenance(): boolean {
    return this.#maintenance;
  }

  setMaintenance(on: boolean): void {
    this.#configGeneration += 1;
    this.#maintenance = on;
  }

  inspectState(key?: string): ApplicantStateSnapshot[] | ApplicantStateSnapshot | undefined {
    return key === undefined ? this.state.list() : this.state.inspect(key);
  }

  resetState(key: string): boolean {
    return this.state.reset(key);
  }

  /**
   * Back to the start of a run: applicant state and journal cleared, random streams rewound to the seed, maintenance
   * as configured. Personas, faults and latency stay as they are now.
   */
  reset(): void {
    this.#configGeneration += 1;
    this.state.reset();
    this.journal.clear();
    this.#random = new RandomStreams(this.config.seed);
    this.#maintenance = this.config.maintenance;
  }

  health(): EngineHealth {
    const personas = this.personas.status();
    const status = this.#maintenance ? 'maintenance' : personas.lastIssues.length > 0 ? 'degraded' : 'ok';
    return {
      status,
      seed: this.config.seed,
      maintenance: this.#maintenance,
      personas,
      faultRules: this.#rules.length,
      journal: this.journal.stats(),
      applicants: this.state.keys().length,
    };
  }

  /** Stops the persona watcher; call when the simulator process shuts down (and in tests). */
  close(): void {
    this.personas.close();
  }
}
