import { z } from 'zod';

/**
 * Roster import and export (docs/rules/roster.md). A problem names the spreadsheet row (the header
 * is row 1; 0 means the file as a whole) and the column header as written in the file.
 */
export const rosterProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RosterProblem = z.infer<typeof rosterProblem>;

export const rosterImportStatuses = ['parsing', 'validating', 'writing', 'done', 'failed'] as const;
export type RosterImportStatus = (typeof rosterImportStatuses)[number];

/** What an import changed, or for a dry run what it would change. */
export const rosterCounts = z.object({
  rows: z.number().int(),
  buildingsCreated: z.number().int(),
  unitsCreated: z.number().int(),
  unitsUpdated: z.number().int(),
  unitsUnchanged: z.number().int(),
  /** units of the compound that the sheet does not list; an import never deletes them */
  unitsNotInSheet: z.number().int(),
  peopleCreated: z.number().int(),
  peopleUpdated: z.number().int(),
  ownershipsOpened: z.number().int(),
  ownershipsClosed: z.number().int(),
  votersChanged: z.number().int(),
});
export type RosterCounts = z.infer<typeof rosterCounts>;

export const rosterSummary = z.object({
  fileName: z.string(),
  sha256: z.string(),
  format: z.enum(['xlsx', 'csv']),
  /** the text encoding a CSV was read in (utf-8 or gb18030) */
  encoding: z.string().nullable(),
  dryRun: z.boolean(),
  /** columns in the file that the roster does not use */
  ignoredColumns: z.array(z.string()),
  counts: rosterCounts,
});
export type RosterSummary = z.infer<typeof rosterSummary>;

/** multipart form fields next to `file`; booleans arrive as the strings "true" / "false" */
const formFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const rosterImportFields = z.object({
  dryRun: formFlag.default(true),
  createBuildings: formFlag.default(false),
});

export const rosterImportAccepted = z.object({ id: z.string() });

/** Problems are paginated with the usual page/pageSize; at most `storedProblemsCap` are kept. */
export const rosterImportQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const storedProblemsCap = 10_000;

export const rosterImportView = z.object({
  id: z.string(),
  compoundId: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  status: z.enum(rosterImportStatuses),
  processedRows: z.number().int(),
  /** 0 while the file is still being read and its length is unknown */
  totalRows: z.number().int(),
  problems: z.array(rosterProblem),
  /** every problem found, including those beyond the stored cap */
  problemsTotal: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** set when the import finished without problems (for a dry run: what it would change) */
  summary: rosterSummary.nullable(),
  /** why a job failed other than by problems in the sheet */
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RosterImportView = z.infer<typeof rosterImportView>;
