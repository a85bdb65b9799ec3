import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { renderJUnit } from '../../scenarios/junit-report.ts';
import type { LoadedScenario } from '../../scenarios/load-scenarios.ts';
import { runScenarios } from '../../scenarios/run-scenarios.ts';
import { scenarioSchema, type ScenarioInput } from '../../scenarios/scenario-schema.ts';
import type { ScenarioStack, StackProvider } from '../../scenarios/scenario-stack.ts';
import { summaryTable } from '../../scenarios/summary-table.ts';

/**
 * The runner against a FAKE decision service (POST answers 202 with an id, GET answers "notified" with a canned
 * decision chosen by the applicant's family name) and fake stacks that record the fault calls, so scheduling and
 * comparison are tested without the real stack (test/scenarios/all-scenarios.test.ts runs that).
 */

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const DECISIONS: Record<string, unknown> = {
  Granted: { kind: 'granted', amountKopecks: 1660275, period: { from: '2026-11-01', to: '2027-10-31' }, payments: [{ amountKopecks: 1660275 }], notGranted: [] },
  Refused: { kind: 'refused', reasons: [{ code: 'NOT_RESIDENT' }, { code: 'NOT_RESIDENT' }] },
  Review: { kind: 'manual-review', reasons: [{ code: 'FACT_UNAVAILABLE' }] },
};

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

async function fakeDecisionService(): Promise<string> {
  const apps = new Map<string, string>();
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'POST') {
        const body = JSON.parse(await readBody(req)) as { applicant: { name: { family: string } } };
        const id = `app-${apps.size + 1}`;
        apps.set(id, body.applicant.name.family);
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
        return;
      }
      const id = decodeURIComponent(req.url?.split('/').pop() ?? '');
      const family = apps.get(id) ?? '';
      const decision = DECISIONS[family];
      const stuck = decision === undefined;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id,
          status: stuck ? 'requests-sent' : 'notified',
          timeline: (stuck ? ['received', 'requests-sent'] : ['received', 'requests-sent', 'facts-received', (decision as { kind: string }).kind === 'manual-review' ? 'manual-review' : 'decided', 'notified']).map((status) => ({ status })),
          decision: decision ?? null,
        }),
      );
    })();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function scenario(id: string, family: string, expect: Record<string, unknown>, extra: Partial<ScenarioInput> = {}): LoadedScenario {
  const submit = { measure: 'children-3-to-7', applicationDate: '2026-11-16', applicant: { name: { family, first: 'Тест' }, birthDate: '1990-01-01' }, children: [] };
  return { file: `/fake/${id}.json`, scenario: scenarioSchema.parse({ id, title: id, measure: 'children-3-to-7', personas: ['p'], steps: [{ submit, expect }], ...extra }) };
}

function recordingProvider(url: string, log: string[]): StackProvider {
  const stack = (name: string): ScenarioStack => ({
    decisionUrl: url,
    reset: async () => void log.push(`${name}:reset`),
    setFaults: async (p) => void log.push(`${name}:faults:${p.rules.length}`),
    setLatency: async () => void log.push(`${name}:latency`),
    close: async () => void log.push(`${name}:close`),
  });
  let fresh = 0;
  return { shared: async () => stack('shared'), fresh: async () => stack(`own${++fresh}`) };
}

const FAULTS: ScenarioInput['faults'] = { rules: [{ when: { agency: 'fri' }, action: { type: 'maintenance' } }] };

