/**
 * @module store-model
 * The records the hub store reads and writes, in the shape the operations use (camelCase, parsed JSON).
 */
import type { AsyncSmevFault, AttachmentContent, FsAttachment, InteractionStatus, SmevVersion } from '../../core/smev/envelope/index.ts';

export type MessageKind = 'request' | 'response';

/**
 * - validating: a request accepted by SendRequest whose payload is not yet checked against its XSD (not deliverable);
 * - queued: waiting in its recipient's queue;
 * - in-flight: handed out by Get*, waiting for Ack; deliverable again once `visibleAt` has passed;
 * - acked: acknowledged (accepted or not) and gone from the queue;
 * - rejected: refused by asynchronous validation (never delivered; a rejection response went to the sender);
 * - purged: removed through the admin API.
 */
export type MessageState = 'validating' | 'queued' | 'in-flight' | 'acked' | 'rejected' | 'purged';

export interface StoredMessage {
  readonly seq: number;
  /** MessageID of the sender-provided data: what the recipient acks. */
  readonly messageId: string;
  readonly kind: MessageKind;
  /** Schema version it was sent in; it is delivered through that version's endpoint only (see README). */
  readonly version: SmevVersion;
  readonly sender: string;
  /** The queue owner. */
  readonly recipient: string;
  /** Routing type: a request's payload root; for a response, the root of the request it answers. */
  readonly typeNamespace: string;
  readonly typeLocalName: string;
  readonly originalMessageId?: string;
  readonly originalTransactionCode?: string;
  readonly referenceMessageId?: string;
  /** Requests only: the opaque ReplyTo the hub minted. */
  readonly replyTo?: string;
  /** SenderProvidedRequestData / SenderProvidedResponseData exactly as signed. */
  readonly dataXml: string;
  /** The sender's ds:Signature over dataXml. */
  readonly signatureXml?: string;
  readonly attachments: readonly AttachmentContent[];
  readonly fsAttachments: readonly FsAttachment[];
  readonly sendingTimestamp: string;
  readonly state: MessageState;
  readonly status: InteractionStatus;
  /** Epoch ms from which an in-flight message may be handed out again. */
  readonly visibleAt: number;
  readonly deliveries: number;
  readonly deliveredAt?: string;
  readonly ackAccepted?: boolean;
}

export type NewMessage = Omit<StoredMessage, 'seq' | 'visibleAt' | 'deliveries' | 'deliveredAt' | 'ackAccepted'>;

export type HistoryEvent =
  | 'sent'
  | 'validated'
  | 'rejected'
  | 'delivered'
  | 'redelivered'
  | 'acked'
  | 'answered'
  | 'purged';

export interface HistoryEntry {
  readonly at: string;
  readonly event: HistoryEvent;
  /** The message's status after the event. */
  readonly status: InteractionStatus;
  /** Who caused it (a mnemonic, or "smev" for the hub). */
  readonly party?: string;
  readonly details?: string;
}

export interface StatusNotice {
  readonly id: number;
  readonly owner: string;
  readonly version: SmevVersion;
  readonly originalMessageId: string;
  readonly status: InteractionStatus;
  readonly details?: string;
  readonly fault?: AsyncSmevFault;
  readonly createdAt: string;
}

export interface QueueSummary {
  readonly owner: string;
  readonly kind: MessageKind | 'status';
  /** Messages waiting or in flight (not yet acknowledged). */
  readonly depth: number;
  readonly inFlight: number;
}

export interface TypeFilter {
  readonly namespaceUri: string;
  readonly localName: string;
}
