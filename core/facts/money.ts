import { z } from 'zod';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Money is integer kopecks everywhere: the decision rules must be exact to the kopeck and floats are not.
 * Field names end in `Kopecks` so a reader never wonders about the unit.
 */
export const kopecksSchema = z
  .number()
  .int({ message: 'Money must be an integer number of kopecks' })
  .register(factsSchemaRegistry, {
    id: 'Kopecks',
    description: 'An amount of money in integer kopecks (may be negative for corrections and recalculations)',
  });

export const nonNegativeKopecksSchema = z
  .number()
  .int({ message: 'Money must be an integer number of kopecks' })
  .nonnegative({ message: 'This amount cannot be negative' })
  .register(factsSchemaRegistry, {
    id: 'NonNegativeKopecks',
    description: 'A non-negative amount of money in integer kopecks',
  });

export type Kopecks = z.infer<typeof kopecksSchema>;

/** Exact decimal quantity (a norm, a metered volume) kept as text so no digit is lost to binary floating point. */
export const decimalQuantitySchema = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, { message: 'Expected a non-negative decimal like 4.745' })
  .register(factsSchemaRegistry, {
    id: 'DecimalQuantity',
    description: 'A non-negative exact decimal quantity written as text, e.g. "4.745"',
  });
