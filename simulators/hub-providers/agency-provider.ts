/**
 * @module agency-provider
 * One agency as an asynchronous provider behind the hub: a GetRequest poller (signed with the agency key, adaptive
 * back-off: back to `pollMinMs` on a message, doubled up to `pollMaxMs` on an empty queue or a fault), and for each
 * request: verify the hub's and the consumer's signatures, Ack (accepted=false when they fail), then answer in the
 * background through planProviderReply and SendResponse with To = ReplyTo. Polling goes on while answers are
 * being prepared, so a slow answer does not hold up the queue.
 */
import { loadXsdValidator, type XsdValidator } from '../../core/contracts/index.ts';
import { isKitError } from '../../core/errors/index.ts';
import {
  buildAckRequest,
  buildGetRequestRequest,
  buildSendResponseRequest,
  generateMessageId,
  type GetRequestResponseEnvelope,
  type ResponseBodyInput,
} from '../../core/smev/envelope/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import { corruptSignature, type SimulatorEngine } from '../engine/index.ts';
import { sleep } from '../runtime/agency-exchange.ts';
import type { AgencySimulator } from '../runtime/agency-simulator.ts';
import type { RuntimeLogger, RuntimeSigning } from '../runtime/runtime-options.ts';
import { describeAnswer, postToHub, signForHub, type HubEndpoint } from './hub-exchange.ts';
import { planProviderReply, type ProviderReply } from './provider-reply.ts';
import { verifyHubRequest } from './verify-request.ts';

export interface AgencyProviderOptions {
  readonly endpoint: HubEndpoint;
  readonly simulator: AgencySimulator;
  readonly engine: SimulatorEngine;
  readonly signing: RuntimeSigning;
  readonly trust: TrustList;
  readonly pollMinMs: number;
  readonly pollMaxMs: number;
  /** Wait before deciding again after a network-ish engine fault without Retry-After. */
  readonly retryDelayMs: number;
  /** Give up on a request after this many engine decisions that all said "later". */
  readonly maxAttempts: number;
  readonly logger: RuntimeLogger;
  readonly now: () => Date;
}

type Message = NonNullable<GetRequestResponseEnvelope['message']>;

export class AgencyProvider {
  readonly #o: AgencyProviderOptions;
  readonly #validator: XsdValidator;
  readonly #stop = new AbortController();
  readonly #tasks = new Set<Promise<void>>();
  #delayMs: number;
  #loop: Promise<void> | undefined;
  /** Counters for tests and the bench. */
  readonly stats = { polls: 0, received: 0, refused: 0, answered: 0, sendFailures: 0 };

  constructor(options: AgencyProviderOptions) {
    this.#o = options;
    this.#validator = loadXsdValidator(options.simulator.contract.files.xsdPath);
    this.#delayMs = options.pollMinMs;
  }

