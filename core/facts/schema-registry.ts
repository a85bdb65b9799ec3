import { z } from 'zod';

/**
 * Named schemas of the facts model. A private registry (not zod's global one) so the ids cannot collide with
 * schemas other parts of the kit register, and so the JSON Schema export lists exactly the facts model's $defs.
 */
export const factsSchemaRegistry = z.registry<{ id: string; description: string }>();
