import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDecisionConfig } from '../../decision/config.ts';
import { startDecisionService } from '../../decision/server.ts';
import { startSimulators, startTestGateway } from '../gateway/support.ts';
import { postJson, tempDir, waitUntilNotified } from './support.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of cleanup.splice(0).reverse()) await stop();
});

interface PersonaMember {
  role: string;
  person: { snils: string; name: { family: string; first: string; patronymic?: string }; birthDate: string; documents?: { kind: string; series?: string; number: string; issuedOn: string }[] };
}

/** The tax service's document kind codes (СПДУЛ): the fns request needs the identity document. */
const KIND_CODE: Record<string, string> = { 'passport-rf': '21', 'birth-certificate': '03', 'foreign-passport': '10' };

function membersOf(file: string): PersonaMember[] {
  return (JSON.parse(readFileSync(new URL(`../../fixtures/personas/${file}`, import.meta.url), 'utf8')) as { members: PersonaMember[] }).members;
}

function subject(m: PersonaMember) {
  const document = m.person.documents?.[0];
  return {
    snils: m.person.snils,
    name: m.person.name,
    birthDate: m.person.birthDate,
    ...(document === undefined ? {} : { identityDocument: { kindCode: KIND_CODE[document.kind] ?? '91', ...(document.series === undefined ? {} : { series: document.series }), number: document.number, issueDate: document.issuedOn } }),
  };
}

/** A children-3-to-7 application from a demo persona: the applicant, the children, and everyone else as family. */
function applicationFromPersona(file: string, date: string) {
  const members = membersOf(file);
  const applicant = members.find((m) => m.role === 'applicant');
  if (applicant === undefined) throw new Error('persona without an applicant');
  return {
    measure: 'children-3-to-7',
    applicationDate: date,
    applicant: subject(applicant),
    children: members.filter((m) => m.role === 'child').map(subject),
    familyMembers: members.filter((m) => m.role !== 'applicant' && m.role !== 'child').map(subject),
  };
}

async function realStack() {
  const sims = await startSimulators();
  cleanup.push(() => sims.close());
  const gateway = await startTestGateway(sims);
  cleanup.push(() => gateway.close());
  const tmp = tempDir();
  cleanup.push(() => tmp.remove());
  const service = await startDecisionService(loadDecisionConfig({ DECISION_PORT: '0', GATEWAY_URL: gateway.url, DECISION_DATA_DIR: tmp.dir, DECISION_POLL_INTERVAL_MS: '20', LOG_LEVEL: 'silent' }));
  cleanup.push(() => service.close());
  return service;
}

describe('decision service end to end', () => {
  it('decides the utility persona Vasiliev through the six simulators and the real gateway, finding his accounts by his registered dwelling: granted', async () => {
    const service = await realStack();
    const applicant = membersOf('utility-vasiliev-granted.json').find((m) => m.role === 'applicant');
    if (applicant === undefined) throw new Error('persona changed');
    const { status, body } = await postJson(`${service.url}/v1/applications`, { measure: 'utility-compensation', applicationDate: '2026-11-16', applicant: subject(applicant) });
    expect(status).toBe(202);
    const done = await waitUntilNotified(service.url, body.id as string, 15_000);
    const decision = done.decision as { kind: string; amountKopecks: number };
    expect(decision.kind, JSON.stringify(done.decision)).toBe('granted');
    expect(decision.amountKopecks).toBeGreaterThan(0);
    expect((done.timeline as { status: string }[]).map((t) => t.status)).toEqual(['received', 'requests-sent', 'facts-received', 'decided', 'notified']);
    expect((done.trace as { text: string }).text).toContain('utility.accounts-at-address');
  }, 30_000);

  it('decides the golden 3-to-7 persona through the six simulators and the real gateway: granted at 75 % = 16 602.75 ₽ per child', async () => {
    const service = await realStack();
    const { status, body } = await postJson(`${service.url}/v1/applications`, applicationFromPersona('children-3-7-sergeeva-golden-75.json', '2026-11-16'));
    expect(status).toBe(202);
    const done = await waitUntilNotified(service.url, body.id as string, 15_000);
    const decision = done.decision as { kind: string; amountKopecks: number; payments: { amountKopecks: number }[] };
    expect(decision.kind, JSON.stringify(done.decision)).toBe('granted');
    expect(decision.payments.map((p) => p.amountKopecks)).toEqual([1_660_275, 1_660_275]);
    expect(decision.amountKopecks).toBe(3_320_550);
    expect((done.timeline as { status: string }[]).map((t) => t.status)).toEqual(['received', 'requests-sent', 'facts-received', 'decided', 'notified']);
    expect((done.trace as { text: string }).text).toContain('per-capita income: 15 000.00 ₽');
  }, 30_000);
});
