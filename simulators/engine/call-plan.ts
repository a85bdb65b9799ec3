/**
 * @module call-plan
 * The contract between the engine and a transport. The engine decides; the transport (an agency's SOAP server, an
 * msw handler, a test) performs. A plan has exactly one responder (`action`: the real answer or one terminal fault,
 * mutually exclusive as in mountebank) and an ordered list of behaviors that post-process the real answer's bytes.
 */
import type { FaultAction, FaultActionType } from './fault-profile-schema.ts';
import type { MemberMatch, NearMiss, MemberQuery } from './member-query.ts';
import type { SimulatedAgency } from './persona-schema.ts';

/** What a transport knows about an incoming call before answering it. */
export interface SimulatedCall {
  readonly agency: SimulatedAgency;
  /** The agency operation (e.g. "GetIncome"); free text, used for matching, counters and latency. */
  readonly operation: string;
  readonly messageId?: string;
  /** Who the request is about; absent for calls that concern nobody (e.g. a status poll without a subject). */
  readonly subject?: MemberQuery;
}

/** Faults that replace the answer entirely. */
export type TerminalFaultType = Exclude<FaultActionType, BodyFaultType>;
export type TerminalFault = Extract<FaultAction, { type: TerminalFaultType }>;
/** Faults that keep the real answer but spoil how it is delivered. */
export type BodyFaultType = 'truncated-xml' | 'bad-signature' | 'slow-drip';

export const BODY_FAULT_TYPES: readonly BodyFaultType[] = Object.freeze(['truncated-xml', 'bad-signature', 'slow-drip']);

export function isBodyFault(action: FaultAction): action is Extract<FaultAction, { type: BodyFaultType }> {
  return (BODY_FAULT_TYPES as readonly string[]).includes(action.type);
}

/** Post-processing steps on the answer bytes, applied in order by `applyBehaviors`. */
export type Behavior =
  | { readonly kind: 'corrupt-signature' }
  | { readonly kind: 'truncate'; readonly fraction: number }
  | { readonly kind: 'drip'; readonly chunkSize: number; readonly delayMs: number };

/** Where the plan's action came from, for the journal and for people reading /__admin/journal. */
export type PlanSource = { readonly kind: 'default' } | { readonly kind: 'maintenance' } | { readonly kind: 'rule'; readonly ruleId: string } | { readonly kind: 'sequence' } | { readonly kind: 'not-ready-countdown'; readonly ruleId: string };

export interface CallPlan {
  readonly call: SimulatedCall;
  /** Wait this long before the first byte (the transport's job; the engine never sleeps). */
  readonly latencyMs: number;
  readonly action: 'answer' | TerminalFault;
  readonly behaviors: readonly Behavior[];
  /** The fault that shaped this plan (terminal or body), if any. */
  readonly fault: FaultAction | undefined;
  readonly source: PlanSource;
  /** The persona member the call is about, when the subject matched one. */
  readonly subject: MemberMatch | undefined;
  /** Set when the call named a subject and nobody matched; the answer builder usually replies "no data". */
  readonly unmatched: { readonly nearMisses: readonly NearMiss[]; readonly explanation: string } | undefined;
  /** Key of the applicant's state ("persona/member", "snils:…", "inn:…" or "anonymous"). */
  readonly applicantKey: string;
  /** 1-based number of this call for (agency, operation, applicant). */
  readonly callNumber: number;
}
