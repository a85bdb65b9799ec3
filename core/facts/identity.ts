import { z } from 'zod';
import { isoDateSchema } from './calendar.ts';
import { innSchema } from './inn.ts';
import { factsSchemaRegistry } from './schema-registry.ts';
import { snilsSchema } from './snils.ts';

/** Who a person is, as agencies record it. Russian names keep their original spelling; no transliteration. */

const nonBlank = z.string().trim().min(1, { message: 'Must not be blank' });

export const fullNameSchema = z
  .strictObject({
    family: nonBlank,
    first: nonBlank,
    /** Absent for people who have none; never an empty string. */
    patronymic: nonBlank.optional(),
  })
  .register(factsSchemaRegistry, { id: 'FullName', description: 'Family name, first name, optional patronymic' });

export const GENDERS = ['male', 'female'] as const;
export const genderSchema = z.enum(GENDERS).register(factsSchemaRegistry, { id: 'Gender', description: 'male or female' });

export const identityDocumentSchema = z
  .strictObject({
    /** Document kind code from the tax service's СПДУЛ list, e.g. "21" for a Russian passport, "03" birth certificate. */
    kindCode: z.string().regex(/^\d{2}$/, { message: 'Document kind code is 2 digits' }),
    /** Absent for documents without a series; kept as written ("4509", "II-МЮ"). */
    series: nonBlank.optional(),
    number: nonBlank,
    issueDate: isoDateSchema,
    issuer: nonBlank.optional(),
    /** Issuing unit code on a passport, NNN-NNN. */
    issuerCode: z.string().regex(/^\d{3}-\d{3}$/, { message: 'Issuer code is NNN-NNN' }).optional(),
  })
  .register(factsSchemaRegistry, { id: 'IdentityDocument', description: 'An identity document' });

/** The keys the kit uses to ask agencies about a person. */
export const subjectIdentifiersSchema = z
  .strictObject({
    snils: snilsSchema.optional(),
    inn: innSchema.optional(),
    name: fullNameSchema,
    birthDate: isoDateSchema,
    gender: genderSchema.optional(),
    identityDocument: identityDocumentSchema.optional(),
  })
  .register(factsSchemaRegistry, {
    id: 'SubjectIdentifiers',
    description: 'The person the facts are about and the keys used to look them up',
  });

/** What the pension fund confirms about a person (SNILS lookup by personal data). */
export const identityFactDataSchema = z
  .strictObject({
    snils: snilsSchema,
    name: fullNameSchema,
    birthDate: isoDateSchema,
    gender: genderSchema,
    documents: z.array(identityDocumentSchema),
  })
  .register(factsSchemaRegistry, { id: 'IdentityFact', description: 'Identity as confirmed by an agency' });

export type FullName = z.infer<typeof fullNameSchema>;
export type Gender = z.infer<typeof genderSchema>;
export type IdentityDocument = z.infer<typeof identityDocumentSchema>;
export type SubjectIdentifiers = z.output<typeof subjectIdentifiersSchema>;
export type IdentityFactData = z.output<typeof identityFactDataSchema>;