  get agency(): string {
    return this.#o.simulator.agency;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  /** Stops polling, cuts waits short and lets the answers in flight finish (an aborted wait sends nothing). */
  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#loop;
    await Promise.allSettled([...this.#tasks]);
  }

  async #run(): Promise<void> {
    const { signal } = this.#stop;
    while (!signal.aborted) {
      let message: Message | undefined;
      let envelope: GetRequestResponseEnvelope | undefined;
      try {
        this.stats.polls++;
        const xml = buildGetRequestRequest({ version: this.#o.endpoint.version, selector: { timestamp: this.#o.now() } });
        const answer = await postToHub(this.#o.endpoint, 'GetRequest', signForHub(xml, this.#o.signing));
        if (answer.operation === 'GetRequestResponse') {
          envelope = answer;
          message = answer.message;
        } else if (!signal.aborted) {
          this.#o.logger.error(`${this.agency} provider: GetRequest answered ${describeAnswer(answer)}`, undefined);
        }
      } catch (error) {
        if (!signal.aborted) this.#o.logger.error(`${this.agency} provider: GetRequest failed`, error);
      }
      if (envelope && message) {
        this.#delayMs = this.#o.pollMinMs;
        await this.#take(envelope, message);
        continue;
      }
      this.#delayMs = Math.min(this.#o.pollMaxMs, Math.max(1, this.#delayMs) * 2);
      await sleep(this.#delayMs, signal);
    }
  }

  /** Verify and Ack at once (the request is ours now), then answer in the background. */
  async #take(envelope: GetRequestResponseEnvelope, message: Message): Promise<void> {
    this.stats.received++;
    const requestData = message.request.requestData;
    const messageId = requestData.messageId;
    let accepted = true;
    try {
      verifyHubRequest(envelope, message, this.#o.trust, this.#o.now());
    } catch (error) {
      accepted = false;
      this.stats.refused++;
      this.#journalRefusal(messageId, requestData.content.xml, `signature check failed: ${isKitError(error) ? `${error.code} ${error.message}` : String(error)}`);
    }
    await this.#ack(messageId, accepted);
    if (!accepted) return;
    const replyTo = message.request.replyTo;
    if (replyTo === undefined) {
      this.#journalRefusal(messageId, requestData.content.xml, 'the request carries no ReplyTo: nowhere to answer');
      return;
    }
    const task = this.#answer(requestData.content.element, requestData.content.xml, messageId, replyTo).catch((error: unknown) => {
      this.#o.logger.error(`${this.agency} provider: answering ${messageId} failed`, error);
    });
    this.#tasks.add(task);
    void task.finally(() => this.#tasks.delete(task));
  }

  async #ack(messageId: string, accepted: boolean): Promise<void> {
    try {
      const xml = buildAckRequest({ version: this.#o.endpoint.version, messageId, accepted });
      const answer = await postToHub(this.#o.endpoint, 'Ack', signForHub(xml, this.#o.signing));
      if (answer.operation !== 'AckResponse') this.#o.logger.error(`${this.agency} provider: Ack of ${messageId} answered ${describeAnswer(answer)}`, undefined);
    } catch (error) {
      // Unacknowledged, the request comes back after the visibility timeout: at-least-once, as on the real exchange.
      this.#o.logger.error(`${this.agency} provider: Ack of ${messageId} failed`, error);
    }
  }

  async #answer(payload: Element, payloadXml: string, messageId: string, replyTo: string): Promise<void> {
    const { signal } = this.#stop;
    const { engine } = this.#o;
    for (let attempt = 1; attempt <= this.#o.maxAttempts && !signal.aborted; attempt++) {
      const { reply, plan } = await planProviderReply({
        simulator: this.#o.simulator, engine, validator: this.#validator, payload, payloadXml, messageId,
        now: this.#o.now(), retryDelayMs: this.#o.retryDelayMs, signal,
      });
      if (signal.aborted) return;
      if (reply.kind === 'later' || reply.kind === 'silent') {
        if (plan) engine.record(plan, { request: payloadXml, response: `no answer: ${reply.reason}`, status: 'no-response', at: this.#o.now() });
        else this.#journalRefusal(messageId, payloadXml, reply.reason);
        if (reply.kind === 'silent') return;
        await sleep(reply.afterMs, signal);
        continue;
      }
      if (reply.kind === 'content' && reply.extraDelayMs > 0) await sleep(reply.extraDelayMs, signal);
      if (signal.aborted) return;
      const sent = await this.#sendResponse(reply, replyTo);
      if (plan) engine.record(plan, { request: payloadXml, response: sent.xml, status: sent.status, at: this.#o.now() });
      else this.#journalRefusal(messageId, payloadXml, reply.kind === 'rejected' ? `${reply.code}: ${reply.description}` : reply.kind, sent.xml);
      return;
    }
  }

  async #sendResponse(reply: Exclude<ProviderReply, { kind: 'later' | 'silent' }>, replyTo: string): Promise<{ xml: string; status: number }> {
    const body: ResponseBodyInput =
      reply.kind === 'content'
        ? { kind: 'content', content: reply.xml }
        : reply.kind === 'rejected'
          ? { kind: 'rejected', rejections: [{ code: reply.code, description: reply.description }] }
          : { kind: 'status', status: { code: reply.code, description: reply.description } };
    const unsigned = buildSendResponseRequest({ version: this.#o.endpoint.version, responseData: { messageId: generateMessageId(), to: replyTo, body } });
    let xml = signForHub(unsigned, this.#o.signing);
    if (reply.kind === 'content' && reply.corruptSignature) xml = Buffer.from(corruptSignature(Buffer.from(xml, 'utf8'))).toString('utf8');
    // SMEVFailure and an unreachable hub are worth a few quick retries; anything else is logged and dropped.
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await postToHub(this.#o.endpoint, 'SendResponse', xml);
        if (answer.operation === 'SendResponseResponse') {
          this.stats.answered++;
          return { xml, status: 200 };
        }
        const retry = answer.operation === 'Fault' && answer.fault?.spec?.action === 'retry';
        if (!retry || attempt >= 3) {
          this.stats.sendFailures++;
          this.#o.logger.error(`${this.agency} provider: SendResponse refused: ${describeAnswer(answer)}`, undefined);
          return { xml, status: answer.operation === 'Fault' ? (answer.fault?.spec?.soapFaultCode === 'Server' ? 500 : 400) : 502 };
        }
      } catch (error) {
        if (attempt >= 3 || this.#stop.signal.aborted) {
          this.stats.sendFailures++;
          this.#o.logger.error(`${this.agency} provider: SendResponse failed`, error);
          return { xml, status: 502 };
        }
      }
      await sleep(this.#o.retryDelayMs, this.#stop.signal);
    }
  }

  #journalRefusal(messageId: string, request: string, reason: string, response?: string): void {
    this.#o.engine.journal.append({
      time: this.#o.now(),
      agency: this.#o.simulator.agency,
      operation: 'hub',
      messageId,
      request,
      response: response ?? reason,
      status: response === undefined ? 'no-response' : 200,
      latencyMs: 0,
      nearMiss: `refused before the scenario engine: ${reason}`,
    });
  }
}
