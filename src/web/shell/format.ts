import i18n from '../i18n/index.ts';

// Dates, areas and counts as people read them in the chosen language.

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'zh-CN');

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleString(locale(), { hour12: false });
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return value.slice(0, 10);
}

/** Areas arrive as decimal strings ("88.50"); they are shown as they are, with the unit. */
export function formatArea(value: string | null | undefined): string {
  return value ? `${value} m²` : '—';
}

export function formatNumber(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' ? value.toLocaleString(locale()) : value;
}
