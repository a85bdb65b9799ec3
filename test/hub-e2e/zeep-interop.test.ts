/**
 * Interop: Debian's python3-zeep builds a client from the hub's WSDL and performs SendRequest and GetResponse
 * against it. The signatures are made by our signer (zeep has no SMEV transform): the test pre-signs both envelopes
 * with the consumer key and hands them to test/hub-e2e/zeep_client.py, which posts them through zeep's transport
 * and parses the answers with the WSDL bindings. Skipped, saying why, when /usr/bin/python3 has no zeep.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fnsIncomeAdapter } from '../../adapters/index.ts';
import { buildGetResponseRequest, buildSendRequestRequest, generateMessageId } from '../../core/smev/envelope/index.ts';
import { signSmevEnvelope } from '../../core/smev/signature/index.ts';
import { member, subjectOf } from '../agencies/personas.ts';
import { CONSUMER_SIGNING, startHubWorld, type HubWorld } from './support.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./zeep_client.py', import.meta.url));
const zeepMissing = ((): string | undefined => {
  const probe = spawnSync(PYTHON, ['-c', 'import zeep'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} cannot run (${probe.error.message})`;
  return probe.status === 0 ? undefined : `${PYTHON} has no zeep module (apt-get install python3-zeep)`;
})();

// Skipped, with the reason in the suite's name, only where Debian's python3-zeep is not installed (CI installs it).
describe.skipIf(zeepMissing !== undefined)(`a python zeep client built from the hub WSDL${zeepMissing === undefined ? '' : ` [skipped: ${zeepMissing}]`}`, () => {
  let world: HubWorld;
  let dir: string;

  beforeAll(async () => {
    world = await startHubWorld();
    dir = mkdtempSync(join(tmpdir(), 'hub-zeep-'));
  });

  afterAll(async () => {
    await world?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('performs SendRequest and GetResponse and reads the agency answer', async () => {
    const mother = member('children-3-7-sergeeva-golden-75', 'mother');
    const payloadXml = fnsIncomeAdapter.buildRequest({ subject: subjectOf(mother), period: { from: '2025-11-01', to: '2026-10-31' }, purpose: {} });
    const messageId = generateMessageId();
    const sign = (xml: string): string => signSmevEnvelope(xml, CONSUMER_SIGNING);
    const sendFile = join(dir, 'send.xml');
    const getFile = join(dir, 'get.xml');
    writeFileSync(sendFile, sign(buildSendRequestRequest({ version: '1.2', requestData: { messageId, content: payloadXml } })));
    writeFileSync(getFile, sign(buildGetResponseRequest({ version: '1.2', selector: { timestamp: new Date(), namespaceUri: fnsIncomeAdapter.messageType.namespaceUri, rootElementLocalName: 'IncomeRequest' } })));
    // Asynchronous on purpose: the hub and the providers run in this process and must keep answering meanwhile.
    const { stdout: out } = await promisify(execFile)(PYTHON, [SCRIPT, `${world.hubUrl}?wsdl`, sendFile, getFile], { encoding: 'utf8', timeout: 30_000 });
    const result = JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(result.operations).toEqual(expect.arrayContaining(['SendRequest', 'GetResponse', 'Ack', 'GetRequest', 'SendResponse', 'GetStatus']));
    expect(result.sendStatus).toBe('requestIsQueued');
    expect(result.originalMessageId).toBe(messageId);
    expect(String(result.content)).toContain(mother.agencies.fns!.incomes[0]!.agentInn);
  });
});
