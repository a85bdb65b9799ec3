/**
 * @module plan-calls
 * Which agency calls a facts request needs: one per adapter (operation) that fills any requested group, from the
 * adapter registry. income → fns; pensions and assignedBenefits → sfr (two operations); disability → fri;
 * housing → gis-zhkh (searched by dwelling); residence → mvd; births and deaths → zags (births by the subject as
 * child, or as parent when related.births = "children"). identity has no agency operation in the kit: it is not
 * fetched (the group stays empty and no agency is asked for it).
 */
import type { AgencyAdapter, FactsQuery } from '../../core/adapter/index.ts';
import type { FactGroup } from '../../core/facts/index.ts';
import { adaptersForGroup, zagsBirthsByParentAdapter } from '../../adapters/index.ts';
import type { FactsRequest } from '../api/facts-request.ts';
import { CALLED_AGENCIES, type CalledAgency } from '../config/config.ts';
import type { AgencyCall } from '../pipeline/call-context.ts';

function adapterFor(group: FactGroup, request: FactsRequest): { adapter: AgencyAdapter; operation: string } | undefined {
  if (group === 'births' && request.related?.births === 'children') return { adapter: zagsBirthsByParentAdapter, operation: 'zags.births.by-parent' };
  const adapter = adaptersForGroup(group)[0];
  return adapter === undefined ? undefined : { adapter, operation: `${adapter.agency}.${adapter.messageType.localName}` };
}

const isCalled = (agency: string): agency is CalledAgency => (CALLED_AGENCIES as readonly string[]).includes(agency);

export function planCalls(request: FactsRequest): readonly AgencyCall[] {
  const { dwelling, ...subject } = request.subject;
  const query: FactsQuery & { dwelling?: typeof dwelling } = {
    subject,
    purpose: request.purpose,
    ...(request.period === undefined ? {} : { period: request.period }),
    ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    ...(dwelling === undefined ? {} : { dwelling }),
  };
  const byOperation = new Map<string, { agency: CalledAgency; adapter: AgencyAdapter; groups: FactGroup[] }>();
  for (const group of request.groups) {
    const found = adapterFor(group, request);
    if (found === undefined || !isCalled(found.adapter.agency)) continue;
    const entry = byOperation.get(found.operation) ?? { agency: found.adapter.agency, adapter: found.adapter, groups: [] };
    entry.groups.push(group);
    byOperation.set(found.operation, entry);
  }
  return [...byOperation].map(([operation, e]) => Object.freeze({ agency: e.agency, operation, adapter: e.adapter, groups: Object.freeze(e.groups), query }));
}
