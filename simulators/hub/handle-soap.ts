/**
 * @module handle-soap
 * One SOAP call to a versioned endpoint → the answer envelope, or the SOAP 1.1 fault the real exchange would send.
 * Routing is by the body's operation element; a SOAPAction header, when present, must name the same operation.
 * Never throws: unexpected errors are logged and answered as SMEVFailure (which clients retry).
 */
import {
  buildSmevFault,
  extractSoapPart,
  parseSmevEnvelope,
  type MimePart,
  type SmevEnvelope,
  type SmevVersion,
} from '../../core/smev/envelope/index.ts';
import { isKitError } from '../../core/errors/index.ts';
import { ack, getStatus } from './ack-and-status.ts';
import { HubFault, hubFaultCode, isHubFault } from './hub-fault.ts';
import type { HubContext } from './hub-context.ts';
import { getRequest, getResponse } from './poll-queues.ts';
import { sendRequest } from './send-request.ts';
import { sendResponse } from './send-response.ts';

export interface SoapAnswer {
  readonly status: number;
  readonly xml: string;
}

const ACTIONS: Readonly<Record<string, string>> = {
  SendRequestRequest: 'urn:SendRequest',
  SendResponseRequest: 'urn:SendResponse',
  GetRequestRequest: 'urn:GetRequest',
  GetResponseRequest: 'urn:GetResponse',
  AckRequest: 'urn:Ack',
  GetStatusRequest: 'urn:GetStatus',
};

function readEnvelope(xml: string): SmevEnvelope {
  try {
    return parseSmevEnvelope(xml);
  } catch (error) {
    if (!isKitError(error)) throw error;
    if (error.code === 'ERR_MESSAGE_ID_INVALID') {
      if (String(error.details['where'] ?? '').includes('AckTargetMessage')) {
        throw new HubFault('TargetMessageIsNotFound', `Сообщение не найдено среди неподтверждённых: ${error.message}`, { stage: 'DAS:4' });
      }
      throw new HubFault('InvalidMessageIdFormat', `Некорректный формат MessageID: ${error.message}`, { stage: 'DAS:2' });
    }
    throw new HubFault('InvalidContent', `Сообщение не соответствует схеме: ${error.message}`, {
      details: { validationErrors: [{ position: -1, message: error.message }] },
      stage: 'SV:1',
    });
  }
}

function dispatch(context: HubContext, envelope: SmevEnvelope, parts: ReadonlyMap<string, MimePart>): string {
  switch (envelope.operation) {
    case 'SendRequestRequest':
      return sendRequest(context, envelope, parts);
    case 'SendResponseRequest':
      return sendResponse(context, envelope, parts);
    case 'GetRequestRequest':
      return getRequest(context, envelope);
    case 'GetResponseRequest':
      return getResponse(context, envelope);
    case 'AckRequest':
      return ack(context, envelope);
    case 'GetStatusRequest':
      return getStatus(context, envelope);
    default:
      throw new HubFault('InvalidContent', `${envelope.operation} is not an operation the exchange accepts`, {
        details: { validationErrors: [{ position: -1, message: `unexpected ${envelope.operation}` }] },
        stage: 'SV:2',
      });
  }
}

export function handleSoapCall(context: HubContext, version: SmevVersion, body: Uint8Array, contentType: string, soapAction: string | undefined): SoapAnswer {
  try {
    const soap = extractSoapPart(body, contentType);
    const envelope = readEnvelope(soap.xml);
    if (envelope.operation !== 'Fault' && envelope.version !== version) {
      throw new HubFault('InvalidContent', `This endpoint speaks message-exchange ${version}; the envelope is ${envelope.version}`, {
        details: { validationErrors: [{ position: -1, message: `namespace version ${envelope.version} at the ${version} endpoint` }] },
        stage: 'SV:3',
      });
    }
    const action = soapAction?.trim().replace(/^"(.*)"$/, '$1');
    const expected = ACTIONS[envelope.operation];
    if (action && expected && action !== expected) {
      throw new HubFault('InvalidContent', `SOAPAction ${action} does not match the body operation ${envelope.operation} (${expected})`, {
        details: { validationErrors: [{ position: -1, message: `SOAPAction ${action}` }] },
        stage: 'SV:4',
      });
    }
    return { status: 200, xml: dispatch(context, envelope, soap.attachments) };
  } catch (error) {
    const fault = isHubFault(error) ? error : undefined;
    if (!fault) {
      if (isKitError(error) && (error.code.startsWith('ERR_XML') || error.code.startsWith('ERR_ENVELOPE'))) {
        return faultAnswer(version, new HubFault('InvalidContent', error.message, { details: { validationErrors: [{ position: -1, message: error.message }] }, stage: 'SV:1' }));
      }
      context.logger.error('SOAP call failed', error);
      return faultAnswer(version, new HubFault('SMEVFailure', 'Внутренняя ошибка СМЭВ; повторите запрос позже', { stage: 'INT:1' }));
    }
    return faultAnswer(version, fault);
  }
}

function faultAnswer(version: SmevVersion, fault: HubFault): SoapAnswer {
  return {
    status: 500,
    xml: buildSmevFault({
      version,
      fault: fault.fault,
      description: fault.message,
      code: hubFaultCode(fault.stage),
      // The real exchange answers soap:Server throughout (reference §1.8).
      faultcode: 'Server',
      ...(fault.details === undefined ? {} : { details: fault.details }),
    }),
  };
}
