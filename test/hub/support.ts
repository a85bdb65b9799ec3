/** Test helpers for the exchange hub: a hub with an injected clock, and participants that sign and call it. */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildAckRequest,
  buildGetRequestRequest,
  buildGetResponseRequest,
  buildGetStatusRequest,
  buildSendRequestRequest,
  buildSendResponseRequest,
  generateMessageId,
  parseSmevEnvelope,
  type AttachmentContent,
  type FaultEnvelope,
  type GetRequestResponseEnvelope,
  type GetResponseResponseEnvelope,
  type MessageTypeSelector,
  type ResponseBodyInput,
  type SenderProvidedRequestDataInput,
  type SmevEnvelope,
  type SmevVersion,
} from '../../core/smev/envelope/index.ts';
import { signSmevEnvelope } from '../../core/smev/signature/index.ts';
import { createHub, defaultHubOptionsFromFixtures, type Hub, type HubHandle, type HubOptions } from '../../simulators/hub/index.ts';

export const KEYS_DIR = fileURLToPath(new URL('../../fixtures/keys/', import.meta.url));
const CONTRACT_FIXTURES = fileURLToPath(new URL('../../fixtures/contracts/', import.meta.url));

export function keyPair(stem: string): { profile: 'dev'; privateKeyPem: string; certificatePem: string } {
  return {
    profile: 'dev',
    privateKeyPem: readFileSync(join(KEYS_DIR, `${stem}.key.pem`), 'utf8'),
    certificatePem: readFileSync(join(KEYS_DIR, `${stem}.cert.pem`), 'utf8'),
  };
}

/** Which fixture key a certificate fingerprint belongs to ("consumer", "sfr", "hub"…). */
export function fixtureKeyOf(fingerprint256: string): string {
  for (const stem of ['consumer', 'hub', 'sfr', 'fns', 'fri', 'gis-zhkh', 'zags', 'mvd', 'untrusted', 'expired']) {
    if (new X509Certificate(keyPair(stem).certificatePem).fingerprint256 === fingerprint256) return stem;
  }
  return 'unknown';
}

/** A payload sample of fixtures/contracts without its XML declaration. */
export function payload(path: string): string {
  return readFileSync(join(CONTRACT_FIXTURES, path), 'utf8').replace(/^<\?xml[^>]*\?>\s*/, '').trim();
}

export const SFR_REQUEST = payload('sfr/assigned-benefits-request.xml');
export const SFR_PENSIONS_REQUEST = payload('sfr/pensions-and-payments-request.xml');
export const SFR_RESPONSE = payload('sfr/assigned-benefits-response.xml');
export const FNS_REQUEST = payload('fns/income-request.xml');
export const ZAGS_REQUEST = payload('zags/birth-records-request.xml');
export const SFR_NS = 'urn://agency-kit/sfr/payments/1.0.0';

