import { afterEach, describe, expect, it } from 'vitest';
import type { CallPlan, SimulatedCall } from '../../simulators/engine/call-plan.ts';
import type { SimulatorEngine } from '../../simulators/engine/simulator-engine.ts';
import { isKitError } from '../../core/errors/index.ts';
import { createTestEngine, MOTHER, SON } from './support.ts';

const engines: SimulatorEngine[] = [];
function engine(overrides: Record<string, unknown> = {}): SimulatorEngine {
  const created = createTestEngine(overrides);
  engines.push(created);
  return created;
}
afterEach(() => engines.splice(0).forEach((e) => e.close()));

const fnsCall = (subject: SimulatedCall['subject'] = MOTHER): SimulatedCall => ({ agency: 'fns', operation: 'GetIncome', subject });
const summary = (plan: CallPlan): string => `${plan.latencyMs}:${plan.action === 'answer' ? 'answer' : plan.action.type}:${plan.behaviors.map((b) => b.kind).join('+')}`;
const flaky = { rules: [{ probability: 0.3, action: { type: 'http-status', status: 503 } }, { probability: 0.2, action: { type: 'truncated-xml', fraction: 0.5 } }] };
const latency = { default: { kind: 'lognormal', medianMs: 120, sigma: 0.6, maxMs: 2000 } };

function run(e: SimulatorEngine, calls: number): string[] {
  const agencies = ['fns', 'sfr', 'mvd'] as const;
  return Array.from({ length: calls }, (_, i) => summary(e.decide({ agency: agencies[i % 3] ?? 'fns', operation: 'Op', subject: i % 2 === 0 ? MOTHER : SON })));
}

