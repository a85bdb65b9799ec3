/**
 * @module fixture-options
 * A ready hub configuration from the committed test keys and the six agency contracts: the consumer, the six
 * agencies and the hub itself as participating systems, and every contract's request roots routed to that agency
 * with its XSD. For demos and tests only: the keys in fixtures/keys are public.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACTS, type AgencyCode } from '../../core/contracts/index.ts';
import type { HubOptions, HubSystem, RegistryEntry } from './hub-options.ts';

export const FIXTURE_KEYS_DIR = fileURLToPath(new URL('../../fixtures/keys/', import.meta.url));

export const CONSUMER_MNEMONIC = 'CONSUMER';
export const HUB_MNEMONIC = 'HUB';

/** "gis-zhkh" → "GIS-ZHKH": the mnemonic each simulated agency polls the hub as. */
export function agencyMnemonic(agency: AgencyCode): string {
  return agency.toUpperCase();
}

function readKey(stem: string, kind: 'cert' | 'key', keysDir: string): string {
  return readFileSync(join(keysDir, `${stem}.${kind}.pem`), 'utf8');
}

export type FixtureHubOptions = HubOptions & { systems: HubSystem[]; registry: RegistryEntry[] };

/** Everything but host/port/dataDir; spread your own on top. */
export function defaultHubOptionsFromFixtures(keysDir: string = FIXTURE_KEYS_DIR): FixtureHubOptions {
  const systems: HubSystem[] = [
    { mnemonic: CONSUMER_MNEMONIC, humanReadableName: 'Social-benefit decision system', certificatePem: readKey('consumer', 'cert', keysDir) },
    ...CONTRACTS.map((contract) => ({
      mnemonic: agencyMnemonic(contract.agency),
      humanReadableName: contract.nameRu,
      certificatePem: readKey(contract.agency, 'cert', keysDir),
    })),
    { mnemonic: HUB_MNEMONIC, humanReadableName: 'Exchange hub (SMEV simulator)', certificatePem: readKey('hub', 'cert', keysDir) },
  ];
  const registry: RegistryEntry[] = CONTRACTS.flatMap((contract) =>
    contract.operations.map((operation) => ({
      namespaceUri: contract.namespace,
      localName: operation.requestRoot,
      provider: agencyMnemonic(contract.agency),
      xsdPath: contract.files.xsdPath,
    })),
  );
  return {
    systems,
    registry,
    signing: { profile: 'dev', privateKeyPem: readKey('hub', 'key', keysDir), certificatePem: readKey('hub', 'cert', keysDir) },
  };
}
