import { z } from 'zod';
import { isoDateSchema } from '../../core/facts/index.ts';

/**
 * The format of a parameter file: every number the five measures use, each as a series of dated values. A value
 * is in force from its `from` date until the next value's `from`. Nothing is keyed by year: subsistence minimums
 * have changed mid-year before (June 2022), so a year key would be the wrong shape.
 *
 * Every value says where it comes from and how sure that source is, because most figures were found only in
 * secondary sources and some (measures 1 and 2) not at all. Validation is strict: an unknown or misplaced key is
 * an error, never silently ignored (a misplaced key freezing a parameter is the classic bug of such files).
 */

/**
 * primary-source: seen in a law text or an official site; secondary-source: news or explainer, re-check against
 * the act; unverified: not found in any source, an illustrative placeholder; kit-default: a design choice of the
 * kit where the law leaves the kit to choose (e.g. which assessment-period offset to follow).
 */
export const VERIFICATION_LEVELS = ['primary-source', 'secondary-source', 'unverified', 'kit-default'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

const regionCodeSchema = z.string().regex(/^\d{2}$/, { message: 'Region code is 2 digits' });
const positiveKopecks = z.number().int({ message: 'Money must be integer kopecks' }).positive();
const wholeYears = z.number().int().min(0).max(150);
const wholeMonths = z.number().int().min(0).max(600);
const percent = z.number().int().min(0).max(100);
const hundredthsM2 = z.number().int({ message: 'Area must be integer hundredths of m²' }).positive();

/** One dated value. `verified: false` is written out for everything not taken from a primary source. */
function datedValueSchema<T extends z.ZodType>(value: T) {
  return z.strictObject({
    from: isoDateSchema,
    value,
    source: z.string().trim().min(1),
    verification: z.enum(VERIFICATION_LEVELS),
    verified: z.boolean(),
    note: z.string().trim().min(1).optional(),
  });
}

/**
 * The cross-entry problems of one series: dates strictly ascending, `verified` true exactly for primary sources.
 * Reads raw entries defensively (skips what is not there to compare), because the loader also runs it on a file
 * whose entries have problems of their own: zod skips refinements once an entry fails (a float amount aborts), and
 * a user should still see every problem in one pass.
 */
export function seriesIssues(entries: readonly unknown[]): { path: [number, string]; message: string }[] {
  const field = (entry: unknown, key: string): unknown => (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[key] : undefined);
  const issues: { path: [number, string]; message: string }[] = [];
  entries.forEach((entry, index) => {
    const from = field(entry, 'from');
    const previousFrom = field(entries[index - 1], 'from');
    if (typeof from === 'string' && typeof previousFrom === 'string' && previousFrom >= from) {
      issues.push({ message: 'Dates must be strictly ascending', path: [index, 'from'] });
    }
    const verified = field(entry, 'verified');
    const verification = field(entry, 'verification');
    if (typeof verified === 'boolean' && typeof verification === 'string' && verified !== (verification === 'primary-source')) {
      issues.push({ message: '`verified` must be true exactly when `verification` is "primary-source"', path: [index, 'verified'] });
    }
  });
  return issues;
}

/** A series of dated values, strictly ascending by `from`, and `verified` true exactly for primary sources. */
export function seriesSchema<T extends z.ZodType>(value: T) {
  return z
    .array(datedValueSchema(value))
    .min(1)
    .superRefine((entries, ctx) => {
      for (const issue of seriesIssues(entries)) ctx.addIssue({ code: 'custom', ...issue });
    });
}

export const subsistenceMinimumSchema = z.strictObject({
  perCapitaKopecks: positiveKopecks,
  workingAgeKopecks: positiveKopecks,
  pensionersKopecks: positiveKopecks,
  childrenKopecks: positiveKopecks,
});

export const socialAreaNormSchema = z.strictObject({
  onePersonHundredthsM2: hundredthsM2,
  twoPersonsHundredthsM2: hundredthsM2,
  perPersonFromThreeHundredthsM2: hundredthsM2,
});

/** 50/75/100: each level a share of the children's minimum, tried in order while the family stays below. */
export const gradedLevelsSchema = z
  .array(percent.positive())
  .min(1)
  .refine((levels) => levels.every((level, i) => i === 0 || level > (levels[i - 1] ?? 0)), {
    message: 'Levels must be strictly ascending',
  });

export const registrationKindsSchema = z.array(z.enum(['permanent', 'temporary'])).min(1);

export const parameterFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  description: z.string().trim().min(1),
  general: z.strictObject({
    homeRegionCode: seriesSchema(regionCodeSchema),
    /** Which registrations count as residing in the region. */
    acceptedRegistrationKinds: seriesSchema(registrationKindsSchema),
  }),
  /** Region code → dated minimums (per capita / working-age / pensioners / children). */
  subsistenceMinimum: z.record(regionCodeSchema, seriesSchema(subsistenceMinimumSchema)),
  survivorAllowance: z.strictObject({
    monthlyAmountKopecks: seriesSchema(positiveKopecks),
    ageLimitYears: seriesSchema(wholeYears),
    fullTimeStudentAgeLimitYears: seriesSchema(wholeYears),
    /** Applied within this many months of the death: paid from the month of death. */
    backdateWindowMonths: seriesSchema(wholeMonths),
  }),
  disabledChildAllowance: z.strictObject({
    monthlyAmountKopecks: seriesSchema(positiveKopecks),
    ageLimitYears: seriesSchema(wholeYears),
  }),
  utilityCompensation: z.strictObject({
    housingSharePercent: seriesSchema(percent),
    utilitySharePercent: seriesSchema(percent),
    socialAreaNorm: seriesSchema(socialAreaNormSchema),
  }),
  birthGift: z.strictObject({
    amountPerChildKopecks: seriesSchema(positiveKopecks),
    applicationWindowMonths: seriesSchema(wholeMonths),
    /** The parent-residence condition is unconfirmed in the sources: a switch, on by default. */
    parentResidenceRequired: seriesSchema(z.boolean()),
  }),
  childrenThreeToSeven: z.strictObject({
    minimumAgeYears: seriesSchema(wholeYears),
    /** Inclusive: a child is eligible up to the day before this age + 1 birthday. */
    maximumAgeYearsInclusive: seriesSchema(wholeYears),
    gradedLevelsPercent: seriesSchema(gradedLevelsSchema),
    assessmentPeriodMonths: seriesSchema(z.number().int().min(1).max(36)),
    /** The assessment period ends this many months before the application month (M-7, M-5, M-2). */
    assessmentPeriodEndOffsetMonths: seriesSchema(z.number().int().min(1).max(24)),
  }),
});

export type ParameterFile = z.output<typeof parameterFileSchema>;
export type SubsistenceMinimum = z.output<typeof subsistenceMinimumSchema>;
export type SocialAreaNorm = z.output<typeof socialAreaNormSchema>;
export type RegistrationKind = z.output<typeof registrationKindsSchema>[number];
