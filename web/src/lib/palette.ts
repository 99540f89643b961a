// Colours of network pictures, shared by the pages (no Cytoscape here, so
// importing them keeps the picture's chunk lazy).

/** Colour-blind-safe palette (Okabe-Ito, then darker companions), by community. */
export const COMMUNITY_COLORS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#7d5ba6',
  '#3b7a57',
  '#a0522d',
];
export const NO_COMMUNITY_COLOR = '#9aa3ad';

export function communityColor(community: number): string {
  return community < 0 ? NO_COMMUNITY_COLOR : COMMUNITY_COLORS[community % COMMUNITY_COLORS.length];
}
