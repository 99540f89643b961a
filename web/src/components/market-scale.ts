// The skills market's colour scale and number formats, shared by the
// heatmap (drawn in the lazily loaded chart chunk) and the page's legend and
// table (in the main bundle), so it holds no ECharts code.

export type MarketMeasure = 'shortfall' | 'ratio';

export interface HeatmapInput {
  periods: string[]; //!< column labels (period starts, YYYY-MM-DD)
  skills: string[]; //!< row labels, top to bottom
  /**
   * values[row][column]. Shortfall: demand - supply hours. Ratio: demand /
   * supply (Infinity when there is demand and no supply; null when neither).
   */
  values: (number | null)[][];
  measure: MarketMeasure;
}

/** Colours of the market legend: surplus (blue) through balance (pale) to shortage (red). */
export const MARKET_COLORS = ['#2f6f9f', '#a9c8e0', '#f4f1ea', '#f1a98a', '#b42318'];
/** Ratios are coloured by log2, clamped to 1/8 .. 8 (2x short and 2x spare look equally strong). */
export const RATIO_LOG_CLAMP = 3;

/** The number a cell is coloured by: symmetric around 0 (demand = supply). */
export function heatValue(v: number, measure: MarketMeasure): number {
  if (measure === 'shortfall') return v;
  if (v === Infinity) return RATIO_LOG_CLAMP;
  if (v <= 0) return -RATIO_LOG_CLAMP;
  return Math.max(-RATIO_LOG_CLAMP, Math.min(RATIO_LOG_CLAMP, Math.log2(v)));
}

/** The text of a cell: whole hours, or a ratio with one decimal. */
export function formatMarketValue(v: number | null, measure: MarketMeasure): string {
  if (v === null) return '–';
  if (measure === 'ratio') return v === Infinity ? '∞' : v.toFixed(1);
  return String(Math.round(v));
}

