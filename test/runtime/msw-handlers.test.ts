/** Consumers' view: the agencies in-process through msw, using only the public entry simulators/index.ts. */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyHandlers, fixtureTrustList, SimulatorEngine } from '../../simulators/index.ts';
import { buildDirectRequest, parseDirectAnswer, verifyDirectEnvelope } from '../../core/direct-soap/index.ts';
import { GET_INCOME, MOTHER_SNILS, PERSONAS, fakeFnsSimulator, incomeRequestXml } from './support.ts';

const BASE = 'http://agencies.test';
const engine = new SimulatorEngine({ seed: 3, personas: PERSONAS });
const server = setupServer(...createAgencyHandlers({ simulators: [fakeFnsSimulator], engine, baseUrl: BASE }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  engine.close();
});

function post(): Promise<Response> {
  const { xml } = buildDirectRequest({ payloadXml: incomeRequestXml(MOTHER_SNILS) });
  return fetch(`${BASE}/ws/fns`, { method: 'POST', headers: { 'content-type': 'text/xml', soapaction: `"${GET_INCOME.soapAction}"` }, body: xml });
}

describe('msw handlers', () => {
  it('answer a SOAP call in-process with a signed answer that verifies', async () => {
    const response = await post();
    expect(response.status).toBe(200);
    const answer = parseDirectAnswer(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type') ?? '');
    if (answer.kind !== 'answer') throw new Error('expected an answer');
    expect(answer.answer.kind).toBe('business');
    verifyDirectEnvelope(answer.document, { side: 'agency', referenceId: 'AGENCY_ANSWER', expectedElement: answer.answerElement, trust: fixtureTrustList() });
  });

  it('serve the WSDL', async () => {
    const wsdl = await (await fetch(`${BASE}/ws/fns?wsdl`)).text();
    expect(wsdl).toContain(`location="${BASE}/ws/fns"`);
  });

  it('turn a connection reset into a network error', async () => {
    engine.setFaults({ rules: [{ when: { agency: 'fns' }, action: { type: 'connection-reset' } }] });
    await expect(post()).rejects.toThrow();
    engine.setFaults({ rules: [] });
  });

  it('can be built from personas alone', async () => {
    const handlers = createAgencyHandlers({ simulators: [fakeFnsSimulator], personas: PERSONAS, baseUrl: 'http://other.test' });
    expect(handlers.length).toBe(3);
  });
});
