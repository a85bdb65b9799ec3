import { z } from 'zod';
import { isoDateSchema, subjectIdentifiersSchema, type ApplicantFacts } from '../../core/facts/index.ts';

/**
 * What an application says, per measure. Only what the applicant states: everything the rules check comes from
 * agencies as facts. Each person named here is asked about separately (one subject per agency request), so the
 * rules receive one ApplicantFacts document per person, in the same order (see `ApplicationFacts`).
 */

const person = subjectIdentifiersSchema;

const base = {
  /** The service's id for the application, when it has one (cited in the trace, used for duplicates). */
  applicationId: z.string().trim().min(1).optional(),
  /** The decision date: the rules and parameters in force on it apply. */
  applicationDate: isoDateSchema,
  applicant: person,
};

export const survivorApplicationSchema = z.strictObject({
  ...base,
  measure: z.literal('survivor-allowance'),
  children: z
    .array(
      z.strictObject({
        person,
        /** Claimed full-time study, which raises the age limit (default 23) once confirmed. */
        fullTimeStudent: z.boolean().default(false),
      }),
    )
    .min(1),
  deceasedParent: person,
});

export const APPLICANT_RELATIONSHIPS = ['parent', 'guardian', 'other'] as const;

export const disabledChildApplicationSchema = z.strictObject({
  ...base,
  measure: z.literal('disabled-child-allowance'),
  child: person,
  /** What the applicant says they are to the child; a parent is checked against the birth record. */
  applicantRelationship: z.enum(APPLICANT_RELATIONSHIPS).default('parent'),
});

export const utilityApplicationSchema = z
  .strictObject({
    ...base,
    measure: z.literal('utility-compensation'),
    /** Own disability (group 1–3) or a family with a disabled child. */
    ground: z.enum(['own-disability', 'disabled-child']).default('own-disability'),
    disabledChild: person.optional(),
  })
  .refine((a) => a.ground !== 'disabled-child' || a.disabledChild !== undefined, {
    message: 'A family-with-a-disabled-child application names the child',
    path: ['disabledChild'],
  });

export const birthGiftApplicationSchema = z.strictObject({
  ...base,
  measure: z.literal('birth-gift'),
  /** Twins are one application with two children, one birth record each. */
  children: z.array(person).min(1),
  /** The other parent, whose residence also satisfies the parent-residence condition. */
  otherParent: person.optional(),
});

export const childrenThreeToSevenApplicationSchema = z.strictObject({
  ...base,
  measure: z.literal('children-3-to-7'),
  /** The children applied for; each is checked for the age range separately. */
  children: z.array(person).min(1),
  /** Everyone else in the family (spouse, older children); the family size is applicant + children + these. */
  familyMembers: z.array(person).default([]),
});

export const applicationSchema = z.discriminatedUnion('measure', [
  survivorApplicationSchema,
  disabledChildApplicationSchema,
  utilityApplicationSchema,
  birthGiftApplicationSchema,
  childrenThreeToSevenApplicationSchema,
]);

export type Application = z.output<typeof applicationSchema>;
export type ApplicationInput = z.input<typeof applicationSchema>;
export type SurvivorApplication = z.output<typeof survivorApplicationSchema>;
export type DisabledChildApplication = z.output<typeof disabledChildApplicationSchema>;
export type UtilityApplication = z.output<typeof utilityApplicationSchema>;
export type BirthGiftApplication = z.output<typeof birthGiftApplicationSchema>;
export type ChildrenThreeToSevenApplication = z.output<typeof childrenThreeToSevenApplicationSchema>;

/**
 * The facts per person, aligned with the application: `children[i]` is about `application.children[i]`, and so
 * on. A person whose document is missing is treated as "not obtained" (manual review), never as "no data".
 */
export interface ApplicationFacts {
  readonly applicant?: ApplicantFacts;
  readonly children?: readonly (ApplicantFacts | undefined)[];
  readonly deceasedParent?: ApplicantFacts;
  readonly otherParent?: ApplicantFacts;
  readonly familyMembers?: readonly (ApplicantFacts | undefined)[];
  readonly disabledChild?: ApplicantFacts;
}

/** A grant this service already made, for the birth gift's one-gift-per-child rule. */
export const previousGrantSchema = z.strictObject({
  measure: z.string().min(1),
  applicationId: z.string().min(1),
  decisionDate: isoDateSchema,
  child: z.strictObject({
    snils: z.string().optional(),
    name: z.strictObject({ family: z.string(), first: z.string(), patronymic: z.string().optional() }),
    birthDate: isoDateSchema,
  }),
  /** The birth act the grant was for, when known: the surest key for "the same child". */
  birthAct: z.strictObject({ number: z.string().min(1), date: isoDateSchema }).optional(),
});

export type PreviousGrant = z.output<typeof previousGrantSchema>;

/** What the rules need beyond the application and the facts. */
export interface DecisionContext {
  /** Grants the service has already made (only the birth gift reads them). */
  readonly previousGrants?: readonly PreviousGrant[];
}
