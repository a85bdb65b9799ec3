/**
 * @module send-request
 * SendRequest: identify the consumer by its signature, check the MessageID, route the payload root through the
 * registry, check access and attachments, queue the request (not yet deliverable) and answer requestIsQueued
 * signed by the hub. The payload's XSD check follows asynchronously (async-validation.ts).
 */
import { XMLSerializer } from '@xmldom/xmldom';
import { DEFAULT_IDS, buildSendRequestResponse, type MimePart, type SendRequestRequestEnvelope } from '../../core/smev/envelope/index.ts';
import { checkInlineAttachments, fsAttachmentsFor, inlineAttachments } from './attachments.ts';
import { HubFault } from './hub-fault.ts';
import { humanNameOf, type HubContext } from './hub-context.ts';
import { identifyCaller } from './identify-caller.ts';
import { statusFor } from './lifecycle.ts';
import { checkEndOfLife, checkNewMessageId } from './message-id-checks.ts';
import { mintReplyTo, selectorLabel } from './reply-to.ts';

export function sendRequest(context: HubContext, envelope: SendRequestRequestEnvelope, parts: ReadonlyMap<string, MimePart>): string {
  const now = context.options.now();
  const { version, requestData: data } = envelope;
  const caller = identifyCaller(envelope.document, data, envelope.callerSignature, context.directory, now);
  checkNewMessageId(context, data.messageId, now);
  checkEndOfLife(data.eol, now);

  const type = { namespaceUri: data.content.namespaceUri, localName: data.content.localName };
  const entry = context.registry.find(type);
  if (!entry) {
    throw new HubFault('BusinessDataTypeIsNotSupported', `Вид сведений {${type.namespaceUri}}${type.localName} не зарегистрирован`, {
      details: { rootElementLocalName: type.localName, rootElementNamespaceUri: type.namespaceUri },
      stage: 'DAS:6',
    });
  }
  const mnemonic = caller.system.mnemonic;
  if (entry.allowedConsumers !== undefined && !entry.allowedConsumers.includes(mnemonic)) {
    throw new HubFault('AccessDenied', `Участнику ${mnemonic} не разрешено направлять запросы {${type.namespaceUri}}${type.localName}`, { stage: 'DAS:7' });
  }
  const attachments = inlineAttachments(envelope.operationElement, version, parts);
  checkInlineAttachments(attachments, data.attachmentHeaders, context.options.inlineAttachmentLimitBytes);

  const serializer = new XMLSerializer();
  const message = {
    messageId: data.messageId,
    kind: 'request' as const,
    version,
    sender: mnemonic,
    recipient: entry.provider,
    typeNamespace: type.namespaceUri,
    typeLocalName: type.localName,
    ...(data.referenceMessageId === undefined ? {} : { referenceMessageId: data.referenceMessageId }),
    ...(data.transactionCode === undefined ? {} : { originalTransactionCode: data.transactionCode }),
    replyTo: mintReplyTo({ mid: data.messageId, slc: selectorLabel(type.namespaceUri, type.localName), mnm: mnemonic }),
    dataXml: serializer.serializeToString(data.element),
    signatureXml: serializer.serializeToString(caller.signature),
    attachments,
    fsAttachments: fsAttachmentsFor(data.refAttachmentHeaders),
    sendingTimestamp: now.toISOString(),
    state: 'validating' as const,
    status: statusFor('request-queued', version),
  };
  context.store.atomically(() => {
    context.store.insertMessage(message);
    context.store.addHistory(message.messageId, { at: message.sendingTimestamp, event: 'sent', status: message.status, party: mnemonic });
  });
  context.validation.schedule(message.messageId);

  const answer = buildSendRequestResponse({
    version,
    metadata: {
      id: DEFAULT_IDS.smev,
      messageId: message.messageId,
      messageType: 'REQUEST',
      sender: { mnemonic, humanReadableName: caller.system.humanReadableName },
      sendingTimestamp: now,
      recipient: { mnemonic: entry.provider, humanReadableName: humanNameOf(context, entry.provider) },
      status: message.status,
    },
  });
  return context.signer.signAnswer(answer, version, DEFAULT_IDS.smev, 'after');
}
