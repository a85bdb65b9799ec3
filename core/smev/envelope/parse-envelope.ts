/**
 * parseSmevEnvelope: SOAP 1.1 envelope text (or bytes, or a parsed Document) → a typed SmevEnvelope. Matching is
 * by namespace URI and local name only; unknown extra elements are ignored; every failure is a KitError.
 */
import { KitError, isKitError } from '../../errors/index.ts';
import { childElements, firstChildNamed, parseXml, textOf, type XmlLimits } from '../../xml/index.ts';
import { SOAP_ENV_NS, classifyNamespace, looksLikeOtherSmevVersion, smevNamespaces } from './namespaces.ts';
import { assertMessageId } from './message-id.ts';
import { Scope } from './parse-scope.ts';
import { readFault } from './parse-fault.ts';
import {
  readAsyncStatus,
  readAttachmentContents,
  readFsAttachments,
  readMetadata,
  readRequestData,
  readResponseData,
  readSelector,
} from './parse-structures.ts';
import type { SmevEnvelope } from './parsed-model.ts';

const SOAP12_ENV_NS = 'http://www.w3.org/2003/05/soap-envelope';

export interface ParseEnvelopeOptions {
  readonly limits?: XmlLimits;
  /**
   * An empty soap:Body is not any operation; one client logs SMEV's Ack answer that way. Set this when parsing the
   * answer to an Ack so an empty Body reads as AckResponse (of `emptyBodyAs.version`).
   */
  readonly emptyBodyAs?: { readonly operation: 'AckResponse'; readonly version: '1.1' | '1.2' | '1.3' };
}

function isDocument(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && 'documentElement' in value && !(value instanceof Uint8Array);
}

export function parseSmevEnvelope(input: string | Uint8Array | Document, options: ParseEnvelopeOptions = {}): SmevEnvelope {
  try {
    const document = isDocument(input) ? input : parseXml(input, options.limits);
    return parseDocument(document, options);
  } catch (cause) {
    if (isKitError(cause)) throw cause;
    // Defensive: a DOM oddity must surface as a typed error, never as a crash of the caller.
    throw new KitError('ERR_ENVELOPE_INVALID', `Envelope could not be read: ${String((cause as Error)?.message ?? cause)}`, {}, { cause });
  }
}

