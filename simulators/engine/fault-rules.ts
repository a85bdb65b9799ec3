/**
 * @module fault-rules
 * Decides which fault rule, if any, fires for a call. Rules are ordered and exclusive (the first that fires wins),
 * but every rule whose `when` matches is counted and, if probabilistic, draws from its own stream on every matching
 * call, whether or not an earlier rule won. That keeps each rule's behaviour a function of the calls it concerns
 * only: reordering rules or adding one changes which fault wins, never the dice another rule rolls.
 */
import type { ApplicantStateStore } from './applicant-state.ts';
import type { FaultAction, FaultProfile, FaultRule } from './fault-profile-schema.ts';
import { digitsOf } from './identity-keys.ts';
import { hashString32, type RandomStreams } from './seeded-random.ts';

export interface CompiledFaultRule {
  readonly id: string;
  readonly rule: FaultRule;
}

/** What rules can match on, resolved from the call and its subject. */
export interface FaultContext {
  readonly agency: string;
  readonly operation: string;
  readonly personaId: string | undefined;
  /** The matched member's SNILS, or the SNILS the request named when nobody matched. */
  readonly snils: string | undefined;
  readonly applicantKey: string;
}

/** Keys sorted recursively, so that the same rule always hashes to the same id. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Gives every rule a stable id: its own, or one derived from its content (not its position). */
export function compileFaultProfile(profile: FaultProfile): CompiledFaultRule[] {
  const seen = new Map<string, number>();
  return profile.rules.map((rule) => {
    const { description: _description, id: _id, ...content } = rule;
    const base = rule.id ?? `rule-${hashString32(canonicalJson(content), 7).toString(16).padStart(8, '0')}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return { id: occurrence === 1 ? base : `${base}-${occurrence}`, rule };
  });
}

export function ruleConcerns(rule: FaultRule, context: FaultContext): boolean {
  const when = rule.when;
  if (when.agency !== undefined && when.agency !== context.agency) return false;
  if (when.operation !== undefined && when.operation !== context.operation) return false;
  if (when.personaId !== undefined && when.personaId !== context.personaId) return false;
  if (when.snils !== undefined && (context.snils === undefined || digitsOf(when.snils) !== digitsOf(context.snils))) return false;
  return true;
}

export interface FiredRule {
  readonly ruleId: string;
  readonly action: FaultAction;
}

export function selectFault(args: {
  readonly rules: readonly CompiledFaultRule[];
  readonly context: FaultContext;
  readonly state: ApplicantStateStore;
  readonly random: RandomStreams;
}): FiredRule | undefined {
  const { rules, context, state, random } = args;
  let fired: FiredRule | undefined;
  for (const { id, rule } of rules) {
    if (!ruleConcerns(rule, context)) continue;
    const matchNumber = state.nextRuleMatch(context.applicantKey, id);
    const roll = rule.probability === undefined ? undefined : random.stream(`fault:${id}`).next();
    if (fired !== undefined) continue;
    if (!triggers(rule, matchNumber, roll)) continue;
    if (rule.action.type === 'not-ready' && state.isRuleSpent(context.applicantKey, context.agency, context.operation, id)) continue;
    fired = { ruleId: id, action: rule.action };
  }
  return fired;
}

function triggers(rule: FaultRule, matchNumber: number, roll: number | undefined): boolean {
  if (rule.probability !== undefined) return roll !== undefined && roll < rule.probability;
  if (rule.firstCalls !== undefined) return matchNumber <= rule.firstCalls;
  if (rule.calls !== undefined) return rule.calls.includes(matchNumber);
  return true;
}
