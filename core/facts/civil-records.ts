import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';
import { fullNameSchema, genderSchema } from './identity.ts';
import { factsSchemaRegistry } from './schema-registry.ts';
import { snilsSchema } from './snils.ts';

/**
 * Civil-registry acts. Birth records link children to parents (breadwinner-loss, disabled-child and birth-gift
 * measures) and name the registry office whose region decides the birth gift; death records prove the loss.
 */

export const civilActSchema = z
  .strictObject({ number: z.string().trim().min(1), date: isoDateSchema })
  .register(factsSchemaRegistry, { id: 'CivilAct', description: 'Number and date of a civil-registry act record' });

export const registryOfficeSchema = z
  .strictObject({
    name: z.string().trim().min(1),
    /** Registry office code in the civil registry, when sent. */
    code: z.string().trim().min(1).optional(),
    regionCode: z.string().regex(/^\d{2}$/, { message: 'Region code is 2 digits' }),
  })
  .register(factsSchemaRegistry, { id: 'RegistryOffice', description: 'The registry office that made the record' });

export const PARENT_ROLES = ['mother', 'father'] as const;

export const recordedParentSchema = z
  .strictObject({
    role: z.enum(PARENT_ROLES),
    name: fullNameSchema,
    birthDate: isoDateSchema.optional(),
    snils: snilsSchema.optional(),
  })
  .register(factsSchemaRegistry, { id: 'RecordedParent', description: 'A parent as written in a birth record' });

export const birthRecordFactDataSchema = z
  .strictObject({
    child: fullNameSchema,
    childBirthDate: isoDateSchema,
    childGender: genderSchema.optional(),
    /** One or two; a record with the father's line blank has only the mother. */
    parents: z.array(recordedParentSchema).min(1).max(2),
    act: civilActSchema,
    registryOffice: registryOfficeSchema,
  })
  .register(factsSchemaRegistry, { id: 'BirthRecordFact', description: 'A birth act record' });

export const deathRecordFactDataSchema = z
  .strictObject({
    person: fullNameSchema,
    birthDate: isoDateSchema.optional(),
    snils: snilsSchema.optional(),
    deathDate: isoDateSchema,
    act: civilActSchema,
    registryOffice: registryOfficeSchema.optional(),
  })
  .register(factsSchemaRegistry, { id: 'DeathRecordFact', description: 'A death act record' });

export type CivilAct = z.infer<typeof civilActSchema>;
export type RegistryOffice = z.infer<typeof registryOfficeSchema>;
export type RecordedParent = z.output<typeof recordedParentSchema>;
export type BirthRecordFactData = z.output<typeof birthRecordFactDataSchema>;
export type DeathRecordFactData = z.output<typeof deathRecordFactDataSchema>;
