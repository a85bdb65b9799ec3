/**
 * The pipeline's stages alone, with fakes: compose order, what the retry stage retries, the breaker's state
 * machine on a fake clock, the timeout stage.
 */
import { describe, expect, it } from 'vitest';
import { fnsIncomeAdapter } from '../../adapters/index.ts';
import { KitError } from '../../core/errors/index.ts';
import { DEMO_CONSUMERS } from '../../gateway/config/consumers.ts';
import { newTrace, type CallContext, type CallResult, type Stage } from '../../gateway/pipeline/call-context.ts';
import { CircuitBreaker } from '../../gateway/pipeline/circuit-breaker.ts';
import { compose } from '../../gateway/pipeline/compose.ts';
import { NO_METRICS } from '../../gateway/pipeline/metrics-port.ts';
import { retryStage } from '../../gateway/pipeline/stages/retry.ts';
import { timeoutStage } from '../../gateway/pipeline/stages/timeout.ts';

const ctx = (): CallContext => ({
  call: { agency: 'fns', operation: 'fns.IncomeRequest', adapter: fnsIncomeAdapter, groups: ['income'], query: { subject: { name: { family: 'А', first: 'Б' }, birthDate: '1980-01-01' }, purpose: { measure: 'm' } } },
  consumer: DEMO_CONSUMERS[0]!,
  purpose: { measure: 'm' },
  correlationId: 'c-1',
  log: { info: () => undefined, warn: () => undefined },
  trace: newTrace(),
});
const failed = (code: 'ERR_AGENCY_UNAVAILABLE' | 'ERR_AGENCY_ACCESS_DENIED' | 'ERR_SMEV_FAULT', details: Record<string, unknown> = {}): CallResult => ({ kind: 'error', error: new KitError(code, code, details) });
const answered: CallResult = { kind: 'facts', facts: {} };

function scripted(results: CallResult[]): { terminal: () => Promise<CallResult>; calls: () => number } {
  let calls = 0;
  return { terminal: async () => results[Math.min(calls++, results.length - 1)]!, calls: () => calls };
}

const retry = (retries = 3) => retryStage({ retries, minDelayMs: 1, maxDelayMs: 2, budgetMs: 5_000, metrics: NO_METRICS });

describe('compose', () => {
  it('runs stages in list order around the terminal', async () => {
    const seen: string[] = [];
    const stage = (name: string): Stage => async (_ctx, next) => {
      seen.push(`>${name}`);
      const result = await next();
      seen.push(`<${name}`);
      return result;
    };
    await compose([stage('a'), stage('b')], async () => {
      seen.push('terminal');
      return answered;
    })(ctx());
    expect(seen).toEqual(['>a', '>b', 'terminal', '<b', '<a']);
  });

  it('lets a stage answer without calling next', async () => {
    const script = scripted([answered]);
    const refuse: Stage = async () => failed('ERR_AGENCY_ACCESS_DENIED');
    expect((await compose([refuse], script.terminal)(ctx())).kind).toBe('error');
    expect(script.calls()).toBe(0);
  });
});

describe('retryStage', () => {
  it('retries a retryable outcome until it succeeds and records the attempts', async () => {
    const script = scripted([failed('ERR_AGENCY_UNAVAILABLE'), { kind: 'not-ready' }, answered]);
    const c = ctx();
    expect(await compose([retry()], script.terminal)(c)).toBe(answered);
    expect(script.calls()).toBe(3);
    expect(c.trace.attempts).toBe(3);
  });

  it('returns the last outcome when the retries run out', async () => {
    const script = scripted([failed('ERR_AGENCY_UNAVAILABLE')]);
    const result = await compose([retry(2)], script.terminal)(ctx());
    expect(result.kind === 'error' && result.error.code).toBe('ERR_AGENCY_UNAVAILABLE');
    expect(script.calls()).toBe(3);
  });

  it.each([
    ['access denied', failed('ERR_AGENCY_ACCESS_DENIED')],
    ['a final SMEV fault', failed('ERR_SMEV_FAULT', { fault: 'AccessDenied' })],
    ['MessageIsAlreadySent', failed('ERR_SMEV_FAULT', { fault: 'MessageIsAlreadySent' })],
    ['a breaker refusal', failed('ERR_AGENCY_UNAVAILABLE', { breaker: 'open' })],
    ['no data', { kind: 'no-data', reason: 'none' } as CallResult],
  ])('does not retry %s', async (_name, result) => {
    const script = scripted([result]);
    await compose([retry()], script.terminal)(ctx());
    expect(script.calls()).toBe(1);
  });
});

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one probe through after the cool-down, and closes on its success', () => {
    let now = 0;
    const states: string[] = [];
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 100, now: () => now }, (s) => states.push(s));
    breaker.tryAcquire();
    breaker.record(true);
    expect(breaker.snapshot().state).toBe('closed');
    breaker.tryAcquire();
    breaker.record(true);
    expect(breaker.tryAcquire()).toBe(false);
    now = 100;
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // one probe at a time
    breaker.record(false);
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('reopens when the probe fails', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 100, now: () => now });
    breaker.tryAcquire();
    breaker.record(true);
    now = 150;
    breaker.tryAcquire();
    breaker.record(true);
    expect(breaker.snapshot().state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });
});

describe('timeoutStage', () => {
  it('answers ERR_AGENCY_TIMEOUT when the rest of the pipeline does not settle in time', async () => {
    const result = await compose([timeoutStage(20)], () => new Promise<CallResult>(() => undefined))(ctx());
    expect(result.kind === 'error' && result.error.code).toBe('ERR_AGENCY_TIMEOUT');
  });
});
