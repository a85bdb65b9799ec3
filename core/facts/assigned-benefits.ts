import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';
import { nonNegativeKopecksSchema } from './money.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Benefits already assigned, as the social-benefits register (EGISSO) holds them. Monetary ones count as family
 * income; the others (in kind, exemptions, services) are recorded so the trace can show they were considered.
 */
export const BENEFIT_FORMS = ['monetary', 'natural', 'exemption', 'service'] as const;

export const assignedBenefitFactDataSchema = z
  .strictObject({
    /** Local measure id in the register (lmszId). */
    measureCode: z.string().trim().min(1),
    measureName: z.string().trim().min(1).optional(),
    /** Recipient category id in the register (categoryId). */
    categoryCode: z.string().trim().min(1),
    decisionDate: isoDateSchema,
    start: isoDateSchema,
    /** Absent while open-ended. */
    end: isoDateSchema.optional(),
    form: z.enum(BENEFIT_FORMS),
    /** Present for monetary benefits: amount per payment as assigned. */
    amountKopecks: nonNegativeKopecksSchema.optional(),
  })
  .refine((b) => b.end === undefined || b.start <= b.end, { message: '`start` is after `end`', path: ['end'] })
  .refine((b) => b.form !== 'monetary' || b.amountKopecks !== undefined, {
    message: 'A monetary benefit needs amountKopecks',
    path: ['amountKopecks'],
  })
  .register(factsSchemaRegistry, { id: 'AssignedBenefitFact', description: 'A social-benefit measure already assigned' });

export type AssignedBenefitFactData = z.infer<typeof assignedBenefitFactDataSchema>;
