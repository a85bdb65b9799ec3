/**
 * @module async-validation
 * The exchange checks a request's payload against the registered XSD *after* accepting it (reference §1.6.2).
 * Passing moves it into the provider's queue; failing rejects it: a Response from sender `smev` with
 * AsyncProcessingStatus{requestIsRejectedBySmev, SmevFault InvalidContent SMEV-403} goes into the consumer's
 * response queue (it must be acked like any response) and a notice into the consumer's status queue.
 * Requests left unchecked by a killed process are checked again when the hub opens the same store.
 */
import { XMLSerializer } from '@xmldom/xmldom';
import {
  DEFAULT_IDS,
  buildSendResponseRequest,
  generateMessageId,
  smevNamespaces,
  type AsyncSmevFault,
} from '../../core/smev/envelope/index.ts';
import { childElements, parseXml } from '../../core/xml/index.ts';
import { hubFaultCode } from './hub-fault.ts';
import type { HubContext, PayloadValidationQueue } from './hub-context.ts';
import { HUB_SENDER_MNEMONIC } from './hub-options.ts';
import { statusFor } from './lifecycle.ts';
import { recordStep } from './record-step.ts';
import type { StoredMessage } from './store-model.ts';

export function createValidationQueue(getContext: () => HubContext): PayloadValidationQueue {
  const running = new Set<Promise<void>>();
  return {
    schedule(messageId) {
      const task = new Promise<void>((resolve) => {
        setImmediate(() => {
          try {
            validateRequest(getContext(), messageId);
          } catch (error) {
            getContext().logger.error(`payload check of ${messageId} failed`, error);
          } finally {
            resolve();
          }
        });
      });
      running.add(task);
      void task.then(() => running.delete(task));
    },
    async whenIdle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

function payloadOf(message: StoredMessage): string {
  const data = parseXml(message.dataXml).documentElement;
  const content = childElements(data).find((el) => el.localName === 'MessagePrimaryContent' && el.namespaceURI === smevNamespaces(message.version).basic);
  const root = content && childElements(content)[0];
  if (!root) throw new Error(`stored request ${message.messageId} has no payload`);
  return new XMLSerializer().serializeToString(root);
}

export function validateRequest(context: HubContext, messageId: string): void {
  const { store } = context;
  const message = store.findMessage(messageId);
  if (!message || message.state !== 'validating') return;
  const now = context.options.now();
  const validator = context.registry.find({ namespaceUri: message.typeNamespace, localName: message.typeLocalName })?.validator;
  const result = validator ? validator.validate(payloadOf(message)) : { valid: true as const };
  if (result.valid) {
    store.atomically(() => {
      store.setState(messageId, 'queued', statusFor('request-accepted', message.version));
      recordStep(context, { message, step: 'request-accepted', event: 'validated', at: now, party: HUB_SENDER_MNEMONIC });
    });
    return;
  }
  const fault: AsyncSmevFault = {
    type: 'InvalidContent',
    code: hubFaultCode('PP:BSV:3', 'ASYNC'),
    description: `SMEV-403:Бизнес-данные сообщения не соответствуют схеме вида сведений {${message.typeNamespace}}${message.typeLocalName}`,
    validationErrors: result.errors.slice(0, 20).map((e) => ({ position: e.line ?? -1, message: e.message })),
  };
  const details = `Бизнес-данные не соответствуют схеме. MessageId = ${messageId}`;
  const rejection = rejectionResponse(context, message, fault, details, now);
  store.atomically(() => {
    store.setState(messageId, 'rejected', statusFor('request-rejected', message.version));
    recordStep(context, { message, step: 'request-rejected', event: 'rejected', at: now, party: HUB_SENDER_MNEMONIC, details, fault });
    store.insertMessage(rejection);
    store.addHistory(rejection.messageId, { at: now.toISOString(), event: 'sent', status: rejection.status, party: HUB_SENDER_MNEMONIC, details: `rejection of ${messageId}` });
  });
}

function rejectionResponse(context: HubContext, request: StoredMessage, fault: AsyncSmevFault, details: string, now: Date) {
  const responseId = generateMessageId(now);
  const built = buildSendResponseRequest({
    version: request.version,
    responseData: {
      id: DEFAULT_IDS.asyncBySmev,
      messageId: responseId,
      to: request.replyTo ?? '',
      body: { kind: 'async', asyncStatus: { originalMessageId: request.messageId, statusCategory: statusFor('request-rejected', request.version), statusDetails: details, smevFault: fault } },
    },
  });
  const element = parseXml(built).getElementsByTagNameNS(smevNamespaces(request.version).types, 'SenderProvidedResponseData').item(0);
  if (!element) throw new Error('built rejection has no SenderProvidedResponseData');
  const dataXml = new XMLSerializer().serializeToString(element);
  return {
    messageId: responseId,
    kind: 'response' as const,
    version: request.version,
    sender: HUB_SENDER_MNEMONIC,
    recipient: request.sender,
    typeNamespace: request.typeNamespace,
    typeLocalName: request.typeLocalName,
    originalMessageId: request.messageId,
    ...(request.referenceMessageId === undefined ? {} : { referenceMessageId: request.referenceMessageId }),
    dataXml,
    signatureXml: context.signer.signElement(dataXml, DEFAULT_IDS.asyncBySmev),
    attachments: [],
    fsAttachments: [],
    sendingTimestamp: now.toISOString(),
    state: 'queued' as const,
    status: statusFor('response-queued', request.version),
  };
}
