/**
 * Draws the charts of a page from `canvas[data-chart]` (JSON written at build time). Chart.js is
 * tree-shaken: only the bar chart pieces are registered. Charts are created when they come near
 * the viewport (a page can hold dozens), all at once before printing, and without animation
 * when the reader asks for reduced motion.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import type { IndicatorChart, OverviewChart } from '../lib/indicatori';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const css = getComputedStyle(document.documentElement);
const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
const number = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' });

Chart.defaults.font.family = "'Titillium Web', Geneva, Tahoma, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = color('--chart-text', '#1a1a1a');
if (reducedMotion) Chart.defaults.animation = false;

/** The 100% line of the overview chart, drawn over the bars with its label at the top. */
const targetLine: Plugin<'bar'> = {
  id: 'targetLine',
  afterDatasetsDraw(chart) {
    const data = (chart.options.plugins as { targetLine?: { value: number; label: string } }).targetLine;
    if (!data) return;
    const x = chart.scales.x!.getPixelForValue(data.value);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = color('--chart-target', '#1a1a1a');
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top - 4);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.restore();
  },
};

function overview(canvas: HTMLCanvasElement, data: OverviewChart): Chart {
  const esito = (e: string) => color(`--esito-${e.replaceAll(' ', '-')}`, '#555');
  return new Chart<'bar'>(canvas, {
    type: 'bar',
    plugins: [targetLine],
    data: {
      labels: data.labels,
      datasets: [
        {
          data: data.values,
          backgroundColor: data.esiti.map(esito),
          borderWidth: 0,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      scales: {
        x: { min: 0, max: data.max, ticks: { callback: (v) => `${number.format(Number(v))}%`, stepSize: 25 } },
        y: { ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => (item.raw === null ? '' : `${number.format(Number(item.raw))}%`),
          },
        },
        targetLine: { value: 100, label: data.targetLabel },
      } as never,
    },
  });
}

function indicator(canvas: HTMLCanvasElement, data: IndicatorChart): Chart {
  return new Chart<'bar'>(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.datasets.map((set) => ({
        label: set.label,
        data: set.values,
        backgroundColor:
          set.role === 'atteso' ? color('--chart-atteso', '#8a8a8a') : color('--chart-raggiunto', '#0b5e5b'),
        borderWidth: 0,
        skipNull: true,
      })),
    },
    options: {
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => number.format(Number(v)) } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${number.format(Number(item.raw))}` } },
      },
    },
  });
}

const charts = new Map<HTMLCanvasElement, Chart>();

function draw(canvas: HTMLCanvasElement): void {
  if (charts.has(canvas)) return;
  const data = JSON.parse(canvas.dataset.chart ?? 'null') as OverviewChart | IndicatorChart | null;
  if (!data) return;
  charts.set(canvas, data.kind === 'overview' ? overview(canvas, data) : indicator(canvas, data));
}

const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      draw(entry.target as HTMLCanvasElement);
    }
  },
  { rootMargin: '300px 0px' },
);
for (const canvas of canvases) observer.observe(canvas);

// Print: every chart must be on paper, sized for the page width.
addEventListener('beforeprint', () => {
  for (const canvas of canvases) draw(canvas);
  for (const chart of charts.values()) chart.resize();
});
addEventListener('afterprint', () => {
  for (const chart of charts.values()) chart.resize();
});
