/**
 * GATEWAY_MODE=hub: the same facts request through the exchange hub (send, poll, verify, Ack) with the six agencies
 * as providers behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../gateway/config/config.ts';
import { createLogger } from '../../gateway/observability/index.ts';
import { MemoryAuditLog } from '../../gateway/audit/index.ts';
import { startGateway, type RunningGateway } from '../../gateway/server.ts';
import { startHubWorld, type HubWorld } from '../hub-e2e/support.ts';
import { FAST_ENV, VASILIEV, outcomesByAgency, postFacts } from './support.ts';

describe('the gateway in hub mode', () => {
  let world: HubWorld;
  let gateway: RunningGateway;

  beforeAll(async () => {
    world = await startHubWorld();
    gateway = await startGateway(loadGatewayConfig({ ...FAST_ENV, GATEWAY_MODE: 'hub', HUB_URL: world.hubUrl, GATEWAY_AGENCY_TIMEOUT_MS: '8000' }), {
      audit: new MemoryAuditLog(),
      logger: createLogger({ level: 'silent' }),
    });
  }, 30_000);
  afterAll(async () => {
    await gateway?.close();
    await world?.close();
  });

  it('answers a facts request from agencies reached through the exchange, signature-verified', async () => {
    const response = await postFacts(gateway.url, { ...VASILIEV, groups: ['disability', 'residence', 'income'] });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(outcomesByAgency(body)).toMatchObject({ fri: { status: 'answered' }, mvd: { status: 'answered' }, fns: { status: 'no-data' } });
    expect(body.facts.disability[0].provenance).toMatchObject({ agency: 'fri', signatureVerified: true });
  }, 20_000);
});
