import { eq } from 'drizzle-orm';
import { defaultCategories } from '../../../../contracts/consultation.ts';
import type { Db } from '../../../platform/db.ts';
import { consultationSettings } from '../consultation.tables.ts';

export interface Category {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface Settings {
  cosignaturesRequired: number;
  consultDays: number;
  deliberateDays: number;
  resolveDays: number;
  postingDays: number;
  categories: Category[];
}

/**
 * The settings a community has not set. Consult 7 days and 10 co-signing households are the
 * issue's defaults; a joint meeting is weekly, so two weeks to deliberate; an owners' vote needs
 * a 15-day notice and its window, so 60 days to resolve. The reply deadline for objections is
 * the notices module's setting (default 3 days).
 */
export const DEFAULT_SETTINGS: Settings = {
  cosignaturesRequired: 10,
  consultDays: 7,
  deliberateDays: 14,
  resolveDays: 60,
  postingDays: 7,
  categories: defaultCategories.map((c) => ({ ...c })),
};

export async function settingsOf(db: Db, communityId: string): Promise<Settings & { isDefault: boolean }> {
  const [row] = await db.select().from(consultationSettings).where(eq(consultationSettings.communityId, communityId));
  if (!row) return { ...DEFAULT_SETTINGS, isDefault: true };
  const { cosignaturesRequired, consultDays, deliberateDays, resolveDays, postingDays } = row;
  return { cosignaturesRequired, consultDays, deliberateDays, resolveDays, postingDays, categories: row.categories as Category[], isDefault: false };
}