describe('SimulatorEngine.decide', () => {
  it('produces the same plan sequence from the same seed', () => {
    expect(run(engine({ faults: flaky, latency }), 300)).toEqual(run(engine({ faults: flaky, latency }), 300));
  });

  it('produces a different sequence from a different seed', () => {
    expect(run(engine({ faults: flaky, latency, seed: 1 }), 100)).not.toEqual(run(engine({ faults: flaky, latency, seed: 2 }), 100));
  });

  it('replays the run after reset()', () => {
    const e = engine({ faults: flaky, latency });
    const first = run(e, 100);
    e.reset();
    expect(run(e, 100)).toEqual(first);
  });

  it('keeps latencies of unrelated calls unchanged when a fault rule is added', () => {
    const latencies = (e: SimulatorEngine): number[] => Array.from({ length: 50 }, () => e.decide({ agency: 'sfr', operation: 'GetPayments', subject: MOTHER }).latencyMs);
    const withFaults = engine({ latency, faults: { rules: [{ when: { agency: 'sfr' }, probability: 0.5, action: { type: 'connection-reset' } }] } });
    expect(latencies(withFaults)).toEqual(latencies(engine({ latency })));
  });

  it('fails the first N matching calls of each applicant with a scripted firstCalls rule', () => {
    const e = engine({ faults: { rules: [{ id: 'first-two', when: { agency: 'fns' }, firstCalls: 2, action: { type: 'soap-fault', fault: 'SMEVFailure' } }] } });
    const mother = [1, 2, 3].map(() => e.decide(fnsCall()));
    expect(mother.map((p) => (p.action === 'answer' ? 'answer' : p.action.type))).toEqual(['soap-fault', 'soap-fault', 'answer']);
    expect(mother[0]?.source).toEqual({ kind: 'rule', ruleId: 'first-two' });
    // Another applicant has their own count.
    expect(e.decide(fnsCall(SON)).action).toMatchObject({ type: 'soap-fault' });
  });

  it('fires a rule on the listed call numbers only', () => {
    const e = engine({ faults: { rules: [{ calls: [2, 4], action: { type: 'rejected', code: 'NO_DATA' } }] } });
    const kinds = Array.from({ length: 5 }, () => e.decide(fnsCall()).action).map((a) => (a === 'answer' ? 'answer' : a.type));
    expect(kinds).toEqual(['answer', 'rejected', 'answer', 'rejected', 'answer']);
  });

  it('answers not-ready N times for an applicant and then the real answer', () => {
    const e = engine({ faults: { rules: [{ id: 'fns-52', when: { agency: 'fns' }, action: { type: 'not-ready', times: 2 } }] } });
    const kinds = Array.from({ length: 4 }, () => e.decide(fnsCall()).action).map((a) => (a === 'answer' ? 'answer' : a.type));
    expect(kinds).toEqual(['not-ready', 'not-ready', 'answer', 'answer']);
  });

  it('matches rules by persona id and by member SNILS', () => {
    const e = engine({
      faults: {
        rules: [
          { when: { snils: '12345678964' }, action: { type: 'timeout', holdMs: 100 } },
          { when: { personaId: 'single-ivanov' }, action: { type: 'connection-reset' } },
        ],
      },
    });
    expect(e.decide(fnsCall(SON)).action).toEqual({ type: 'timeout', holdMs: 100 });
    expect(e.decide(fnsCall(MOTHER)).action).toBe('answer');
    expect(e.decide(fnsCall({ snils: '987-654-321 00' })).action).toEqual({ type: 'connection-reset' });
  });

  it('turns body faults into behaviors on the real answer', () => {
    const e = engine({ faults: { rules: [{ firstCalls: 1, action: { type: 'slow-drip', chunkSize: 10, delayMs: 5 } }, { action: { type: 'bad-signature' } }] } });
    expect(e.decide(fnsCall())).toMatchObject({ action: 'answer', behaviors: [{ kind: 'drip', chunkSize: 10, delayMs: 5 }] });
    expect(e.decide(fnsCall())).toMatchObject({ action: 'answer', behaviors: [{ kind: 'corrupt-signature' }], fault: { type: 'bad-signature' } });
  });

  it('answers maintenance for every call while maintenance is on', () => {
    const e = engine();
    e.setMaintenance(true);
    expect(e.decide(fnsCall()).action).toEqual({ type: 'maintenance' });
    expect(e.health().status).toBe('maintenance');
    e.setMaintenance(false);
    expect(e.decide(fnsCall()).action).toBe('answer');
  });

  it('plays a scripted sequence for one applicant before the rules', () => {
    const e = engine();
    e.scriptSequence('family-petrova/mother', 'fns', '*', [{ type: 'http-status', status: 500 }, 'answer', { type: 'connection-reset' }]);
    const kinds = Array.from({ length: 4 }, () => e.decide(fnsCall()).action).map((a) => (a === 'answer' ? 'answer' : a.type));
    expect(kinds).toEqual(['http-status', 'answer', 'connection-reset', 'answer']);
  });

  it('reports the subject, the applicant key and the call number', () => {
    const e = engine();
    e.decide(fnsCall());
    const plan = e.decide(fnsCall({ inn: '771234567890' }));
    expect(plan.subject?.member.key).toBe('mother');
    expect(plan).toMatchObject({ applicantKey: 'family-petrova/mother', callNumber: 2, unmatched: undefined });
  });

  it('keys an unknown applicant by the SNILS asked and carries the near-miss explanation', () => {
    const plan = engine().decide(fnsCall({ snils: '112-233-445 59' }));
    expect(plan.subject).toBeUndefined();
    expect(plan.applicantKey).toBe('snils:11223344559');
    expect(plan.unmatched?.explanation).toMatch(/^snils 112-233-445 59 matched no member; closest: family-petrova\/mother/);
  });

  it('counts calls per applicant and resets one applicant or all', () => {
    const e = engine();
    e.decide(fnsCall());
    e.decide(fnsCall(SON));
    expect(e.state.inspect('family-petrova/mother')?.calls).toEqual({ 'fns/GetIncome': 1 });
    expect(e.resetState('family-petrova/mother')).toBe(true);
    expect(e.state.keys()).toEqual(['family-petrova/son']);
    e.reset();
    expect(e.state.keys()).toEqual([]);
  });

  it('refuses an invalid config listing every problem', () => {
    try {
      engine({ seed: undefined, journal: { maxEntries: 0, maxBytes: 1 }, faults: { rules: [{ action: { type: 'explode' } }] } });
      expect.unreachable();
    } catch (error) {
      expect(isKitError(error, 'ERR_CONFIG_INVALID')).toBe(true);
      const paths = ((error as { details: { issues: { path: string }[] } }).details.issues).map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['seed', 'journal.maxEntries', 'journal.maxBytes', 'faults.rules[0].action.type']));
    }
  });

  it('freezes its config', () => {
    const e = engine();
    expect(Object.isFrozen(e.config)).toBe(true);
    expect(Object.isFrozen(e.config.journal)).toBe(true);
  });

  it('records a performed plan in the journal with its fault and near miss', () => {
    const e = engine({ faults: { rules: [{ id: 'r503', action: { type: 'http-status', status: 503 } }] } });
    const plan = e.decide({ ...fnsCall({ snils: '000-000-000 00' }), messageId: 'm-1' });
    const entry = e.record(plan, { request: '<req/>', response: 'Simulated HTTP 503', status: 503 });
    expect(entry).toMatchObject({ agency: 'fns', messageId: 'm-1', status: 503, ruleId: 'r503', fault: { type: 'http-status', status: 503 } });
    expect(entry.nearMiss).toMatch(/^snils 000-000-000 00 matched no member/);
    expect(e.journal.query({ messageId: 'm-1' })).toEqual([entry]);
  });
});
