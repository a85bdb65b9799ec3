import { z } from 'zod';
import { assignedBenefitFactDataSchema } from './assigned-benefits.ts';
import { birthRecordFactDataSchema, deathRecordFactDataSchema } from './civil-records.ts';
import { disabilityFactDataSchema } from './disability.ts';
import { housingAccountFactDataSchema } from './housing.ts';
import { identityFactDataSchema } from './identity.ts';
import { incomeFactDataSchema } from './income.ts';
import { pensionFactDataSchema } from './pensions.ts';
import { factSchema } from './provenance.ts';
import { residenceFactDataSchema } from './residence.ts';

/**
 * The fact groups, each a list of facts (data + provenance). Adapters declare which groups they fill, and a
 * partial result from one agency is just some of these lists.
 */
export const factGroupSchemas = {
  identity: factSchema(identityFactDataSchema),
  income: factSchema(incomeFactDataSchema),
  pensions: factSchema(pensionFactDataSchema),
  assignedBenefits: factSchema(assignedBenefitFactDataSchema),
  disability: factSchema(disabilityFactDataSchema),
  housing: factSchema(housingAccountFactDataSchema),
  residence: factSchema(residenceFactDataSchema),
  births: factSchema(birthRecordFactDataSchema),
  deaths: factSchema(deathRecordFactDataSchema),
} as const;

export type FactGroup = keyof typeof factGroupSchemas;

export const FACT_GROUPS = Object.freeze(Object.keys(factGroupSchemas) as FactGroup[]);

export const factsByGroupSchema = z.strictObject({
  identity: z.array(factGroupSchemas.identity),
  income: z.array(factGroupSchemas.income),
  pensions: z.array(factGroupSchemas.pensions),
  assignedBenefits: z.array(factGroupSchemas.assignedBenefits),
  disability: z.array(factGroupSchemas.disability),
  housing: z.array(factGroupSchemas.housing),
  residence: z.array(factGroupSchemas.residence),
  births: z.array(factGroupSchemas.births),
  deaths: z.array(factGroupSchemas.deaths),
});

/** Every group's facts (parsed form: SNILS canonical). */
export type FactsByGroup = z.output<typeof factsByGroupSchema>;

/** One fact of a group, e.g. `GroupFact<'income'>`. */
export type GroupFact<G extends FactGroup> = FactsByGroup[G][number];

/** Some groups' facts, what one adapter contributes. */
export type PartialFacts<G extends FactGroup = FactGroup> = { [K in G]?: FactsByGroup[K] };
