// Capacity cells and their colour bands: shared by the heatmap (lib/charts,
// loaded on demand) and the board's table, without pulling in the charts.

/** One person-week of the capacity heatmap, in hours. */
export interface CapacityCell {
  capacity: number;
  confirmed: number;
  tentative: number;
  time_off: number;
  /** hours a proposed plan would add (negative where it moves work away) */
  proposed?: number;
}

/** The resource planners' bands: 0% white, under 50% light blue, 50–80 green, 80–100 amber, over 100 red. */
export const CAPACITY_BANDS = [
  { label: '0%', max: 0.005, color: '#ffffff', text: '#18212d' },
  { label: '1–49%', max: 0.5, color: '#c7dcf2', text: '#18212d' },
  { label: '50–80%', max: 0.8, color: '#6dbb7f', text: '#0d2414' },
  { label: '80–100%', max: 1.0000001, color: '#f0b44c', text: '#2b1d03' },
  { label: 'over 100%', max: Infinity, color: '#d9534f', text: '#ffffff' },
];
export const NO_CAPACITY_COLOR = '#c9ced6';
export const TENTATIVE_BORDER = '#1c2430';
/** The outline of a cell with hours of a proposed plan. */
export const PLANNED_BORDER = '#5b2a86';

/** Booked share of capacity (confirmed, time off and, when asked, tentative); null without capacity. */
export function utilisation(cell: CapacityCell, includeTentative: boolean): number | null {
  if (cell.capacity <= 0) return null;
  return Math.max(0, cell.confirmed + cell.time_off + (includeTentative ? cell.tentative : 0) + (cell.proposed ?? 0)) / cell.capacity;
}

export function capacityBand(share: number) {
  return CAPACITY_BANDS.find((b) => share < b.max) ?? CAPACITY_BANDS[CAPACITY_BANDS.length - 1];
}
