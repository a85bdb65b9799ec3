/**
 * @module registry
 * The registry of message types (reference §6.3): a payload root {namespace, localName} → the provider that
 * answers it, its XSD and who may send it. Schemas are compiled at start-up so a broken path fails there.
 */
import { loadXsdValidator, type XsdValidator } from '../../core/contracts/index.ts';
import type { RegistryEntry } from './hub-options.ts';
import type { TypeFilter } from './store-model.ts';

export interface RegisteredType extends RegistryEntry {
  readonly validator?: XsdValidator;
}

export interface MessageTypeRegistry {
  readonly entries: readonly RegisteredType[];
  find(type: TypeFilter): RegisteredType | undefined;
}

const clark = (ns: string, local: string): string => `{${ns}}${local}`;

export function createRegistry(entries: readonly RegistryEntry[]): MessageTypeRegistry {
  const registered = entries.map((entry): RegisteredType => (entry.xsdPath === undefined ? entry : { ...entry, validator: loadXsdValidator(entry.xsdPath) }));
  const byName = new Map(registered.map((entry) => [clark(entry.namespaceUri, entry.localName), entry]));
  return Object.freeze({
    entries: Object.freeze(registered),
    find: (type: TypeFilter) => byName.get(clark(type.namespaceUri, type.localName)),
  });
}
