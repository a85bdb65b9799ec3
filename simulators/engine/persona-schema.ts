import { z } from 'zod';

/**
 * The persona fixture format: one person (or family) and what each agency knows about them. Simulators read it with
 * their own code (never through an adapter), so fixture values are written the way a person would type them:
 * money as decimal strings with two fraction digits, dates as ISO dates. fixtures/personas/persona.schema.json is
 * generated from this file and a test keeps it fresh.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'not a calendar date');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
const money = z.string().regex(/^-?\d{1,12}\.\d{2}$/, 'expected money as a decimal string with two fraction digits, e.g. "1234.50"');
const snils = z.string().regex(/^\d{3}-\d{3}-\d{3} \d{2}$/, 'expected SNILS as NNN-NNN-NNN NN');
const inn = z.string().regex(/^(\d{10}|\d{12})$/, 'expected INN of 10 or 12 digits');
const regionCode = z.string().regex(/^\d{2}$/, 'expected a two-digit region code');

export const personNameSchema = z.strictObject({
  family: z.string().min(1),
  first: z.string().min(1),
  patronymic: z.string().min(1).optional(),
});

export const identityDocumentSchema = z.strictObject({
  kind: z.enum(['passport-rf', 'birth-certificate', 'foreign-passport']),
  series: z.string().min(1),
  number: z.string().min(1),
  issuedOn: isoDate,
  issuer: z.string().min(1).optional(),
});

export const personIdentitySchema = z.strictObject({
  snils: snils.optional(),
  inn: inn.optional(),
  name: personNameSchema,
  birthDate: isoDate,
  gender: z.enum(['male', 'female']),
  documents: z.array(identityDocumentSchema).default([]),
});

export const sfrKnowledgeSchema = z.strictObject({
  payments: z
    .array(z.strictObject({ kindCode: z.string().min(1), kindName: z.string().min(1), monthlyAmount: money, from: isoDate, to: isoDate.optional() }))
    .default([]),
  assignedBenefits: z
    .array(
      z.strictObject({
        measureCode: z.string().min(1),
        measureName: z.string().min(1),
        category: z.string().min(1).optional(),
        decisionDate: isoDate,
        from: isoDate,
        to: isoDate.optional(),
        monthlyAmount: money,
      }),
    )
    .default([]),
});

export const fnsKnowledgeSchema = z.strictObject({
  incomes: z
    .array(
      z.strictObject({
        agentName: z.string().min(1),
        agentInn: inn,
        agentKpp: z.string().regex(/^\d{9}$/).optional(),
        month,
        incomeCode: z.string().regex(/^\d{4}$/, 'income codes are four digits'),
        amount: money,
      }),
    )
    .default([]),
});

export const friKnowledgeSchema = z.strictObject({
  disability: z
    .strictObject({
      group: z.enum(['1', '2', '3', 'child']),
      since: isoDate,
      until: isoDate.optional(),
      reexaminationOn: isoDate.optional(),
      causeCode: z.string().min(1),
      causeName: z.string().min(1),
      mseActNumber: z.string().min(1),
      mseActDate: isoDate,
      certificateSeries: z.string().min(1).optional(),
      certificateNumber: z.string().min(1).optional(),
    })
    .optional(),
});

export const utilityAccrualSchema = z.strictObject({
  month,
  serviceCode: z.enum(['HOT_WATER', 'COLD_WATER', 'SEWERAGE', 'HEATING', 'ELECTRICITY', 'GAS', 'MAINTENANCE', 'CAPITAL_REPAIR', 'WASTE']),
  amount: money,
  tariff: money.optional(),
  norm: z.string().regex(/^\d+(\.\d{1,4})?$/).optional(),
  volume: z.string().regex(/^\d+(\.\d{1,4})?$/).optional(),
  unit: z.string().min(1).optional(),
});

export const gisZhkhKnowledgeSchema = z.strictObject({
  accounts: z
    .array(
      z.strictObject({
        accountId: z.string().min(1),
        address: z.string().min(1),
        fiasHouseGuid: z.string().uuid().optional(),
        totalArea: z.string().regex(/^\d+(\.\d{1,2})?$/),
        livingArea: z.string().regex(/^\d+(\.\d{1,2})?$/),
        registeredPersons: z.number().int().min(1),
        accruals: z.array(utilityAccrualSchema).default([]),
        payments: z.array(z.strictObject({ month, amount: money, paidOn: isoDate })).default([]),
        debt: z.strictObject({ amount: money, monthsOverdue: z.number().int().min(0) }).optional(),
      }),
    )
    .default([]),
});

const relatedPersonSchema = z.strictObject({
  name: personNameSchema,
  birthDate: isoDate.optional(),
  snils: snils.optional(),
});

export const zagsKnowledgeSchema = z.strictObject({
  births: z
    .array(
      z.strictObject({
        child: relatedPersonSchema.extend({ birthDate: isoDate }),
        mother: relatedPersonSchema.optional(),
        father: relatedPersonSchema.optional(),
        actNumber: z.string().min(1),
        actDate: isoDate,
        registryOffice: z.string().min(1),
        registryOfficeCode: z.string().min(1),
        regionCode,
      }),
    )
    .default([]),
  deaths: z
    .array(
      z.strictObject({
        person: relatedPersonSchema,
        deathDate: isoDate,
        actNumber: z.string().min(1),
        actDate: isoDate,
        registryOffice: z.string().min(1),
        registryOfficeCode: z.string().min(1).optional(),
        regionCode,
      }),
    )
    .default([]),
});

export const mvdKnowledgeSchema = z.strictObject({
  registrations: z
    .array(
      z.strictObject({
        kind: z.enum(['permanent', 'temporary']),
        address: z.string().min(1),
        regionCode,
        fiasGuid: z.string().uuid().optional(),
        from: isoDate,
        to: isoDate.optional(),
      }),
    )
    .default([]),
});

export const householdMemberSchema = z.strictObject({
  /** Unique within the persona; scenarios and the journal refer to a member as "<persona id>/<key>". */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'member keys are lowercase words joined by hyphens'),
  role: z.enum(['applicant', 'spouse', 'child', 'parent', 'guardian', 'other']),
  person: personIdentitySchema,
  /** Each key is what that agency knows of this member; an agency left out knows nothing ("no data"). */
  agencies: z
    .strictObject({
      sfr: sfrKnowledgeSchema.optional(),
      fns: fnsKnowledgeSchema.optional(),
      fri: friKnowledgeSchema.optional(),
      'gis-zhkh': gisZhkhKnowledgeSchema.optional(),
      zags: zagsKnowledgeSchema.optional(),
      mvd: mvdKnowledgeSchema.optional(),
    })
    .default({}),
});

/** A persona is a household: the applicant and the family members whose facts a decision needs. */
export const personaSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'persona ids are lowercase words joined by hyphens'),
    description: z.string().min(1),
    members: z.array(householdMemberSchema).min(1),
    /** Free labels for QA (e.g. "measure:children-3-7", "boundary"). */
    tags: z.array(z.string().min(1)).default([]),
  })
  .superRefine((persona, ctx) => {
    const keys = new Set<string>();
    persona.members.forEach((member, index) => {
      if (keys.has(member.key)) ctx.addIssue({ code: 'custom', path: ['members', index, 'key'], message: `member key "${member.key}" is used twice` });
      keys.add(member.key);
    });
  });

export const personaFileSchema = z.union([personaSchema, z.array(personaSchema)]);

export type Persona = z.infer<typeof personaSchema>;
export type HouseholdMember = z.infer<typeof householdMemberSchema>;
export type PersonIdentity = z.infer<typeof personIdentitySchema>;
export type PersonaAgencies = HouseholdMember['agencies'];
export type SimulatedAgency = keyof PersonaAgencies;
export const SIMULATED_AGENCIES = ['sfr', 'fns', 'fri', 'gis-zhkh', 'zags', 'mvd'] as const satisfies readonly SimulatedAgency[];