/** A clock tests move by hand. */
export class TestClock {
  private t: number;
  constructor(start: Date = new Date()) {
    this.t = start.getTime();
  }
  readonly now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestHub extends Hub {
  readonly clock: TestClock;
}

export function createTestHub(extra: Partial<HubOptions> = {}): TestHub {
  const clock = new TestClock();
  const created = createHub({ ...defaultHubOptionsFromFixtures(), now: clock.now, ...extra }, { logger: { error: () => undefined } });
  return { ...created, clock };
}

export type Transport = (version: SmevVersion, xml: string, soapAction: string) => Promise<{ status: number; xml: string }>;

export function inProcess(hub: HubHandle): Transport {
  return async (version, xml, soapAction) => hub.handleSoap(version, Buffer.from(xml, 'utf8'), 'text/xml; charset=utf-8', soapAction);
}

export function overHttp(urls: Readonly<Record<SmevVersion, string>>): Transport {
  return async (version, xml, soapAction) => {
    const response = await fetch(urls[version], { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapAction}"` }, body: xml });
    return { status: response.status, xml: await response.text() };
  };
}

export interface SendOptions {
  readonly messageId?: string;
  readonly attachments?: readonly AttachmentContent[];
  readonly fields?: Partial<SenderProvidedRequestDataInput>;
  /** Edits the signed envelope text before it is sent (tampering, id swaps). */
  readonly afterSigning?: (xml: string) => string;
  readonly unsigned?: boolean;
}

/** One participating system: signs with its fixture key and calls the hub. */
export class Participant {
  constructor(
    readonly transport: Transport,
    readonly keyStem: string,
    readonly version: SmevVersion = '1.2',
    readonly clock: () => Date = () => new Date(),
  ) {}

  async call(unsignedXml: string, soapAction: string, options: Pick<SendOptions, 'afterSigning' | 'unsigned'> = {}): Promise<SmevEnvelope> {
    let xml = options.unsigned ? unsignedXml : signSmevEnvelope(unsignedXml, keyPair(this.keyStem));
    if (options.afterSigning) xml = options.afterSigning(xml);
    const answer = await this.transport(this.version, xml, soapAction);
    const envelope = parseSmevEnvelope(answer.xml, { emptyBodyAs: { operation: 'AckResponse', version: this.version } });
    if ((envelope.operation === 'Fault') !== (answer.status === 500)) throw new Error(`HTTP ${answer.status} with ${envelope.operation}`);
    return envelope;
  }

  async sendRequest(content: string, options: SendOptions = {}): Promise<{ messageId: string; envelope: SmevEnvelope }> {
    const messageId = options.messageId ?? generateMessageId(this.clock());
    const xml = buildSendRequestRequest({
      version: this.version,
      requestData: { messageId, content, ...options.fields },
      ...(options.attachments ? { attachmentContents: options.attachments } : {}),
    });
    return { messageId, envelope: await this.call(xml, 'urn:SendRequest', options) };
  }

  async sendResponse(to: string, body: ResponseBodyInput, options: SendOptions = {}): Promise<{ messageId: string; envelope: SmevEnvelope }> {
    const messageId = options.messageId ?? generateMessageId(this.clock());
    const xml = buildSendResponseRequest({ version: this.version, responseData: { messageId, to, body } });
    return { messageId, envelope: await this.call(xml, 'urn:SendResponse', options) };
  }

  getRequest(selector: Partial<MessageTypeSelector> = {}): Promise<SmevEnvelope> {
    return this.call(buildGetRequestRequest({ version: this.version, selector: { timestamp: this.clock(), ...selector } }), 'urn:GetRequest');
  }

  getResponse(selector: Partial<MessageTypeSelector> = {}): Promise<SmevEnvelope> {
    return this.call(buildGetResponseRequest({ version: this.version, selector: { timestamp: this.clock(), ...selector } }), 'urn:GetResponse');
  }

  ack(messageId: string, accepted = true): Promise<SmevEnvelope> {
    return this.call(buildAckRequest({ version: this.version, messageId, accepted }), 'urn:Ack');
  }

  getStatus(): Promise<SmevEnvelope> {
    return this.call(buildGetStatusRequest({ version: this.version, timestamp: this.clock() }), 'urn:GetStatus');
  }
}

export function expectFault(envelope: SmevEnvelope): FaultEnvelope {
  if (envelope.operation !== 'Fault') throw new Error(`expected a fault, got ${envelope.operation}`);
  return envelope;
}

export function delivered(envelope: SmevEnvelope): NonNullable<GetRequestResponseEnvelope['message']> {
  if (envelope.operation !== 'GetRequestResponse') throw new Error(`expected GetRequestResponse, got ${envelope.operation}${envelope.operation === 'Fault' ? `: ${envelope.fault?.name} ${envelope.faultstring}` : ''}`);
  if (!envelope.message) throw new Error('the request queue was empty');
  return envelope.message;
}

export function deliveredResponse(envelope: SmevEnvelope): NonNullable<GetResponseResponseEnvelope['message']> {
  if (envelope.operation !== 'GetResponseResponse') throw new Error(`expected GetResponseResponse, got ${envelope.operation}${envelope.operation === 'Fault' ? `: ${envelope.fault?.name} ${envelope.faultstring}` : ''}`);
  if (!envelope.message) throw new Error('the response queue was empty');
  return envelope.message;
}

export function isEmptyPoll(envelope: SmevEnvelope): boolean {
  return (envelope.operation === 'GetRequestResponse' || envelope.operation === 'GetResponseResponse' || envelope.operation === 'GetStatusResponse') && envelope.message === undefined;
}

/** The usual cast of a test: consumer and the six agencies, over one transport and clock. */
export function cast(transport: Transport, clock: () => Date, version: SmevVersion = '1.2') {
  const p = (stem: string) => new Participant(transport, stem, version, clock);
  return { consumer: p('consumer'), sfr: p('sfr'), fns: p('fns'), zags: p('zags'), mvd: p('mvd'), untrusted: p('untrusted'), hubKey: p('hub') };
}