describe('runScenarios', () => {
  it('passes matching outcomes, compares reasons as a set, and lists every difference of a mismatch', async () => {
    const url = await fakeDecisionService();
    const results = await runScenarios({
      provider: recordingProvider(url, []),
      scenarios: [
        scenario('granted', 'Granted', { finalStatus: 'decided', decision: 'granted', amountKopecks: 1660275, period: { from: '2026-11-01' }, reasons: [] }),
        scenario('refused', 'Refused', { finalStatus: 'decided', decision: 'refused', reasons: ['NOT_RESIDENT'] }),
        scenario('wrong', 'Review', { finalStatus: 'decided', decision: 'refused', reasons: ['NO_DEATH_RECORD'] }),
      ],
    });
    expect(results.map((r) => [r.id, r.status])).toEqual([['granted', 'passed'], ['refused', 'passed'], ['wrong', 'failed']]);
    expect(results[2]?.problems).toEqual([
      'finalStatus: expected "decided", got "manual-review"',
      'decision: expected "refused", got "manual-review"',
      'reasons: expected ["NO_DEATH_RECORD"], got ["FACT_UNAVAILABLE"]',
    ]);
    expect(summaryTable(results)).toMatch(/wrong\s+children-3-to-7\s+refused \[NO_DEATH_RECORD\]\s+manual-review \[FACT_UNAVAILABLE\]\s+FAIL/);
  });

  it('fails a scenario whose application is not notified by its deadline, saying where it stuck', async () => {
    const url = await fakeDecisionService();
    const [result] = await runScenarios({ provider: recordingProvider(url, []), scenarios: [scenario('stuck', 'Nobody', { finalStatus: 'decided', within: 200 })] });
    expect(result?.status).toBe('failed');
    expect(result?.problems[0]).toContain('not notified within 200 ms: still "requests-sent" (timeline received → requests-sent)');
  });

  it('gives each fault scenario a fresh stack with its faults set, and runs the fault-free ones on the shared stack', async () => {
    const url = await fakeDecisionService();
    const log: string[] = [];
    await runScenarios({
      provider: recordingProvider(url, log),
      isolatedConcurrency: 1,
      scenarios: [scenario('plain', 'Granted', { finalStatus: 'decided' }), scenario('faulty', 'Review', { finalStatus: 'manual-review' }, { faults: FAULTS })],
    });
    expect(log.filter((l) => l.startsWith('own'))).toEqual(['own1:reset', 'own1:faults:1', 'own1:close']);
    expect(log.filter((l) => l.startsWith('shared'))).toEqual(['shared:reset', 'shared:close']);
  });

  it('without fresh stacks, runs fault scenarios alone after the others, resetting before and after each', async () => {
    const url = await fakeDecisionService();
    const log: string[] = [];
    const provider = recordingProvider(url, log);
    await runScenarios({
      provider: { shared: provider.shared },
      scenarios: [scenario('faulty', 'Review', { finalStatus: 'manual-review' }, { faults: FAULTS }), scenario('plain', 'Granted', { finalStatus: 'decided' })],
      onResult: (r) => log.push(`done:${r.id}`),
    });
    expect(log).toEqual(['shared:reset', 'done:plain', 'shared:reset', 'shared:faults:1', 'shared:reset', 'done:faulty', 'shared:close']);
  });
});

describe('renderJUnit', () => {
  it('writes one suite per measure, a failure with the differences, and an error per invalid file, escaping XML', async () => {
    const url = await fakeDecisionService();
    const results = await runScenarios({ provider: recordingProvider(url, []), scenarios: [scenario('ok', 'Granted', { finalStatus: 'decided' }), scenario('bad', 'Review', { finalStatus: 'decided' })] });
    const xml = renderJUnit(results, [{ file: '/x/<broken>.json', problems: ['steps[0].expect: "a" & \u0001b'] }], 1234);
    expect(xml).toContain('<testsuites name="scenarios" tests="3" failures="1" errors="1" time="1.234">');
    expect(xml).toContain('<testsuite name="scenarios.children-3-to-7" tests="2" failures="1"');
    expect(xml).toMatch(/<testcase classname="scenarios.children-3-to-7" name="ok" file="\/fake\/ok.json" time="[\d.]+"\/>/);
    expect(xml).toContain('<failure message="finalStatus: expected &quot;decided&quot;, got &quot;manual-review&quot;" type="ScenarioMismatch">');
    expect(xml).toContain('name="/x/&lt;broken&gt;.json"');
    expect(xml).toContain('steps[0].expect: &quot;a&quot; &amp; b</error>');
  });
});
