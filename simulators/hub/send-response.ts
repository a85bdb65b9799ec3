/**
 * @module send-response
 * SendResponse: identify the provider, check the MessageID, find the request by the `To` it copies from the
 * ReplyTo the hub issued (unknown, or a request that was not addressed to this provider → RecipientIsNotFound),
 * and queue the response for the consumer. A provider may answer a request several times (interim RequestStatus,
 * then data), as on the real exchange.
 */
import { XMLSerializer } from '@xmldom/xmldom';
import { DEFAULT_IDS, buildSendResponseResponse, type MimePart, type SendResponseRequestEnvelope } from '../../core/smev/envelope/index.ts';
import { checkInlineAttachments, fsAttachmentsFor, inlineAttachments } from './attachments.ts';
import { HubFault } from './hub-fault.ts';
import { humanNameOf, type HubContext } from './hub-context.ts';
import { identifyCaller } from './identify-caller.ts';
import { statusFor } from './lifecycle.ts';
import { checkNewMessageId } from './message-id-checks.ts';
import { recordStep } from './record-step.ts';

export function sendResponse(context: HubContext, envelope: SendResponseRequestEnvelope, parts: ReadonlyMap<string, MimePart>): string {
  const now = context.options.now();
  const { version, responseData: data } = envelope;
  const caller = identifyCaller(envelope.document, data, envelope.callerSignature, context.directory, now);
  checkNewMessageId(context, data.messageId, now);
  const mnemonic = caller.system.mnemonic;
  const request = context.store.findRequestByReplyTo(data.to.trim());
  if (!request || request.recipient !== mnemonic) {
    throw new HubFault('RecipientIsNotFound', 'Получатель не найден: To не совпадает с ReplyTo запроса, адресованного отправителю', { stage: 'DAS:8' });
  }
  const body = data.body;
  if (body.kind === 'content' && context.registry.find({ namespaceUri: body.content.namespaceUri, localName: body.content.localName })) {
    throw new HubFault('IncorrectResponseContentType', `{${body.content.namespaceUri}}${body.content.localName} is a request type, not a response`, { stage: 'DAS:9' });
  }
  const attachments = inlineAttachments(envelope.operationElement, version, parts);
  checkInlineAttachments(attachments, body.kind === 'content' ? body.attachmentHeaders : undefined, context.options.inlineAttachmentLimitBytes);

  const serializer = new XMLSerializer();
  const message = {
    messageId: data.messageId,
    kind: 'response' as const,
    version,
    sender: mnemonic,
    recipient: request.sender,
    typeNamespace: request.typeNamespace,
    typeLocalName: request.typeLocalName,
    originalMessageId: request.messageId,
    ...(request.originalTransactionCode === undefined ? {} : { originalTransactionCode: request.originalTransactionCode }),
    ...(request.referenceMessageId === undefined ? {} : { referenceMessageId: request.referenceMessageId }),
    dataXml: serializer.serializeToString(data.element),
    signatureXml: serializer.serializeToString(caller.signature),
    attachments,
    fsAttachments: fsAttachmentsFor(body.kind === 'content' ? body.refAttachmentHeaders : undefined),
    sendingTimestamp: now.toISOString(),
    state: 'queued' as const,
    status: statusFor('response-queued', version),
  };
  context.store.atomically(() => {
    context.store.insertMessage(message);
    context.store.addHistory(message.messageId, { at: message.sendingTimestamp, event: 'sent', status: message.status, party: mnemonic, details: `answers ${request.messageId}` });
    recordStep(context, { message: request, step: 'request-answered', event: 'answered', at: now, party: mnemonic, details: `response ${message.messageId}` });
  });

  const answer = buildSendResponseResponse({
    version,
    metadata: {
      id: DEFAULT_IDS.smev,
      messageId: message.messageId,
      messageType: 'RESPONSE',
      sender: { mnemonic, humanReadableName: caller.system.humanReadableName },
      sendingTimestamp: now,
      recipient: { mnemonic: request.sender, humanReadableName: humanNameOf(context, request.sender) },
      status: message.status,
    },
  });
  return context.signer.signAnswer(answer, version, DEFAULT_IDS.smev, 'after');
}
