import { afterEach, describe, expect, it } from 'vitest';
import { demoApplication } from '../../stack/demo-applications.ts';
import { startStack, type RunningStack } from '../../stack/start-stack.ts';

const running: RunningStack[] = [];
afterEach(async () => {
  for (const stack of running.splice(0).reverse()) await stack.close();
});

async function submitAndWait(decisionUrl: string, body: unknown, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const posted = await fetch(`${decisionUrl}/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(posted.status).toBe(202);
  const { id } = (await posted.json()) as { id: string };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const view = (await (await fetch(`${decisionUrl}/v1/applications/${id}`)).json()) as Record<string, unknown>;
    if ((view.timeline as { status: string }[]).some((t) => t.status === 'notified')) return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`application ${id} not notified within ${timeoutMs} ms`);
}

const listeningServers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

describe('startStack', () => {
  it('starts the six agencies, the hub, the gateway and the decision service on free ports and decides the golden 3-to-7 persona: granted', async () => {
    const stack = await startStack({ ports: 'auto', dataDir: { temp: true }, watchPersonas: false, logLevel: 'silent' });
    running.push(stack);
    expect(Object.keys(stack.urls.agencies)).toEqual(['sfr', 'fns', 'fri', 'gis-zhkh', 'zags', 'mvd']);
    expect(stack.urls.hub).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/smev\/v1\.2\/ws$/);
    const view = await submitAndWait(stack.urls.decision, demoApplication('children-3-7-sergeeva-golden-75', 'children-3-to-7', '2026-11-16'));
    expect((view.decision as { kind: string; amountKopecks: number }).amountKopecks).toBe(3_320_550);
    expect((view.timeline as { status: string }[]).map((t) => t.status)).toEqual(['received', 'requests-sent', 'facts-received', 'decided', 'notified']);
  }, 40_000);

  it('hands out the simulators\' engine, so a fault injected through it reaches the decision: an agency down gives manual review', async () => {
    const stack = await startStack({ ports: 'auto', dataDir: { temp: true }, watchPersonas: false, logLevel: 'silent', hub: false, gatewayEnv: { GATEWAY_RETRIES: '1', GATEWAY_RETRY_MIN_DELAY_MS: '10', GATEWAY_RETRY_MAX_DELAY_MS: '20' } });
    running.push(stack);
    expect(stack.urls.hub).toBeUndefined();
    stack.engine.setFaults({ rules: [{ when: { agency: 'fri' }, action: { type: 'http-status', status: 503 } }] });
    const view = await submitAndWait(stack.urls.decision, demoApplication('utility-vasiliev-granted', 'utility-compensation', '2026-11-16'));
    expect((view.decision as { kind: string }).kind).toBe('manual-review');
  }, 40_000);

  it('decides the utility persona Vasiliev through the exchange hub when the gateway runs in hub mode: granted', async () => {
    const stack = await startStack({ ports: 'auto', dataDir: { temp: true }, watchPersonas: false, logLevel: 'silent', gatewayMode: 'hub' });
    running.push(stack);
    const view = await submitAndWait(stack.urls.decision, demoApplication('utility-vasiliev-granted', 'utility-compensation', '2026-11-16'), 30_000);
    expect((view.decision as { kind: string }).kind, JSON.stringify(view.decision)).toBe('granted');
    const journal = (await (await fetch(`${stack.urls.admin['gis-zhkh']}/journal?limit=5`)).json()) as unknown;
    expect(JSON.stringify(journal)).toContain('gis-zhkh');
  }, 40_000);

  it('closes what it had started when a later component fails to start, leaving no server listening', async () => {
    const before = listeningServers();
    await expect(startStack({ ports: 'auto', dataDir: { temp: true }, watchPersonas: false, logLevel: 'silent', gatewayEnv: { GATEWAY_RETRIES: 'many' } })).rejects.toMatchObject({ code: 'ERR_CONFIG_INVALID' });
    expect(listeningServers()).toBe(before);
  }, 30_000);

  it('refuses hub mode without the hub, naming the option', async () => {
    await expect(startStack({ gatewayMode: 'hub', hub: false })).rejects.toThrow(/hub/);
  });
});
