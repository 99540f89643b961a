// ECharts, loaded on demand (a separate chunk) so the first page stays small.
// Only the pieces Guild draws are imported.

import { init, use } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { PersonSkillView } from '../api/types';
import { CAPACITY_BANDS, capacityBand, NO_CAPACITY_COLOR, PLANNED_BORDER, TENTATIVE_BORDER, utilisation, type CapacityCell } from './capacity';

export { CAPACITY_BANDS, capacityBand, utilisation, type CapacityCell };
import { formatMarketValue, heatValue, MARKET_COLORS, RATIO_LOG_CLAMP, type HeatmapInput } from '../components/market-scale';

use([BarChart, LineChart, HeatmapChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

const BAR_COLOR = '#2f6f9f';
const GROW_COLOR = '#1f9d8b';
const AXIS_COLOR = '#5b6675';
const LABEL_CHARS = 28;

function shorten(text: string): string {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}

/** A value axis of skill levels 0..levelNames.length, labelled by name unless `narrow`. */
function levelAxis(levelNames: string[], narrow: boolean) {
  return {
    type: 'value',
    min: 0,
    max: levelNames.length,
    interval: 1,
    axisLabel: {
      color: AXIS_COLOR,
      formatter: (v: number) => (v === 0 ? '' : narrow ? String(v) : levelNames[v - 1] ?? String(v)),
    },
    splitLine: { lineStyle: { color: '#e6e9ee' } },
  };
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
    xAxis: levelAxis(levelNames, narrow),
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

/** Frees a chart and its resize listener. */
function track(chart: ReturnType<typeof init>): () => void {
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface LevelStep {
  date: string; //!< YYYY-MM-DD
  level: number;
}

/**
 * A step chart of one skill's recorded levels over time. `until` (a date)
 * extends the last level to today so the current level shows as a line.
 */
export function drawLevelHistory(host: HTMLElement, steps: LevelStep[], levelNames: string[], until: string): () => void {
  const chart = init(host, undefined, { renderer: 'svg' });
  const points: [string, number][] = steps.map((s) => [s.date, s.level]);
  const last = steps[steps.length - 1];
  if (last && until > last.date) points.push([until, last.level]);
  const narrow = host.clientWidth < 480;
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 20, top: 12, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { data: [string, number] }[]) => {
        const [date, level] = params[0].data;
        return `${escapeHtml(date)}<br/>${level} · ${escapeHtml(levelNames[level - 1] ?? '')}`;
      },
    },
    xAxis: { type: 'time', axisLabel: { color: AXIS_COLOR, hideOverlap: true }, splitLine: { show: false } },
    yAxis: levelAxis(levelNames, narrow),
    series: [
      {
        type: 'line',
        step: 'end',
        data: points,
        symbolSize: 8,
        lineStyle: { color: GROW_COLOR, width: 3 },
        itemStyle: { color: GROW_COLOR },
        areaStyle: { color: 'rgba(31, 157, 139, 0.10)' },
      },
    ],
  });
  return track(chart);
}

/**
 * The frame shared by the heatmaps: grid, a tooltip built from the cell's
 * row and column, week-style column labels on top and row labels on the left.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period or week column (YYYY-MM-DD): "13 Nov" over its year, so columns that cross a year say which. */
