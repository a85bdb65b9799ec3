import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Residence registration from the interior ministry. Every measure requires residing in the region; the rules
 * compare `regionCode` and the since-date, the rest is for people and for matching housing accounts.
 */
export const REGISTRATION_KINDS = ['permanent', 'temporary'] as const;

export const addressSchema = z
  .strictObject({
    fullText: z.string().trim().min(1),
    /** Two-digit code of the federation subject (86 KhMAO, 77 Moscow). */
    regionCode: z.string().regex(/^\d{2}$/, { message: 'Region code is 2 digits' }),
    fiasGuid: z.uuid().optional(),
  })
  .register(factsSchemaRegistry, { id: 'Address', description: 'An address with its region code' });

export const residenceFactDataSchema = z
  .strictObject({
    kind: z.enum(REGISTRATION_KINDS),
    address: addressSchema,
    since: isoDateSchema,
    /** Temporary registrations end; permanent ones normally have no end. */
    until: isoDateSchema.optional(),
  })
  .refine((r) => r.until === undefined || r.since <= r.until, { message: '`since` is after `until`', path: ['until'] })
  .register(factsSchemaRegistry, { id: 'ResidenceFact', description: 'A residence registration' });

export type Address = z.infer<typeof addressSchema>;
export type ResidenceFactData = z.infer<typeof residenceFactDataSchema>;
