import { parseSmevEnvelope, type SmevEnvelope } from '../../core/smev/envelope/index.ts';
import { descendantElements, parseXml } from '../../core/xml/index.ts';
import { readInput, writeLine, type CliIo } from '../io.ts';
import { EXIT_OK } from '../exit-codes.ts';

const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

/** A one-screen summary of a message: what it is, which ids it carries, what payload, which signatures. */
export async function runInspect(args: { file: string }, io: CliIo): Promise<number> {
  const text = (await readInput(args.file, io)).toString('utf8');
  const document = parseXml(text);
  const out = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') writeLine(io.stdout, `${label.padEnd(18)}${value}`);
  };
  let envelope: SmevEnvelope | undefined;
  try {
    envelope = parseSmevEnvelope(document);
  } catch (error) {
    out('document', `<${document.documentElement.localName}> in ${document.documentElement.namespaceURI ?? 'no namespace'}`);
    out('envelope', `not a message-exchange envelope: ${(error as Error).message}`);
  }
  if (envelope) {
    out('operation', envelope.operation);
    out('version', envelope.version);
    for (const [label, value] of messageFacts(envelope)) out(label, value);
  }
  const signatures = descendantElements(document.documentElement).filter((el) => el.namespaceURI === XMLDSIG_NS && el.localName === 'Signature');
  out('signatures', String(signatures.length));
  signatures.forEach((signature, index) => {
    const holder = signature.parentNode as Element | null;
    const reference = descendantElements(signature).find((el) => el.namespaceURI === XMLDSIG_NS && el.localName === 'Reference');
    const method = descendantElements(signature).find((el) => el.namespaceURI === XMLDSIG_NS && el.localName === 'SignatureMethod');
    out(`  #${index + 1}`, `${reference?.getAttribute('URI') ?? '(no reference)'} in <${holder?.localName ?? '?'}> ${method?.getAttribute('Algorithm') ?? ''}`);
  });
  return EXIT_OK;
}

function payloadType(content: { namespaceUri: string; localName: string } | undefined): string | undefined {
  return content ? `{${content.namespaceUri}}${content.localName}` : undefined;
}

function messageFacts(envelope: SmevEnvelope): Array<[string, string | undefined]> {
  switch (envelope.operation) {
    case 'SendRequestRequest':
      return [
        ['message id', envelope.requestData.messageId],
        ['payload type', payloadType(envelope.requestData.content)],
        ['test message', envelope.requestData.testMessage ? 'yes' : undefined],
      ];
    case 'SendResponseRequest':
      return [
        ['message id', envelope.responseData.messageId],
        ['to', envelope.responseData.to],
        ['answer', envelope.responseData.body.kind],
        ['payload type', envelope.responseData.body.kind === 'content' ? payloadType(envelope.responseData.body.content) : undefined],
      ];
    case 'SendRequestResponse':
    case 'SendResponseResponse':
      return [['message id', envelope.metadata.messageId], ['status', envelope.metadata.status]];
    case 'GetRequestRequest':
    case 'GetResponseRequest':
      return [['selector', envelope.selector.namespaceUri ? `{${envelope.selector.namespaceUri}}${envelope.selector.rootElementLocalName}` : 'any type']];
    case 'GetRequestResponse':
      return envelope.message
        ? [
            ['message id', envelope.message.request.requestData.messageId],
            ['payload type', payloadType(envelope.message.request.requestData.content)],
            ['reply to', envelope.message.request.replyTo],
          ]
        : [['queue', 'empty']];
    case 'GetResponseResponse':
      return envelope.message
        ? [
            ['message id', envelope.message.response.responseData.messageId],
            ['original id', envelope.message.response.originalMessageId],
            ['answer', envelope.message.response.responseData.body.kind],
          ]
        : [['queue', 'empty']];
    case 'AckRequest':
      return [['acked id', envelope.target.messageId], ['accepted', String(envelope.target.accepted)]];
    case 'Fault':
      return [
        ['fault', envelope.fault?.name ?? envelope.faultcodeLocal],
        ['fault string', envelope.faultstring],
        ['smev code', envelope.fault?.code],
        ['description', envelope.fault?.description],
      ];
    default:
      return [];
  }
}
