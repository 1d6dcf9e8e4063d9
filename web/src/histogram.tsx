import type { Histogram } from './api.js';

const WIDTH = 900;
const HEIGHT = 120;
const AXIS = 18;

function label(ms: number, bucketMs: number): string {
  const iso = new Date(ms).toISOString();
  if (bucketMs >= 86_400_000) return iso.slice(0, 10);
  return iso.slice(0, bucketMs >= 60_000 ? 16 : 19).replace('T', ' ');
}

function duration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['min', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${unit}`;
  }
  return `${ms} ms`;
}

/** Event counts over time as SVG bars; a bar's tooltip gives its time and count, a click picks its time range. */
export function HistogramChart(props: { histogram: Histogram; onPick?: (fromMs: number, toMs: number) => void }) {
  const { counts, bucketMs, fromMs } = props.histogram;
  if (counts.length === 0) return <p class="hint histogram-empty">No event in this time range.</p>;
  const max = Math.max(1, ...counts);
  const barWidth = WIDTH / counts.length;
  const plot = HEIGHT - AXIS;
  return (
    <figure class="histogram">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`${props.histogram.total} events over time`}>
        {counts.map((c, i) => {
          const h = (c / max) * (plot - 4);
          return (
            <rect class="bar" key={i} x={i * barWidth + 0.5} y={plot - h} width={Math.max(1, barWidth - 1)} height={h} data-count={c}
              onClick={() => c > 0 && props.onPick?.(fromMs + i * bucketMs, fromMs + (i + 1) * bucketMs)}>
              <title>{`${label(fromMs + i * bucketMs, bucketMs)}: ${c} event${c === 1 ? '' : 's'}`}</title>
            </rect>
          );
        })}
        <line x1={0} y1={plot} x2={WIDTH} y2={plot} class="axis" />
      </svg>
      <figcaption>
        <span>{label(fromMs, bucketMs)}</span>
        <span>{props.histogram.total} events, max {max} per {duration(bucketMs)}</span>
        <span>{label(fromMs + counts.length * bucketMs, bucketMs)}</span>
      </figcaption>
    </figure>
  );
}
