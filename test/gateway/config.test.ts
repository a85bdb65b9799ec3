import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gatewayEnvSchema, loadGatewayConfig } from '../../gateway/config/config.ts';
import { isKitError } from '../../core/errors/index.ts';

describe('loadGatewayConfig', () => {
  it('gives the documented defaults and freezes the result', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 7300, mode: 'direct', auditLogPath: expect.stringMatching(/\.data\/gateway\/audit\.jsonl$/) });
    expect(config.agencyUrls).toEqual({
      sfr: 'http://127.0.0.1:7101/ws/sfr', fns: 'http://127.0.0.1:7102/ws/fns', fri: 'http://127.0.0.1:7103/ws/fri',
      'gis-zhkh': 'http://127.0.0.1:7104/ws/gis-zhkh', zags: 'http://127.0.0.1:7105/ws/zags', mvd: 'http://127.0.0.1:7106/ws/mvd',
    });
    expect(config.consumers.map((c) => c.id)).toEqual(['decision']);
    expect(Object.isFrozen(config) && Object.isFrozen(config.cache.ttlMsByGroup) && Object.isFrozen(config.consumers[0])).toBe(true);
  });

  it('applies per-group TTLs and per-agency rates over the defaults', () => {
    const config = loadGatewayConfig({ GATEWAY_CACHE_TTL_MS: '1000', GATEWAY_CACHE_TTL_BY_GROUP: 'income=5,housing=7', GATEWAY_AGENCY_RATE_BY_AGENCY: 'fns=3' });
    expect(config.cache.ttlMsByGroup).toMatchObject({ income: 5, housing: 7, disability: 1000 });
    expect(config.limits.agencyPerSec).toMatchObject({ fns: 3, sfr: 50 });
  });

  it('reports every problem at once as ERR_CONFIG_INVALID', () => {
    let caught: unknown;
    try {
      loadGatewayConfig({ GATEWAY_PORT: 'x', GATEWAY_CACHE_TTL_BY_GROUP: 'salary=1', REDIS_URL: 'http://nope' });
    } catch (error) {
      caught = error;
    }
    expect(isKitError(caught, 'ERR_CONFIG_INVALID')).toBe(true);
    const message = (caught as Error).message;
    for (const name of ['GATEWAY_PORT', 'GATEWAY_CACHE_TTL_BY_GROUP', 'REDIS_URL']) expect(message).toContain(name);
  });

  it('needs HUB_URL in hub mode', () => {
    expect(() => loadGatewayConfig({ GATEWAY_MODE: 'hub' })).toThrow(/HUB_URL is required/);
  });

  it('refuses a missing API keys file and a file with a bad consumer', () => {
    expect(() => loadGatewayConfig({ GATEWAY_API_KEYS_FILE: '/nonexistent/keys.json' })).toThrow(/GATEWAY_API_KEYS_FILE/);
  });

  it('documents every variable in gateway/README.md', () => {
    const readme = readFileSync(new URL('../../gateway/README.md', import.meta.url), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    expect([...Object.keys(gatewayEnvSchema.shape)].filter((name) => !documented.has(name))).toEqual([]);
  });
});
