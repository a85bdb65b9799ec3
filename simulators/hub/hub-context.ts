/**
 * @module hub-context
 * What every operation works with: the resolved options, the store, the system directory, the type registry,
 * the hub's signer and the asynchronous payload validation. Built once per hub.
 */
import type { HubSigner } from './hub-signing.ts';
import type { ResolvedHubOptions } from './hub-options.ts';
import type { HubStore } from './hub-store.ts';
import type { SystemDirectory } from './identify-caller.ts';
import type { MessageTypeRegistry } from './registry.ts';

export interface PayloadValidationQueue {
  /** Checks the request's payload later (after the SendRequest answer has gone). */
  schedule(messageId: string): void;
  /** Resolves when no check is pending or running. */
  whenIdle(): Promise<void>;
}

export interface HubLogger {
  error(message: string, error: unknown): void;
}

export interface HubContext {
  readonly options: ResolvedHubOptions;
  readonly store: HubStore;
  readonly directory: SystemDirectory;
  readonly registry: MessageTypeRegistry;
  readonly signer: HubSigner;
  readonly validation: PayloadValidationQueue;
  readonly logger: HubLogger;
}

/** The human-readable name of a participant, or of the hub itself for "smev". */
export function humanNameOf(context: HubContext, mnemonic: string): string {
  return context.directory.byMnemonic(mnemonic)?.humanReadableName ?? 'СМЭВ';
}
