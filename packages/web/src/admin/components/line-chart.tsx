import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimePoint } from '../admin-types.ts';
import { niceMax } from './chart-scale.ts';

export interface Series {
  readonly label: string;
  /** A CSS colour (custom properties work). */
  readonly color: string;
  readonly points: readonly TimePoint[];
}

export interface LineChartProps {
  readonly title: string;
  readonly series: readonly Series[];
  /** Appended to values on the axis and in the legend, e.g. '%'. */
  readonly unit?: string;
  /** A fixed top of the scale (100 for percentages); otherwise the data's maximum, rounded up. */
  readonly max?: number;
  /** Values are counts: no fractional ticks on the axis. */
  readonly integers?: boolean;
}

const HEIGHT = 180;
const PAD = { left: 40, right: 8, top: 8, bottom: 22 };

const clock = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
const format = (value: number, unit: string) => `${Number.isInteger(value) ? value : value.toFixed(1)}${unit}`;

/**
 * A small time-series line chart drawn as SVG (no chart library: a few lines of geometry). The
 * legend names each series with its latest value, and the image's label says the same for
 * screen readers.
 */
export function LineChart({ title, series, unit = '', max, integers = false }: LineChartProps) {
  // Drawn at the width it is shown at, so lines and labels keep their size on any screen.
  const frame = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(200, Math.round(element.clientWidth))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const all = series.flatMap((s) => s.points.map((p) => ({ t: Date.parse(p.time), v: p.value })));
  const latest = series.map((s) => ({ ...s, last: s.points.at(-1)?.value }));
  const summary = `${title}: ${latest.map((s) => `${s.label} ${s.last === undefined ? 'no data' : format(s.last, unit)}`).join(', ')}`;
  if (all.length === 0) {
    return (
      <figure class="chart" ref={frame}>
        <p class="chart-empty" role="img" aria-label={summary}>No data yet.</p>
      </figure>
    );
  }

  // At least a minute wide, ending at the newest point (a lone point sits at the right, "now").
  const t1 = Math.max(...all.map((p) => p.t));
  const t0 = Math.min(t1 - 60_000, ...all.map((p) => p.t));
  const top = max ?? niceMax(Math.max(...all.map((p) => p.v)));
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (width - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - Math.min(v, top) / top) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [...new Set([0, integers ? Math.round(top / 2) : top / 2, top])];

  return (
    <figure class="chart" ref={frame}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={summary}>
        {ticks.map((tick) => (
          <g key={tick} class="chart-grid">
            <line x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">{format(tick, unit)}</text>
          </g>
        ))}
        <text class="chart-axis" x={PAD.left} y={HEIGHT - 4}>{clock(t0)}</text>
        <text class="chart-axis" x={width - PAD.right} y={HEIGHT - 4} text-anchor="end">{clock(t1)}</text>
        {series.map((s) => {
          const only = s.points.length === 1 ? s.points[0] : undefined;
          const points = s.points.map((p) => `${x(Date.parse(p.time)).toFixed(1)},${y(p.value).toFixed(1)}`);
          return only ? (
            <circle key={s.label} cx={x(Date.parse(only.time))} cy={y(only.value)} r="3" fill={s.color} />
          ) : (
            <polyline key={s.label} points={points.join(' ')} fill="none" stroke={s.color} stroke-width="2" stroke-linejoin="round" />
          );
        })}
      </svg>
      <figcaption class="chart-legend">
        {latest.map((s) => (
          <span key={s.label}>
            <i style={{ background: s.color }} aria-hidden="true" /> {s.label} {s.last === undefined ? '–' : format(s.last, unit)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
