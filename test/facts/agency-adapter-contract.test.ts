import { describe, expect, it } from 'vitest';
import {
  messageTypeKey,
  outcomeForRejection,
  provenanceFor,
  type AdapterOutcome,
  type AgencyAdapter,
  type AgencyAnswer,
  type FactsQuery,
  type ProvenanceContext,
} from '../../core/adapter/index.ts';
import { KitError } from '../../core/errors/index.ts';
import { parsePartialFacts } from '../../core/facts/index.ts';

const NS = 'urn://example/registration/1.0.0';

/** A toy adapter: proves the contract can be implemented with strings alone and typed to its fact groups. */
const toyRegistrationAdapter: AgencyAdapter<'residence'> = {
  agency: 'mvd',
  factGroups: ['residence'],
  messageType: { namespaceUri: NS, localName: 'RegistrationRequest' },
  buildRequest(query: FactsQuery): string {
    return `<r:RegistrationRequest xmlns:r="${NS}"><r:BirthDate>${query.subject.birthDate}</r:BirthDate></r:RegistrationRequest>`;
  },
  readAnswer(answer: AgencyAnswer, context: ProvenanceContext): AdapterOutcome<'residence'> {
    switch (answer.kind) {
      case 'rejected':
        return outcomeForRejection(answer, this.agency);
      case 'status':
        return { kind: 'not-ready', retryAfterMs: 60_000 };
      case 'business': {
        const regionCode = /<r:Region>(\d{2})<\/r:Region>/.exec(answer.xml)?.[1];
        if (regionCode === undefined) {
          return { kind: 'error', error: new KitError('ERR_AGENCY_BAD_RESPONSE', 'No region in the answer') };
        }
        const residence = [
          {
            data: { kind: 'permanent' as const, address: { fullText: 'г. Сургут', regionCode }, since: '2015-09-03' },
            provenance: provenanceFor(this.agency, context),
          },
        ];
        return { kind: 'facts', facts: { residence } };
      }
    }
  },
};

const context: ProvenanceContext = {
  messageId: 'd2738076-3a1b-11ef-9a2c-0242ac120002',
  receivedAt: '2026-03-02T09:19:45Z',
  signatureVerified: true,
  request: { messageId: '6ba572c4-3a1b-11ef-9a2c-0242ac120002', messageType: `{${NS}}RegistrationRequest` },
};

describe('an agency adapter', () => {
  it('builds its request payload from a facts query', () => {
    const xml = toyRegistrationAdapter.buildRequest({
      subject: { name: { family: 'Иванова', first: 'Мария' }, birthDate: '1990-05-14' },
      purpose: { measure: 'utility-compensation' },
    });
    expect(xml).toContain('<r:BirthDate>1990-05-14</r:BirthDate>');
    expect(messageTypeKey(toyRegistrationAdapter.messageType)).toBe(`{${NS}}RegistrationRequest`);
  });

  it('turns a business answer into facts stamped with its own agency and the response provenance', () => {
    const outcome = toyRegistrationAdapter.readAnswer(
      { kind: 'business', xml: `<r:Answer xmlns:r="${NS}"><r:Region>86</r:Region></r:Answer>`, root: { namespaceUri: NS, localName: 'Answer' } },
      context,
    );
    expect(outcome.kind).toBe('facts');
    if (outcome.kind !== 'facts') return;
    const facts = parsePartialFacts(outcome.facts);
    expect(facts.residence?.[0]?.provenance).toEqual({ agency: 'mvd', ...context });
  });

  it('passes a rejection through the shared mapping and a status as not ready', () => {
    expect(toyRegistrationAdapter.readAnswer({ kind: 'rejected', code: 'NO_DATA', description: 'none' }, context).kind).toBe('no-data');
    expect(
      toyRegistrationAdapter.readAnswer({ kind: 'status', code: 52, description: 'processing', parameters: {} }, context),
    ).toEqual({ kind: 'not-ready', retryAfterMs: 60_000 });
  });
});
