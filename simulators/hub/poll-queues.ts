/**
 * @module poll-queues
 * GetRequest (a provider polls its request queue) and GetResponse (a consumer polls its response queue). The
 * queue is the caller's, known from its signature; the selector narrows it to one message type. A GetRequest
 * selector must name a type this provider serves, a GetResponse selector a registered request type (responses
 * are selected by the type of the request they answer, as real clients do) — else UnknownMessageType. The
 * delivered message is relayed byte-for-byte as signed by its sender, wrapped in Request/Response signed by the hub.
 */
import {
  DEFAULT_IDS,
  buildGetRequestResponse,
  buildGetResponseResponse,
  type PollRequestEnvelope,
  type SmevVersion,
} from '../../core/smev/envelope/index.ts';
import { HubFault } from './hub-fault.ts';
import { humanNameOf, type HubContext } from './hub-context.ts';
import { identifyCaller } from './identify-caller.ts';
import { statusFor } from './lifecycle.ts';
import { recordStep } from './record-step.ts';
import type { MessageKind, StoredMessage, TypeFilter } from './store-model.ts';

type PollEnvelope = PollRequestEnvelope<'GetRequestRequest'> | PollRequestEnvelope<'GetResponseRequest'>;

function selectedType(envelope: PollEnvelope): TypeFilter | undefined {
  const { namespaceUri, rootElementLocalName } = envelope.selector;
  if (namespaceUri === undefined || rootElementLocalName === undefined) return undefined;
  return { namespaceUri, localName: rootElementLocalName };
}

/** An Id for the hub's wrapper that the relayed, already signed data cannot contain. */
function wrapperId(message: StoredMessage): string {
  const taken = (id: string): boolean => message.dataXml.includes(`"${id}"`) || (message.signatureXml ?? '').includes(`"${id}"`);
  let id: string = DEFAULT_IDS.smev;
  for (let n = 1; taken(id); n += 1) id = `${DEFAULT_IDS.smev}_${n}`;
  return id;
}

function take(context: HubContext, owner: string, kind: MessageKind, version: SmevVersion, type: TypeFilter | undefined, now: Date): StoredMessage | undefined {
  const message = context.store.takeNext({
    owner,
    kind,
    version,
    ...(type === undefined ? {} : { type }),
    nowMs: now.getTime(),
    visibilityTimeoutMs: context.options.visibilityTimeoutMs,
    at: now.toISOString(),
  });
  if (!message) return undefined;
  const first = message.deliveries === 1;
  context.store.atomically(() =>
    recordStep(context, {
      message,
      step: kind === 'request' ? 'request-delivered' : 'response-delivered',
      event: first ? 'delivered' : 'redelivered',
      at: now,
      party: owner,
      details: `delivery ${message.deliveries}`,
      setStatus: first,
    }),
  );
  return message;
}

export function getRequest(context: HubContext, envelope: PollRequestEnvelope<'GetRequestRequest'>): string {
  const now = context.options.now();
  const { version } = envelope;
  const caller = identifyCaller(envelope.document, envelope.selector, envelope.callerSignature, context.directory, now);
  const mnemonic = caller.system.mnemonic;
  const type = selectedType(envelope);
  if (type && context.registry.find(type)?.provider !== mnemonic) {
    throw new HubFault('UnknownMessageType', `Вид сведений {${type.namespaceUri}}${type.localName} не зарегистрирован за ${mnemonic}`, { stage: 'DAS:10' });
  }
  const message = context.store.isPaused(mnemonic) ? undefined : take(context, mnemonic, 'request', version, type, now);
  if (!message) return buildGetRequestResponse({ version });
  const id = wrapperId(message);
  const xml = buildGetRequestResponse({
    version,
    message: {
      id,
      requestData: { xml: message.dataXml },
      metadata: {
        messageId: message.messageId,
        messageType: 'REQUEST',
        sender: { mnemonic: message.sender, humanReadableName: humanNameOf(context, message.sender) },
        sendingTimestamp: message.sendingTimestamp,
        recipient: { mnemonic, humanReadableName: caller.system.humanReadableName },
        deliveryTimestamp: now,
      },
      fsAttachments: message.fsAttachments,
      ...(message.replyTo === undefined ? {} : { replyTo: message.replyTo }),
      ...(message.signatureXml === undefined ? {} : { senderSignature: message.signatureXml }),
      attachmentContents: message.attachments,
    },
  });
  return context.signer.signAnswer(xml, version, id, 'append');
}

export function getResponse(context: HubContext, envelope: PollRequestEnvelope<'GetResponseRequest'>): string {
  const now = context.options.now();
  const { version } = envelope;
  const caller = identifyCaller(envelope.document, envelope.selector, envelope.callerSignature, context.directory, now);
  const mnemonic = caller.system.mnemonic;
  const type = selectedType(envelope);
  if (type && !context.registry.find(type)) {
    throw new HubFault('UnknownMessageType', `Вид сведений {${type.namespaceUri}}${type.localName} не зарегистрирован`, { stage: 'DAS:10' });
  }
  const message = take(context, mnemonic, 'response', version, type, now);
  if (!message) return buildGetResponseResponse({ version });
  const id = wrapperId(message);
  const xml = buildGetResponseResponse({
    version,
    message: {
      id,
      ...(message.originalMessageId === undefined ? {} : { originalMessageId: message.originalMessageId }),
      ...(message.originalTransactionCode === undefined ? {} : { originalTransactionCode: message.originalTransactionCode }),
      ...(message.referenceMessageId === undefined ? {} : { referenceMessageId: message.referenceMessageId }),
      responseData: { xml: message.dataXml },
      metadata: {
        messageId: message.messageId,
        messageType: 'RESPONSE',
        sender: { mnemonic: message.sender, humanReadableName: humanNameOf(context, message.sender) },
        sendingTimestamp: message.sendingTimestamp,
        recipient: { mnemonic, humanReadableName: caller.system.humanReadableName },
        deliveryTimestamp: now,
        status: statusFor('response-delivered', version),
      },
      fsAttachments: message.fsAttachments,
      ...(message.signatureXml === undefined ? {} : { senderSignature: message.signatureXml }),
      attachmentContents: message.attachments,
    },
  });
  return context.signer.signAnswer(xml, version, id, 'append');
}
