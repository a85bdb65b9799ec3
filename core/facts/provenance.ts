import { z } from 'zod';
import { agencyCodeSchema } from './agency.ts';
import { datePeriodSchema, isoDateTimeSchema } from './calendar.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Where a fact came from. The decision trace cites agency, message id and received-at for every fact it used, and
 * a fact whose answer was not signature-verified sends the application to manual review — so every fact carries
 * this, not just the document as a whole.
 */
export const messageIdSchema = z.uuid({ message: 'Expected a message id as a UUID' }).register(factsSchemaRegistry, {
  id: 'MessageId',
  description: 'SMEV MessageID (RFC 4122 UUID)',
});

export const requestReferenceSchema = z
  .strictObject({
    messageId: messageIdSchema,
    /** Request payload type, e.g. `{urn://x-artefacts-fns-ndfl2/root/260-10/4.1.1}NDFL2Request`. */
    messageType: z.string().min(1).optional(),
    /** The period the request asked about, when it asked about one. */
    period: datePeriodSchema.optional(),
  })
  .register(factsSchemaRegistry, { id: 'RequestReference', description: 'The request this answer replied to' });

export const provenanceSchema = z
  .strictObject({
    agency: agencyCodeSchema,
    /** MessageID of the response message that carried the fact. */
    messageId: messageIdSchema,
    receivedAt: isoDateTimeSchema,
    signatureVerified: z.boolean(),
    request: requestReferenceSchema,
  })
  .register(factsSchemaRegistry, { id: 'Provenance', description: 'Where and when a fact was obtained' });

export type RequestReference = z.infer<typeof requestReferenceSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;

/** A fact: what the agency said plus where it came from. */
export function factSchema<TData extends z.ZodType>(data: TData) {
  return z.strictObject({ data, provenance: provenanceSchema });
}

export interface Fact<TData> {
  data: TData;
  provenance: Provenance;
}
