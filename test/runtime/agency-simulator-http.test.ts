/** The HTTP face of one simulated agency: routing, XSD rejection, WSDL/XSD publishing, node-soap, admin, journal, strict mode. */
import { afterEach, describe, expect, it } from 'vitest';
import * as soap from 'soap';
import { callAgencyDirect } from '../../adapters/transport/direct-soap-client.ts';
import { fnsContract } from '../../core/contracts/index.ts';
import { buildDirectRequest, parseDirectAnswer, signDirectEnvelope } from '../../core/direct-soap/index.ts';
import type { SimulatorEngine } from '../../simulators/engine/index.ts';
import { startAgencySimulator, type RunningAgencySimulator, type StartAgencySimulatorOptions } from '../../simulators/runtime/server.ts';
import { AGENCY_SIGNING, CONSUMER_SIGNING, GET_INCOME, MOTHER_QUERY, MOTHER_SNILS, TRUST, createEngine, createFakeAdapter, fakeFnsSimulator, incomeRequestXml } from './support.ts';

let running: RunningAgencySimulator | undefined;
let engine: SimulatorEngine | undefined;

afterEach(async () => {
  await running?.close();
  engine?.close();
  running = undefined;
  engine = undefined;
});

async function start(extra: Partial<StartAgencySimulatorOptions> = {}): Promise<RunningAgencySimulator> {
  engine = createEngine();
  running = await startAgencySimulator({ simulator: fakeFnsSimulator, engine, signing: AGENCY_SIGNING, logger: { error: () => undefined }, ...extra });
  return running;
}

function postEnvelope(url: string, xml: string, soapAction = `"${GET_INCOME.soapAction}"`): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapAction }, body: xml });
}

describe('request checks', () => {
  it('rejects a payload that fails the XSD with a 400 InvalidContent fault naming the problem', async () => {
    const { url } = await start();
    const broken = incomeRequestXml(MOTHER_SNILS).replace('<BirthDate>1985-03-20</BirthDate>', '<BirthDate>20.03.1985</BirthDate>');
    const response = await postEnvelope(url, buildDirectRequest({ payloadXml: broken }).xml);
    expect(response.status).toBe(400);
    const answer = parseDirectAnswer(new Uint8Array(await response.arrayBuffer()));
    expect(answer.kind).toBe('fault');
    if (answer.kind !== 'fault' || answer.fault.kind !== 'invalid-content') throw new Error('expected InvalidContent');
    expect(answer.fault.problems.map((p) => p.message).join(' ')).toMatch(/BirthDate/);
    expect(engine!.journal.query({ agency: 'fns' })[0]?.status).toBe(400);
  });

  it('rejects bytes that are not XML with InvalidContent, not a crash', async () => {
    const { url } = await start();
    const response = await postEnvelope(url, 'hello');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('InvalidContent');
  });

  it('refuses a SOAPAction of another contract', async () => {
    const { url } = await start();
    const response = await postEnvelope(url, buildDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS) }).xml, '"urn:elsewhere"');
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/SOAPAction/);
  });

  it('routes by body root when there is no SOAPAction', async () => {
    const { url } = await start();
    const response = await postEnvelope(url, buildDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS) }).xml, '');
    expect(response.status).toBe(200);
  });

  it('strict mode refuses an unsigned request and accepts a signed one', async () => {
    const { url } = await start({ trust: TRUST, requireSignedRequests: true });
    const unsigned = await postEnvelope(url, buildDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS) }).xml);
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toContain('NoSignatureFound');
    const outcome = await callAgencyDirect({ url, contract: fnsContract, operation: GET_INCOME, adapter: createFakeAdapter(), query: MOTHER_QUERY, trust: TRUST, timeoutMs: 3000, signing: CONSUMER_SIGNING });
    expect(outcome.kind).toBe('facts');
  });

  it('refuses a caller signature that does not verify', async () => {
    const { url } = await start({ trust: TRUST });
    const built = buildDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS) });
    const signed = signDirectEnvelope(built.xml, { side: 'caller', referenceId: built.referenceId, signing: CONSUMER_SIGNING });
    const tampered = signed.replace('<BirthDate>1985-03-20</BirthDate>', '<BirthDate>1985-03-21</BirthDate>');
    const response = await postEnvelope(url, tampered);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('SignatureIsInvalid');
  });
});

describe('publishing the contract', () => {
  it('serves the WSDL with its own address and the XSD where the WSDL imports it', async () => {
    const { url, wsdlUrl } = await start();
    const wsdl = await (await fetch(wsdlUrl)).text();
    expect(wsdl).toContain(`location="${url}"`);
    const xsd = await fetch(url.replace(/\/ws\/fns$/, '/ws/fns.xsd'));
    expect(xsd.status).toBe(200);
    expect(await xsd.text()).toContain(fnsContract.namespace);
  });

  it('lets a node-soap client built from the WSDL call GetIncome and get the documented answer', async () => {
    const { wsdlUrl } = await start();
    const client = await soap.createClientAsync(wsdlUrl);
    const [result] = (await client.GetIncomeAsync({
      Snils: MOTHER_SNILS,
      Person: { FamilyName: 'Петрова', FirstName: 'Алёна' },
      BirthDate: '1985-03-20',
      IdentityDocument: { DocumentCode: '21', SeriesNumber: '4510 123456' },
      ReportYear: '2026',
    })) as [{ Income?: { Agent?: { AgentInn?: string } | { AgentInn?: string }[] } }];
    const agent = Array.isArray(result.Income?.Agent) ? result.Income?.Agent[0] : result.Income?.Agent;
    expect(agent?.AgentInn).toBe('7701234567');
  });
});

describe('around the SOAP endpoint', () => {
  it('mounts the engine admin API at /__admin', async () => {
    const { origin } = await start();
    const health = await fetch(`${origin}/__admin/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
  });

  it('answers unknown routes with a 404 problem document', async () => {
    const { origin } = await start();
    const response = await fetch(`${origin}/nowhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('ERR_NOT_FOUND');
  });

  it('hides an agency crash behind an opaque 500 and logs it', async () => {
    const logged: unknown[] = [];
    engine = createEngine();
    running = await startAgencySimulator({
      simulator: { ...fakeFnsSimulator, answer: () => { throw new Error('secret path /etc/agency'); } },
      engine,
      signing: AGENCY_SIGNING,
      logger: { error: (_m, e) => logged.push(e) },
    });
    const response = await postEnvelope(running.url, buildDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS) }).xml);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('journals each call with the request and response bytes, queryable by message id', async () => {
    const { url } = await start();
    const built = buildDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS) });
    await postEnvelope(url, built.xml);
    const [entry] = engine!.journal.query({ messageId: built.messageId });
    expect(entry).toMatchObject({ agency: 'fns', operation: 'GetIncome', status: 200, personaId: 'family-petrova' });
    expect(entry?.request).toContain('IncomeRequest');
    expect(entry?.response).toContain('AgencySignature');
  });
});
