/**
 * Oracle for residence registration: every registration of the person, or only those valid on the requested
 * date (inclusive) when one is asked; nothing left is no data.
 */
import type { HouseholdMember } from '../personas.ts';
import { contains, facts, optional, type Expected } from './common.ts';

export function expectedResidence(member: HouseholdMember, onDate?: string): Expected<'residence'> {
  const registrations = (member.agencies?.mvd?.registrations ?? []).filter((r) => onDate === undefined || contains(r, onDate));
  return facts(
    'residence',
    registrations.map((r) => ({
      kind: r.kind,
      address: { fullText: r.address, regionCode: r.regionCode, ...optional('fiasGuid', r.fiasGuid) },
      since: r.from,
      ...optional('until', r.to),
    })),
  );
}
