import type { IsoDate } from '../../core/facts/index.ts';
import type { RegistrationKind } from '../parameters/index.ts';
import type { KnownFact } from './fact-access.ts';
import { isWithin } from './calendar-arithmetic.ts';

/**
 * "Resides in the region" = a registration of an accepted kind whose region code is the region's and which is
 * in force on the date (since ≤ date ≤ until, until inclusive).
 */
export interface ResidenceFinding {
  readonly resident: boolean;
  /** The registration that makes the person resident, if any. */
  readonly registration: KnownFact<'residence'> | undefined;
  /** Registrations in force on the date anywhere (for the trace and for matching a dwelling). */
  readonly current: readonly KnownFact<'residence'>[];
}

export function residenceOn(
  registrations: readonly KnownFact<'residence'>[],
  regionCode: string,
  date: IsoDate,
  kinds: readonly RegistrationKind[],
): ResidenceFinding {
  const current = registrations.filter((r) => kinds.includes(r.data.kind) && isWithin(date, r.data.since, r.data.until));
  const registration = current.find((r) => r.data.address.regionCode === regionCode);
  return { resident: registration !== undefined, registration, current };
}

export function describeRegistration(r: KnownFact<'residence'>): string {
  const until = r.data.until === undefined ? '' : ` until ${r.data.until}`;
  return `${r.data.kind} registration in region ${r.data.address.regionCode} since ${r.data.since}${until}: ${r.data.address.fullText}`;
}