function parseDocument(document: Document, options: ParseEnvelopeOptions): SmevEnvelope {
  const root = document.documentElement;
  if (!root) throw new KitError('ERR_ENVELOPE_NOT_SOAP', 'Document has no root element');
  if (root.localName !== 'Envelope' || root.namespaceURI !== SOAP_ENV_NS) {
    const hint = root.namespaceURI === SOAP12_ENV_NS ? ' (this is SOAP 1.2; the exchange speaks SOAP 1.1)' : '';
    throw new KitError('ERR_ENVELOPE_NOT_SOAP', `Root element is {${root.namespaceURI ?? ''}}${root.localName}, not a SOAP 1.1 Envelope${hint}`, {
      root: `{${root.namespaceURI ?? ''}}${root.localName}`,
    });
  }
  const body = firstChildNamed(root, SOAP_ENV_NS, 'Body');
  if (!body) throw new KitError('ERR_ENVELOPE_NOT_SOAP', 'SOAP Envelope has no Body');
  const elements = childElements(body);
  if (elements.length === 0) {
    if (options.emptyBodyAs) {
      return { operation: 'AckResponse', version: options.emptyBodyAs.version, document, operationElement: body };
    }
    throw new KitError('ERR_ENVELOPE_INVALID', 'SOAP Body is empty', { path: 'Body' });
  }
  const fault = elements.find((el) => el.localName === 'Fault' && el.namespaceURI === SOAP_ENV_NS);
  if (fault) return readFault(document, fault);

  // Prefer the first element in a message-exchange namespace; report the first element if there is none.
  const operation = elements.find((el) => classifyNamespace(el.namespaceURI) !== undefined) ?? elements[0]!;
  const name = `{${operation.namespaceURI ?? ''}}${operation.localName}`;
  const found = classifyNamespace(operation.namespaceURI);
  if (!found) {
    const other = looksLikeOtherSmevVersion(operation.namespaceURI);
    if (other) throw new KitError('ERR_ENVELOPE_UNSUPPORTED_VERSION', `Message-exchange schema version ${other} is not supported (${name})`, { element: name, version: other });
    throw new KitError('ERR_ENVELOPE_UNKNOWN_OPERATION', `SOAP Body holds ${name}, which is not a message-exchange operation`, { element: name });
  }
  if (found.role !== 'types') {
    throw new KitError('ERR_ENVELOPE_UNKNOWN_OPERATION', `SOAP Body holds ${name}, which is not a message-exchange operation`, { element: name });
  }
  const { version } = found;
  const op = new Scope(smevNamespaces(version), operation, operation.localName);
  const base = { version, document, operationElement: operation };

  switch (operation.localName) {
    case 'SendRequestRequest': {
      const routingNs = smevNamespaces(version).routing;
      const routing = routingNs ? firstChildNamed(operation, routingNs, 'Routing') : undefined;
      return {
        operation: 'SendRequestRequest',
        ...base,
        requestData: readRequestData(op.require('SenderProvidedRequestData')),
        attachmentContents: readAttachmentContents(op),
        ...optional('callerSignature', op.signatureWrapper('CallerInformationSystemSignature')),
        ...optional('routing', routing),
      };
    }
    case 'SendResponseRequest':
      return {
        operation: 'SendResponseRequest',
        ...base,
        responseData: readResponseData(op.require('SenderProvidedResponseData')),
        attachmentContents: readAttachmentContents(op),
        ...optional('callerSignature', op.signatureWrapper('CallerInformationSystemSignature')),
      };
    case 'SendRequestResponse':
    case 'SendResponseResponse':
      return {
        operation: operation.localName,
        ...base,
        metadata: readMetadata(op.require('MessageMetadata')),
        ...optional('smevSignature', op.signatureWrapper('SMEVSignature')),
      };
    case 'GetRequestRequest':
    case 'GetResponseRequest':
      return {
        operation: operation.localName,
        ...base,
        selector: readSelector(op.require('MessageTypeSelector')),
        ...optional('callerSignature', op.signatureWrapper('CallerInformationSystemSignature')),
      };
    case 'GetRequestResponse': {
      const message = op.optional('RequestMessage');
      if (!message) return { operation: 'GetRequestResponse', ...base };
      const request = message.require('Request');
      return {
        operation: 'GetRequestResponse',
        ...base,
        message: {
          request: {
            ...optional('id', request.id()),
            element: request.element,
            requestData: readRequestData(request.require('SenderProvidedRequestData')),
            metadata: readMetadata(request.require('MessageMetadata')),
            fsAttachments: readFsAttachments(request),
            ...optional('replyTo', request.text('ReplyTo')),
            ...optional('senderSignature', request.signatureWrapper('SenderInformationSystemSignature')),
          },
          attachmentContents: readAttachmentContents(message),
          ...optional('smevSignature', message.signatureWrapper('SMEVSignature')),
        },
      };
    }
    case 'GetResponseResponse': {
      const message = op.optional('ResponseMessage');
      if (!message) return { operation: 'GetResponseResponse', ...base };
      const response = message.require('Response');
      return {
        operation: 'GetResponseResponse',
        ...base,
        message: {
          response: {
            ...optional('id', response.id()),
            element: response.element,
            ...optional('originalMessageId', response.optionalMessageId('OriginalMessageId')),
            ...optional('originalTransactionCode', response.text('OriginalTransactionCode')),
            ...optional('referenceMessageId', response.optionalMessageId('ReferenceMessageID')),
            responseData: readResponseData(response.require('SenderProvidedResponseData')),
            metadata: readMetadata(response.require('MessageMetadata')),
            fsAttachments: readFsAttachments(response),
            ...optional('senderSignature', response.signatureWrapper('SenderInformationSystemSignature')),
          },
          attachmentContents: readAttachmentContents(message),
          ...optional('smevSignature', message.signatureWrapper('SMEVSignature')),
        },
      };
    }
    case 'AckRequest': {
      const target = op.require('AckTargetMessage');
      const messageId = textOf(target.element).trim();
      assertMessageId(messageId, target.path);
      const accepted = (target.element.getAttribute('accepted') ?? '').trim();
      if (accepted !== 'true' && accepted !== 'false' && accepted !== '1' && accepted !== '0') {
        throw target.invalid(`${target.path}/@accepted must be true or false, got "${accepted.slice(0, 20)}"`, `${target.path}/@accepted`);
      }
      return {
        operation: 'AckRequest',
        ...base,
        target: { ...optional('id', target.id()), element: target.element, messageId, accepted: accepted === 'true' || accepted === '1' },
        ...optional('callerSignature', op.signatureWrapper('CallerInformationSystemSignature')),
      };
    }
    case 'AckResponse':
      return { operation: 'AckResponse', ...base };
    case 'GetStatusRequest': {
      const timestamp = op.require('Timestamp');
      const value = textOf(timestamp.element).trim();
      if (value === '') throw timestamp.invalid(`${timestamp.path} is empty`);
      return {
        operation: 'GetStatusRequest',
        ...base,
        timestamp: { ...optional('id', timestamp.id()), element: timestamp.element, value },
        ...optional('callerSignature', op.signatureWrapper('CallerInformationSystemSignature')),
      };
    }
    case 'GetStatusResponse': {
      const message = op.optional('SmevAsyncProcessingMessage');
      if (!message) return { operation: 'GetStatusResponse', ...base };
      const data = message.require('AsyncProcessingStatusData');
      return {
        operation: 'GetStatusResponse',
        ...base,
        message: {
          statusData: { ...optional('id', data.id()), element: data.element, status: readAsyncStatus(data.require('AsyncProcessingStatus')) },
          ...optional('smevSignature', message.signatureWrapper('SMEVSignature')),
        },
      };
    }
    default:
      throw new KitError('ERR_ENVELOPE_UNKNOWN_OPERATION', `SOAP Body holds ${name}, which is not a message-exchange operation this kit reads`, { element: name });
  }
}

/** `{ key: value }` when value is defined, else `{}`: keeps parsed objects free of undefined-valued keys. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
