import type { IsoDate } from '../../core/facts/index.ts';
import { defaultParameterFile } from './load-parameter-file.ts';
import type { ParameterFile, VerificationLevel } from './parameter-file-schema.ts';

/**
 * The parameters in force on one date: for each parameter, the latest value whose `from` is on or before the
 * date. Each value keeps its id, effective date and source, because the decision trace cites them.
 */
export interface DatedParameter<T> {
  /** Dotted path in the parameter file, e.g. `birthGift.amountPerChildKopecks`. */
  readonly id: string;
  readonly value: T;
  readonly effectiveFrom: IsoDate;
  readonly source: string;
  readonly verification: VerificationLevel;
  readonly verified: boolean;
}

type SeriesGroup = Readonly<Record<string, readonly { from: string; value: unknown }[]>>;

/** A file group (e.g. `birthGift`) as in force on a date: every member resolved to one dated value. */
export type GroupInForce<G> = {
  readonly [K in keyof G]: G[K] extends readonly { value: infer V }[] ? DatedParameter<V> : never;
};

type MeasureGroupName = 'survivorAllowance' | 'disabledChildAllowance' | 'utilityCompensation' | 'birthGift' | 'childrenThreeToSeven';

export interface ParameterSet {
  readonly date: IsoDate;
  /** The region whose rules apply: residence, registry offices and minimums are checked against it. */
  readonly regionCode: string;
  readonly general: GroupInForce<ParameterFile['general']>;
  /** Absent when the file has no minimum for the region on the date. */
  readonly subsistenceMinimum: DatedParameter<ParameterFile['subsistenceMinimum'][string][number]['value']> | undefined;
  /**
   * Each measure's group, or undefined when some value of it is not yet in force on the date (the measure did
   * not exist then, or the file does not cover it): the rules answer manual review, never guess.
   */
  readonly measures: { readonly [M in MeasureGroupName]: GroupInForce<ParameterFile[M]> | undefined };
}

/** Value in force on `date`, or undefined before the first entry. */
export function valueOn<E extends { from: string }>(series: readonly E[], date: IsoDate): E | undefined {
  let found: E | undefined;
  for (const entry of series) {
    if (entry.from <= date) found = entry;
  }
  return found;
}

function resolve<V>(id: string, entry: { from: string; value: V; source: string; verification: VerificationLevel; verified: boolean }): DatedParameter<V> {
  return {
    id,
    value: entry.value,
    effectiveFrom: entry.from,
    source: entry.source,
    verification: entry.verification,
    verified: entry.verified,
  };
}

function groupOn<G extends SeriesGroup>(name: string, group: G, date: IsoDate): GroupInForce<G> | undefined {
  const resolved: Record<string, DatedParameter<unknown>> = {};
  for (const [key, series] of Object.entries(group)) {
    const entry = valueOn(series as readonly { from: string; value: unknown; source: string; verification: VerificationLevel; verified: boolean }[], date);
    if (entry === undefined) return undefined;
    resolved[key] = resolve(`${name}.${key}`, entry);
  }
  // The mapped type is exactly "every key resolved"; the loop above fills every key or returns early.
  return resolved as GroupInForce<G>;
}

/**
 * The parameter set in force on `date` for `region` (default: the file's home region on that date), from the
 * kit's defaults or a user's own parameter file (already validated by `parseParameterFile`/`readParameterFile`).
 */
export function parametersOn(date: IsoDate, region?: string, file: ParameterFile = defaultParameterFile()): ParameterSet {
  const general = groupOn('general', file.general, date);
  if (general === undefined) {
    throw new RangeError(`The parameter file has no general parameters in force on ${date}`);
  }
  const regionCode = region ?? general.homeRegionCode.value;
  const minimumSeries = file.subsistenceMinimum[regionCode];
  const minimumEntry = minimumSeries === undefined ? undefined : valueOn(minimumSeries, date);
  return {
    date,
    regionCode,
    general,
    subsistenceMinimum:
      minimumEntry === undefined ? undefined : resolve(`subsistenceMinimum.${regionCode}`, minimumEntry),
    measures: {
      survivorAllowance: groupOn('survivorAllowance', file.survivorAllowance, date),
      disabledChildAllowance: groupOn('disabledChildAllowance', file.disabledChildAllowance, date),
      utilityCompensation: groupOn('utilityCompensation', file.utilityCompensation, date),
      birthGift: groupOn('birthGift', file.birthGift, date),
      childrenThreeToSeven: groupOn('childrenThreeToSeven', file.childrenThreeToSeven, date),
    },
  };
}

/** Every value in the file not taken from a primary source, for a report or a CI listing. */
export function unverifiedParameters(file: ParameterFile = defaultParameterFile()): { id: string; from: string; verification: VerificationLevel; source: string }[] {
  const out: { id: string; from: string; verification: VerificationLevel; source: string }[] = [];
  const visit = (prefix: string, group: Readonly<Record<string, readonly { from: string; verified: boolean; verification: VerificationLevel; source: string }[]>>) => {
    for (const [key, series] of Object.entries(group)) {
      for (const entry of series) {
        if (!entry.verified) out.push({ id: `${prefix}.${key}`, from: entry.from, verification: entry.verification, source: entry.source });
      }
    }
  };
  visit('general', file.general);
  visit('subsistenceMinimum', file.subsistenceMinimum);
  visit('survivorAllowance', file.survivorAllowance);
  visit('disabledChildAllowance', file.disabledChildAllowance);
  visit('utilityCompensation', file.utilityCompensation);
  visit('birthGift', file.birthGift);
  visit('childrenThreeToSeven', file.childrenThreeToSeven);
  return out;
}
