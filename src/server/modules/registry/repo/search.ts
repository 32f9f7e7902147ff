/** A case-insensitive `like` pattern matching text anywhere; % and _ in the query match themselves. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const offsetOf = (page: { page: number; pageSize: number }) => (page.page - 1) * page.pageSize;
