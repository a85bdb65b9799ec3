import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { family } from './family.ts';
import { listen, postJson, startFakeGateway, startService, tempDir, testEnv, waitFor, waitUntilNotified } from './support.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

describe('decision service webhook', () => {
  it('delivers every status change at least once with a stable delivery id, retrying a receiver that fails at first', async () => {
    const received: { id: string; attempt: string; body: { status: string; applicationId: string; decision?: { kind: string; amountKopecks?: number } } }[] = [];
    let failuresLeft = 3;
    const receiver = express();
    receiver.use(express.json());
    receiver.post('/hook', (req, res) => {
      received.push({ id: req.get('x-delivery-id') ?? '', attempt: req.get('x-delivery-attempt') ?? '', body: req.body });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.status(503).end();
        return;
      }
      res.status(204).end();
    });
    const hook = await listen(receiver);
    cleanup.push(() => hook.close());
    const f = family(6_000_000);
    const gateway = await startFakeGateway(f.people);
    cleanup.push(() => gateway.close());
    const tmp = tempDir();
    cleanup.push(() => tmp.remove());
    const service = await startService(testEnv(gateway.url, tmp.dir, { DECISION_WEBHOOK_URL: `${hook.url}/hook` }));
    cleanup.push(() => service.close());

    const { body } = await postJson(`${service.url}/v1/applications`, f.application);
    const id = body.id as string;
    await waitUntilNotified(service.url, id);
    const view = await waitFor(async () => {
      const response = await fetch(`${service.url}/v1/applications/${id}`);
      const json = (await response.json()) as { notifications: { id: string; status: string; webhookState: string; webhookAttempts: number }[] };
      return json.notifications.every((n) => n.webhookState === 'delivered') ? json : undefined;
    }, 15_000, 'every webhook delivered');
    // received, requests-sent, facts-received, decided, notified: each delivered.
    expect(view.notifications.map((n) => n.status)).toEqual(['received', 'requests-sent', 'facts-received', 'decided', 'notified']);
    const delivered = new Set(received.filter((_, i) => i >= 3).map((r) => r.id));
    for (const n of view.notifications) expect(delivered.has(n.id)).toBe(true);
    // The failed attempts were retried under the same delivery id.
    const retried = received.filter((r) => r.attempt !== '1');
    expect(retried.length).toBeGreaterThanOrEqual(1);
    for (const r of retried) expect(received.some((o) => o.id === r.id && o.attempt === '1')).toBe(true);
    const decided = received.find((r) => r.body.status === 'decided');
    expect(decided?.body.decision).toMatchObject({ kind: 'granted', amountKopecks: 3_320_550 });
    // No personal data in the webhook payloads.
    expect(JSON.stringify(received)).not.toContain(f.mother.snils);
  });
});
