import { z } from 'zod';

/** Query for every paginated list: 1-based page, at most 200 rows. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The shape of every paginated list response. */
export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const idParam = z.object({ id: z.uuid() });

/** Area in 0.01 m² crosses the API as a decimal string with two decimals ("88.50"), never a float. */
export const areaString = z.string().regex(/^\d+\.\d{2}$/);

export const abilities = z.record(z.string(), z.boolean());
