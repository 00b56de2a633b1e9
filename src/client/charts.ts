/**
 * Draws the charts of a page from `canvas[data-chart]` (JSON written at build time). Chart.js is
 * tree-shaken: only the bar chart pieces are registered. Every chart is drawn at once, without
 * animation: a page holds a handful (the overview, and one per indicator with past years), and a
 * chart caught mid-animation would print blank. Paper gets an <img> copy of each drawn chart (print
 * CSS swaps it for the canvas): Chromium may print a canvas blank when it is redrawn while the page
 * switches to print, and headless printing fires no event to redraw on. Before printing, folded
 * details open so their charts and tables reach the paper.
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
import type { IndicatorChart, OverviewChart } from '../lib/view/indicatore';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const css = getComputedStyle(document.documentElement);
const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
const number = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: 'always' });

Chart.defaults.font.family = "'Titillium Web', Geneva, Tahoma, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.color = color('--chart-text', '#1a1a1a');
Chart.defaults.animation = false;

/** The dashed target line from one point to another, in the target colour; the caller saves and restores. */
function strokeTarget(ctx: CanvasRenderingContext2D, [x1, y1]: [number, number], [x2, y2]: [number, number]) {
  ctx.strokeStyle = color('--chart-target', '#1a1a1a');
  ctx.lineWidth = 2;
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

/** The 100% line of the overview chart, drawn over the bars. */
const targetLine: Plugin<'bar'> = {
  id: 'targetLine',
  afterDatasetsDraw(chart) {
    const data = (chart.options.plugins as { targetLine?: { value: number } }).targetLine;
    if (!data) return;
    const x = chart.scales.x!.getPixelForValue(data.value);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    strokeTarget(ctx, [x, top - 4], [x, bottom]);
    ctx.restore();
  },
};

/** Rows without a plain bar say what they are in words: "✓ Sì", "✗ No", "? dato da verificare", "▶ oltre 250%". */
const rowMarks: Plugin<'bar'> = {
  id: 'rowMarks',
  afterDatasetsDraw(chart) {
    const data = (chart.options.plugins as { rowMarks?: Pick<OverviewChart, 'marks' | 'markTexts'> }).rowMarks;
    if (!data) return;
    const ctx = chart.ctx;
    const y = chart.scales.y!;
    const { left, right } = chart.chartArea;
    ctx.save();
    ctx.font = `600 13px ${Chart.defaults.font.family}`;
    ctx.textBaseline = 'middle';
    data.marks.forEach((mark, i) => {
      const text = data.markTexts[i];
      if (mark === 'bar' || !text) return;
      const middle = y.getPixelForValue(i);
      if (mark === 'oltre') {
        // On the cut bar's end, in white on the bar colour.
        ctx.fillStyle = '#fff';
        ctx.textAlign = 'right';
        ctx.fillText(text, right - 6, middle);
      } else {
        ctx.fillStyle = color('--chart-text', '#1a1a1a');
        ctx.textAlign = 'left';
        ctx.fillText(text, left + 6, middle);
      }
    });
    ctx.restore();
  },
};

/**
 * Keeps an <img> copy of the chart next to the canvas, refreshed after the first drawing and after each
 * resize (not on hover: a tooltip must not reach the paper).
 */
const stale = new WeakSet<Chart>();
const printCopy: Plugin<'bar'> = {
  id: 'printCopy',
  install(chart) {
    stale.add(chart);
  },
  resize(chart) {
    stale.add(chart);
  },
  afterRender(chart) {
    const canvas = chart.canvas;
    if (!stale.has(chart) || canvas.width === 0 || canvas.height === 0) return;
    stale.delete(chart);
    let img = canvas.nextElementSibling;
    if (!(img instanceof HTMLImageElement)) {
      img = document.createElement('img');
      (img as HTMLImageElement).className = 'chart-print';
      (img as HTMLImageElement).alt = '';
      canvas.after(img as HTMLImageElement);
    }
    (img as HTMLImageElement).src = canvas.toDataURL('image/png');
  },
};
Chart.register(printCopy);

function overview(canvas: HTMLCanvasElement, data: OverviewChart): Chart {
  const esito = (e: string) => color(`--esito-${e.replaceAll(' ', '-')}`, '#555');
  return new Chart<'bar'>(canvas, {
    type: 'bar',
    plugins: [targetLine, rowMarks],
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
        x: { min: 0, max: data.max, ticks: { callback: (v) => `${number.format(Number(v))}%`, stepSize: 50 } },
        y: { ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) =>
              data.markTexts[item.dataIndex] ?? `${number.format(Number(item.raw))}%`,
          },
        },
        targetLine: { value: 100 },
        rowMarks: { marks: data.marks, markTexts: data.markTexts },
      } as never,
    },
  });
}

/** A horizontal line for the target (atteso, or the ceiling of a decrescente indicator), labelled. */
const targetValue: Plugin<'bar'> = {
  id: 'targetValue',
  afterDatasetsDraw(chart) {
    const data = (chart.options.plugins as { targetValue?: IndicatorChart['target'] }).targetValue;
    if (!data) return;
    const y = chart.scales.y!.getPixelForValue(data.value);
    const { left, right } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    strokeTarget(ctx, [left, y], [right, y]);
    ctx.fillStyle = color('--chart-target', '#1a1a1a');
    ctx.font = `600 13px ${Chart.defaults.font.family}`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(data.label, right, y - 3);
    ctx.restore();
  },
};

function indicator(canvas: HTMLCanvasElement, data: IndicatorChart): Chart {
  const highest = Math.max(data.target?.value ?? 0, ...data.values.map((v) => v ?? 0));
  return new Chart<'bar'>(canvas, {
    type: 'bar',
    plugins: [targetValue],
    data: {
      labels: data.labels,
      datasets: [
        {
          label: data.valuesLabel,
          data: data.values,
          backgroundColor: color('--chart-raggiunto', '#0b5e5b'),
          borderWidth: 0,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        // Room above the target line for its label.
        y: {
          beginAtZero: true,
          suggestedMax: highest * 1.15,
          ticks: { callback: (v) => `${number.format(Number(v))}${data.unitSuffix}` },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => `${data.valuesLabel}: ${data.valueTexts[item.dataIndex] ?? ''}`,
          },
        },
        targetValue: data.target,
      } as never,
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
for (const canvas of canvases) draw(canvas);

// Print: open every folded detail (remembering which were closed); charts inside draw as they appear.
// Both the events and the media change may fire: the second call finds nothing left to open.
let opened: HTMLDetailsElement[] = [];
function beforePrint(): void {
  const closed = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
  for (const details of closed) details.open = true;
  opened.push(...closed);
}
function afterPrint(): void {
  for (const details of opened) details.open = false;
  opened = [];
}
addEventListener('beforeprint', beforePrint);
addEventListener('afterprint', afterPrint);
// Headless printing (and print emulation) may switch to print media without the events.
matchMedia('print').addEventListener('change', (event) => (event.matches ? beforePrint() : afterPrint()));