export function columnLabel(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]}\n${m[1]}`;
}

function heatmapFrame(
  columns: string[],
  rows: string[],
  narrow: boolean,
  describeCell: (row: number, column: number) => string,
) {
  return {
    animation: false,
    grid: { left: 8, right: 12, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      formatter: (p: { value: [number, number, number | '-'] }) => {
        const [c, r] = p.value;
        return describeCell(r, c);
      },
    },
    xAxis: {
      type: 'category',
      data: columns,
      position: 'top',
      axisLabel: { color: AXIS_COLOR, formatter: columnLabel },
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: rows.map(shorten),
      inverse: true,
      axisLabel: { color: '#1c2430', width: narrow ? 110 : 200, overflow: 'truncate' },
      axisTick: { show: false },
    },
  };
}

/**
 * A heatmap of skills (rows) by periods (columns), coloured on a diverging
 * scale centred on balance; every cell is labelled with its number when
 * there is room.
 */
export function drawMarketHeatmap(host: HTMLElement, input: HeatmapInput): () => void {
  const chart = init(host, undefined, { renderer: 'svg' });
  const narrow = host.clientWidth < 480;
  const { measure } = input;
  const data: [number, number, number | '-'][] = [];
  let extent = measure === 'ratio' ? RATIO_LOG_CLAMP : 1;
  input.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const heat = v === null ? null : heatValue(v, measure);
      data.push([c, r, heat === null ? '-' : heat]);
      if (measure === 'shortfall' && heat !== null) extent = Math.max(extent, Math.abs(heat));
    }),
  );
  const describe = (v: number | null) => {
    if (v === null) return 'no demand, no supply';
    if (measure === 'ratio') return v === Infinity ? 'demand with no supply' : `demand is ${v.toFixed(2)} × supply`;
    return v > 0 ? `${Math.round(v)} h short` : v < 0 ? `${Math.round(-v)} h spare` : 'balanced';
  };
  chart.setOption({
    ...heatmapFrame(
      input.periods,
      input.skills,
      narrow,
      (r, c) => `${escapeHtml(input.skills[r])}<br/>from ${escapeHtml(input.periods[c])}: ${describe(input.values[r][c])}`,
    ),
    visualMap: {
      show: false,
      type: 'continuous',
      dimension: 2,
      min: -extent,
      max: extent,
      inRange: { color: MARKET_COLORS },
    },
    series: [
      {
        type: 'heatmap',
        // Dark cells get light text.
        data: data.map((d) => (typeof d[2] === 'number' && Math.abs(d[2]) > 0.6 * extent ? { value: d, label: { color: '#fff' } } : d)),
        label: {
          show: !narrow || input.periods.length <= 4,
          fontSize: 11,
          color: '#18212d',
          formatter: (p: { value: [number, number, number | '-'] }) => formatMarketValue(input.values[p.value[1]][p.value[0]], measure),
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        emphasis: { itemStyle: { borderColor: '#18212d', borderWidth: 1 } },
      },
    ],
  });
  return track(chart);
}

export interface CapacityHeatmapInput {
  people: string[]; //!< row labels, top to bottom
  weeks: string[]; //!< column labels (Mondays, YYYY-MM-DD)
  cells: CapacityCell[][]; //!< [person][week]
  includeTentative: boolean; //!< count tentative hours in the colour
}


/**
 * A heatmap of people (rows) by weeks (columns), each cell coloured by the
 * band of its utilisation; weeks with tentative hours get a dashed outline so
 * tentative and confirmed work can be told apart without colour.
 */
export function drawCapacityHeatmap(host: HTMLElement, input: CapacityHeatmapInput): () => void {
  const chart = init(host, undefined, { renderer: 'svg' });
  const narrow = host.clientWidth < 480;
  const data = input.cells.flatMap((row, r) =>
    row.map((cell, c) => {
      const share = utilisation(cell, input.includeTentative);
      const band = share === null ? null : capacityBand(share);
      const tentative = input.includeTentative && cell.capacity > 0 && cell.tentative > 0;
      const planned = cell.capacity > 0 && (cell.proposed ?? 0) !== 0;
      return {
        value: [c, r, share === null ? '-' : Math.round(share * 100)],
        itemStyle: {
          color: band ? band.color : NO_CAPACITY_COLOR,
          borderColor: planned ? PLANNED_BORDER : tentative ? TENTATIVE_BORDER : band?.max === CAPACITY_BANDS[0].max ? '#c9ced6' : '#ffffff',
          borderWidth: planned ? 3 : 2,
          borderType: planned ? 'dashed' : tentative ? 'dotted' : 'solid',
        },
        label: { color: band ? band.text : '#18212d', fontStyle: tentative ? 'italic' : 'normal', fontWeight: planned ? 'bold' : 'normal' },
      };
    }),
  );
  const describe = (cell: CapacityCell) => {
    if (cell.capacity <= 0) return 'not employed this week';
    const parts = [`${Math.round(cell.confirmed)} h confirmed`, `${Math.round(cell.tentative)} h tentative`];
    if (cell.proposed) parts.push(`${Math.round(cell.proposed)} h proposed`);
    if (cell.time_off > 0) parts.push(`${Math.round(cell.time_off)} h time off`);
    return `${parts.join(', ')} of ${Math.round(cell.capacity)} h`;
  };
  chart.setOption({
    ...heatmapFrame(
      input.weeks,
      input.people,
      narrow,
      (r, c) => `${escapeHtml(input.people[r])}<br/>week of ${escapeHtml(input.weeks[c])}: ${describe(input.cells[r][c])}`,
    ),
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: !narrow || input.weeks.length <= 4,
          fontSize: 11,
          formatter: (p: { value: [number, number, number | '-'] }) => (p.value[2] === '-' ? '–' : `${p.value[2]}%`),
        },
        emphasis: { itemStyle: { borderColor: '#18212d', borderWidth: 1 } },
      },
    ],
  });
  return track(chart);
}

/**
 * Goal status colours (the same as the `goal-status--*` classes in styles.css);
 * the status word is always written beside them, so colour is never the only sign.
 */
export const GOAL_STATUS_COLORS: Record<string, string> = {
  'on-track': '#1a7f4b',
  'at-risk': '#c77700',
  'off-track': '#c4321c',
  done: '#1f5f99',
  missed: '#6b7480',
};
const EXPECTED_COLOR = '#18212d';

export interface GoalBar {
  title: string;
  status: string;
  progress: number; //!< share of the way covered (may be below 0 or above 1)
  expected: number; //!< share of the time passed, 0..1
}

/** One horizontal bar per goal: progress in its status colour, a dark tick at what is expected by now. */
export function drawGoalProgress(host: HTMLElement, goals: GoalBar[]): () => void {
  const chart = init(host, undefined, { renderer: 'svg' });
  const narrow = host.clientWidth < 480;
  const clamp = (v: number) => Math.round(Math.max(0, Math.min(1.2, v)) * 100);
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const g = goals[p.dataIndex];
        return `${escapeHtml(g.title)}<br/>${Math.round(g.progress * 100)}% of the way · ${Math.round(g.expected * 100)}% expected by now`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 120,
      interval: 25,
      axisLabel: { color: AXIS_COLOR, formatter: (v: number) => (v > 100 ? '' : `${v}%`) },
      splitLine: { lineStyle: { color: '#e6e9ee' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: goals.map((g) => shorten(g.title)),
      axisLabel: { color: '#1c2430', width: narrow ? 120 : 240, overflow: 'truncate' },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c9d0da' } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: goals.map((g) => ({
          value: clamp(g.progress),
          itemStyle: { color: GOAL_STATUS_COLORS[g.status] ?? BAR_COLOR, borderRadius: [0, 4, 4, 0] },
        })),
      },
      {
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 26],
        z: 3,
        itemStyle: { color: EXPECTED_COLOR },
        data: goals.map((g) => clamp(g.expected)),
        tooltip: { show: false },
      },
    ],
  });
  return track(chart);
}

export interface GoalPoint {
  date: string; //!< YYYY-MM-DD
  value: number;
}

/** A goal's measurements over time (oldest first) against the straight line from its start to its target. */
export function drawGoalHistory(
  host: HTMLElement,
  points: GoalPoint[],
  plan: { start_date: string; start_value: number; due_date: string; target_value: number },
  unit: string,
): () => void {
  const chart = init(host, undefined, { renderer: 'svg' });
  const suffix = unit ? ` ${unit}` : '';
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 20, top: 24, bottom: 8, containLabel: true },
    legend: { top: 0, right: 0, textStyle: { color: AXIS_COLOR }, data: ['Measured', 'Plan'] },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; data: [string, number] }) =>
        `${escapeHtml(p.seriesName)} · ${escapeHtml(p.data[0])}<br/>${p.data[1]}${escapeHtml(suffix)}`,
    },
    xAxis: { type: 'time', axisLabel: { color: AXIS_COLOR, hideOverlap: true }, splitLine: { show: false } },
    yAxis: { type: 'value', scale: true, axisLabel: { color: AXIS_COLOR }, splitLine: { lineStyle: { color: '#e6e9ee' } } },
    series: [
      {
        name: 'Measured',
        type: 'line',
        data: points.map((p) => [p.date, p.value]),
        symbolSize: 6,
        lineStyle: { color: BAR_COLOR, width: 3 },
        itemStyle: { color: BAR_COLOR },
      },
      {
        name: 'Plan',
        type: 'line',
        data: [
          [plan.start_date, plan.start_value],
          [plan.due_date, plan.target_value],
        ],
        symbol: 'none',
        lineStyle: { color: AXIS_COLOR, width: 1.5, type: 'dashed' },
        itemStyle: { color: AXIS_COLOR },
      },
    ],
  });
  return track(chart);
}

export interface CheckinTrendPoint {
  cycle_start: string; //!< YYYY-MM-DD
  completion: number | null; //!< 0..1
  median_hours_to_answer: number | null;
  blockers_opened: number;
  blockers_resolved: number;
}

const OPENED_COLOR = '#c77700';
const RESOLVED_COLOR = '#1a7f4b';

/**
 * A team's check-in trends, oldest cycle first: above, completion per cycle
 * (bars, %) with the median hours to answer questions (line, right axis);
 * below, blockers opened vs resolved (bars).
 */
export function drawCheckinTrends(host: HTMLElement, cycles: CheckinTrendPoint[]): () => void {
  const chart = init(host, undefined, { renderer: 'svg' });
  const labels = cycles.map((c) => c.cycle_start.slice(5));
  const axisLabel = { color: AXIS_COLOR, hideOverlap: true };
  const split = { lineStyle: { color: '#e6e9ee' } };
  // The legend takes two lines on a phone.
  const top = host.clientWidth < 480 ? 56 : 30;
  chart.setOption({
    animation: false,
    legend: { top: 0, itemGap: 8, textStyle: { color: AXIS_COLOR } },
    tooltip: { trigger: 'axis' },
    grid: [
      { left: 8, right: 8, top, height: '34%', containLabel: true },
      { left: 8, right: 8, top: '64%', bottom: 4, containLabel: true },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: labels, axisLabel: { show: false }, axisTick: { show: false } },
      { type: 'category', gridIndex: 1, data: labels, axisLabel },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, min: 0, max: 100, interval: 50, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine: split },
      { type: 'value', gridIndex: 0, min: 0, minInterval: 1, axisLabel: { ...axisLabel, formatter: '{value} h' }, splitLine: { show: false } },
      { type: 'value', gridIndex: 1, minInterval: 1, axisLabel, splitLine: split },
    ],
    series: [
      {
        name: 'Completion',
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barMaxWidth: 22,
        itemStyle: { color: BAR_COLOR },
        data: cycles.map((c) => (c.completion === null ? null : Math.round(c.completion * 100))),
      },
      {
        name: 'Median hours to answer',
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 1,
        connectNulls: true,
        lineStyle: { color: AXIS_COLOR, width: 2, type: 'dashed' },
        itemStyle: { color: AXIS_COLOR },
        data: cycles.map((c) => c.median_hours_to_answer),
      },
      {
        name: 'Blockers opened',
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 2,
        barMaxWidth: 12,
        itemStyle: { color: OPENED_COLOR },
        data: cycles.map((c) => c.blockers_opened),
      },
      {
        name: 'Blockers resolved',
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 2,
        barMaxWidth: 12,
        itemStyle: { color: RESOLVED_COLOR },
        data: cycles.map((c) => c.blockers_resolved),
      },
    ],
  });
  return track(chart);
}
