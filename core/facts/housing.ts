import { z } from 'zod';
import { areaHundredthsSchema } from './area.ts';
import { datePeriodSchema, isoDateSchema, isoMonthSchema } from './calendar.ts';
import { decimalQuantitySchema, kopecksSchema, nonNegativeKopecksSchema } from './money.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * One housing-and-utilities account as the GIS ZhKKh reports it: the dwelling, monthly accruals per service,
 * payments and debts. The compensation rule takes 50% of the housing charge within the area norm plus 50% of
 * utility charges, divided by the registered residents — so the service kind, area and resident count are here.
 */

export const SERVICE_KINDS = ['housing', 'utility'] as const;

export const serviceAccrualSchema = z
  .strictObject({
    /** Agency's service code as sent (e.g. HOT, COLD, ELECTRICITY, MAINTENANCE). */
    serviceCode: z.string().trim().min(1),
    serviceName: z.string().trim().min(1).optional(),
    /** housing = maintenance/repair of the dwelling (capped by the area norm); utility = metered or norm-based. */
    serviceKind: z.enum(SERVICE_KINDS),
    /** Charged for the month; negative after a recalculation in the resident's favour. */
    amountKopecks: kopecksSchema,
    /** Price per unit in kopecks. */
    tariffKopecks: nonNegativeKopecksSchema.optional(),
    /** Consumption norm per person or per m², as sent. */
    norm: decimalQuantitySchema.optional(),
    /** Volume charged (by meter or by norm). */
    volume: decimalQuantitySchema.optional(),
    /** OKEI code of the unit of norm and volume (e.g. 113 m³, 245 kWh). */
    unitOkei: z.string().regex(/^\d{3,4}$/).optional(),
    /** True when the agency already charged this per person, so it must not be divided by residents again. */
    perPerson: z.boolean().optional(),
  })
  .register(factsSchemaRegistry, { id: 'ServiceAccrual', description: 'Charge for one service in one month' });

export const monthlyAccrualsSchema = z
  .strictObject({ month: isoMonthSchema, services: z.array(serviceAccrualSchema) })
  .register(factsSchemaRegistry, { id: 'MonthlyAccruals', description: 'All service charges of one account for a month' });

export const utilityPaymentSchema = z
  .strictObject({
    date: isoDateSchema,
    /** The month the payment was for, when the agency says. */
    month: isoMonthSchema.optional(),
    amountKopecks: nonNegativeKopecksSchema,
  })
  .register(factsSchemaRegistry, { id: 'UtilityPayment', description: 'A payment made on the account' });

export const utilityDebtSchema = z
  .strictObject({
    period: datePeriodSchema,
    /** The debt-check service answers whether there is a debt; the amount is only sometimes known. */
    hasDebt: z.boolean(),
    amountKopecks: nonNegativeKopecksSchema.optional(),
  })
  .refine((d) => d.amountKopecks === undefined || d.hasDebt === d.amountKopecks > 0, {
    message: '`hasDebt` contradicts `amountKopecks`',
    path: ['hasDebt'],
  })
  .register(factsSchemaRegistry, { id: 'UtilityDebt', description: 'Debt status of the account for a period' });

export const housingAccountFactDataSchema = z
  .strictObject({
    accountId: z.string().trim().min(1),
    address: z.string().trim().min(1),
    /** FIAS GUID of the house or premises, when known: the key to match the registered residence. */
    fiasGuid: z.uuid().optional(),
    livingAreaHundredthsM2: areaHundredthsSchema,
    registeredPersons: z.number().int().nonnegative(),
    accruals: z.array(monthlyAccrualsSchema),
    payments: z.array(utilityPaymentSchema),
    debts: z.array(utilityDebtSchema),
  })
  .register(factsSchemaRegistry, { id: 'HousingAccountFact', description: 'A housing-and-utilities account' });

export type ServiceAccrual = z.infer<typeof serviceAccrualSchema>;
export type MonthlyAccruals = z.infer<typeof monthlyAccrualsSchema>;
export type UtilityPayment = z.infer<typeof utilityPaymentSchema>;
export type UtilityDebt = z.infer<typeof utilityDebtSchema>;
export type HousingAccountFactData = z.infer<typeof housingAccountFactDataSchema>;
