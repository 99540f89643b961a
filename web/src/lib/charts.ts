// ECharts, loaded on demand (a separate chunk) so the first page stays small.
// Only the pieces Guild draws are imported.

import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { PersonSkillView } from '../api/types';

use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const BAR_COLOR = '#2f6f9f';
const GROW_COLOR = '#1f9d8b';
const AXIS_COLOR = '#5b6675';
const LABEL_CHARS = 28;

function shorten(text: string): string {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}

/** Draws `skills` (bottom to top) into `host`; returns a function that frees the chart. */
export function drawSkillBars(host: HTMLElement, skills: PersonSkillView[], levelNames: string[]): () => void {
  const chart = init(host, undefined, { renderer: 'svg' });
  const narrow = host.clientWidth < 480;
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const s = skills[p.dataIndex];
        return `${s.name}<br/>${s.level} · ${s.level_name}${s.wants_to_grow ? ' — wants to grow' : ''}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: levelNames.length,
      interval: 1,
      axisLabel: {
        color: AXIS_COLOR,
        formatter: (v: number) => (v === 0 ? '' : narrow ? String(v) : levelNames[v - 1] ?? String(v)),
      },
      splitLine: { lineStyle: { color: '#e6e9ee' } },
    },
    yAxis: {
      type: 'category',
      data: skills.map((s) => shorten(s.name)),
      axisLabel: { color: '#1c2430', width: narrow ? 120 : 220, overflow: 'truncate' },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c9d0da' } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: skills.map((s) => ({
          value: s.level,
          itemStyle: { color: s.wants_to_grow ? GROW_COLOR : BAR_COLOR, borderRadius: [0, 4, 4, 0] },
        })),
      },
    ],
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
