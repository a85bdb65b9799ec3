/**
 * @module ack-and-status
 * Ack: the caller confirms a message it was handed (by the MessageID of the sender-provided data). accepted=true
 * means "taken"; accepted=false means "your signature did not verify, ignored" — either way the message leaves the
 * queue (the exchange stops redelivering on any Ack; the flag is recorded in the history). Anything not handed to
 * this caller and still unacknowledged is TargetMessageIsNotFound (SMEV-501).
 * GetStatus: the oldest notice of the caller's status queue, signed by the hub; empty answer when there is none.
 */
import {
  DEFAULT_IDS,
  buildAckResponse,
  buildGetStatusResponse,
  type AckRequestEnvelope,
  type GetStatusRequestEnvelope,
} from '../../core/smev/envelope/index.ts';
import { HubFault } from './hub-fault.ts';
import type { HubContext } from './hub-context.ts';
import { identifyCaller } from './identify-caller.ts';
import { statusFor } from './lifecycle.ts';
import { recordStep } from './record-step.ts';

export function ack(context: HubContext, envelope: AckRequestEnvelope): string {
  const now = context.options.now();
  const caller = identifyCaller(envelope.document, envelope.target, envelope.callerSignature, context.directory, now);
  const mnemonic = caller.system.mnemonic;
  const { messageId, accepted } = envelope.target;
  const message = context.store.findAckable(mnemonic, messageId);
  if (!message) {
    throw new HubFault('TargetMessageIsNotFound', `Сообщение ${messageId} не найдено среди неподтверждённых`, { stage: 'DAS:4' });
  }
  const details = `accepted=${String(accepted)}`;
  context.store.atomically(() => {
    if (message.kind === 'request') {
      // A refused request (accepted=false) keeps its last status: the provider did not start working on it.
      const status = accepted ? statusFor('request-processing', message.version) : message.status;
      context.store.markAcked(messageId, accepted, status);
      if (accepted) recordStep(context, { message, step: 'request-processing', event: 'acked', at: now, party: mnemonic, details });
      else context.store.addHistory(messageId, { at: now.toISOString(), event: 'acked', status, party: mnemonic, details });
    } else {
      context.store.markAcked(messageId, accepted, statusFor('response-acked', message.version));
      recordStep(context, { message, step: 'response-acked', event: 'acked', at: now, party: mnemonic, details });
    }
  });
  return buildAckResponse({ version: envelope.version });
}

export function getStatus(context: HubContext, envelope: GetStatusRequestEnvelope): string {
  const now = context.options.now();
  const { version } = envelope;
  const caller = identifyCaller(envelope.document, envelope.timestamp, envelope.callerSignature, context.directory, now);
  const notice = context.store.takeStatus(caller.system.mnemonic, version);
  if (!notice) return buildGetStatusResponse({ version });
  const xml = buildGetStatusResponse({
    version,
    message: {
      id: DEFAULT_IDS.smev,
      status: {
        originalMessageId: notice.originalMessageId,
        statusCategory: notice.status,
        ...(notice.details === undefined ? {} : { statusDetails: notice.details.slice(0, 500) }),
        ...(notice.fault === undefined ? {} : { smevFault: notice.fault }),
      },
    },
  });
  return context.signer.signAnswer(xml, version, DEFAULT_IDS.smev, 'after');
}
