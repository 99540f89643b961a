// Network pictures with Cytoscape.js, loaded on demand (a separate chunk) so
// the first page stays small. The picture is drawn once per data set, laid
// out deterministically (nodes start on a circle, then a force-directed
// layout without randomness), and can highlight one node from outside (the
// accessible table beside it does that on focus).

import cytoscape from 'cytoscape';

export interface PictureNode {
  id: string;
  label: string;
  color: string;
  /** diameter in pixels */
  size: number;
  /** drawn with a thick dark ring */
  ring?: boolean;
}

export interface PictureEdge {
  source: string;
  target: string;
  /** line width in pixels */
  width: number;
  dashed?: boolean;
  label?: string;
}

export interface Picture {
  /** Emphasises one node (and dims the rest); null clears. */
  highlight(id: string | null): void;
  dispose(): void;
}

const LAYOUT_RADIUS = 200;

export function drawNetwork(host: HTMLElement, nodes: PictureNode[], edges: PictureEdge[]): Picture {
  const step = (2 * Math.PI) / Math.max(1, nodes.length);
  const cy = cytoscape({
    container: host,
    autoungrabify: false,
    boxSelectionEnabled: false,
    wheelSensitivity: 0.2,
    elements: [
      ...nodes.map((n, i) => ({
        group: 'nodes' as const,
        data: { id: n.id, label: n.label, color: n.color, size: n.size, ring: n.ring ? 1 : 0 },
        position: { x: LAYOUT_RADIUS * Math.cos(i * step), y: LAYOUT_RADIUS * Math.sin(i * step) },
      })),
      ...edges.map((e, i) => ({
        group: 'edges' as const,
        data: {
          id: `e${i}`,
          source: e.source,
          target: e.target,
          width: e.width,
          label: e.label ?? '',
          dashed: e.dashed ? 1 : 0,
        },
      })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)',
          width: 'data(size)',
          height: 'data(size)',
          label: 'data(label)',
          'font-size': 11,
          color: '#1c2430',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node[ring = 1]', style: { 'border-width': 4, 'border-color': '#1c2430' } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': '#8795a6',
          opacity: 0.75,
          'curve-style': 'haystack',
          label: 'data(label)',
          'font-size': 10,
          color: '#5b6675',
        },
      },
      { selector: 'edge[dashed = 1]', style: { 'line-style': 'dashed', 'curve-style': 'straight' } },
      { selector: '.dim', style: { opacity: 0.15 } },
      { selector: 'node.focus', style: { 'border-width': 5, 'border-color': '#c2410c' } },
    ],
    layout: { name: 'preset' },
  });
  if (nodes.length > 1) {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: true,
      padding: 24,
      nodeRepulsion: () => 8000,
      idealEdgeLength: () => 80,
    } as cytoscape.LayoutOptions).run();
  } else {
    cy.zoom(1);
    cy.center();
  }
  return {
    highlight(id) {
      cy.elements().removeClass('dim focus');
      if (!id) return;
      const node = cy.getElementById(id);
      if (node.empty()) return;
      const near = node.closedNeighborhood();
      cy.elements().not(near).addClass('dim');
      node.addClass('focus');
    },
    dispose() {
      cy.destroy();
    },
  };
}
