/** Shared set-up for the engine tests: the fixture personas and an engine built on them. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimulatorEngine } from '../../simulators/engine/simulator-engine.ts';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixturePersonas(): unknown[] {
  const petrova: unknown = JSON.parse(readFileSync(join(FIXTURE_DIR, 'family-petrova.json'), 'utf8'));
  const singles = JSON.parse(readFileSync(join(FIXTURE_DIR, 'singles.json'), 'utf8')) as unknown[];
  return [petrova, ...singles];
}

export function createTestEngine(overrides: Record<string, unknown> = {}): SimulatorEngine {
  return new SimulatorEngine({ seed: 42, personas: fixturePersonas(), journal: { maxEntries: 1000, maxBytes: 1 << 20 }, ...overrides });
}

export const MOTHER = { snils: '112-233-445 95' } as const;
export const SON = { snils: '12345678964' } as const;
