// The numbers behind a chart, as small tables: what a figure's "Data"
// toggle shows under it (issue 25), for readers of a screen reader and
// for every reader who wants the values rather than the picture. The
// tables come from the same marks Plot draws, after Plot's own
// transforms, so they cannot disagree with the figure.
import type * as Plot from '@observablehq/plot';

export interface DataTable {
  /** What the rows are: the mark's kind and, if thinned, how. */
  title: string;
  columns: string[];
  rows: string[][];
}

/**
 * About this many rows a mark: a longer mark shows evenly spaced rows of
 * each of its series (at least MIN_PER_GROUP of each), first and last
 * kept.
 */
export const MAX_ROWS = 25;
export const MIN_PER_GROUP = 4;

// Axes, grids, frames and tips are the chart's furniture; text marks are
// its direct labels, already read as words. Everything else is data.
const FURNITURE = /axis|grid|frame|tip|text/;
const SHOWN = ['x', 'x1', 'x2', 'y', 'y1', 'y2', 'z', 'stroke', 'fill',
  'symbol', 'r'];
const SERIES = new Set(['z', 'stroke', 'fill', 'symbol']);

interface Channel { value: ArrayLike<unknown>; label?: string }
interface MarkLike {
  ariaLabel?: string;
  initialize(): {
    facets?: ArrayLike<number>[];
    channels: Record<string, Channel>;
  };
}

function isMark(m: unknown): m is MarkLike {
  return typeof (m as MarkLike | null)?.initialize === 'function';
}

/** A value as a table shows it: numbers to four significant digits. */
export function cell(v: unknown): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (v === 0 || Number.isInteger(v)) return String(v);
    const a = Math.abs(v);
    return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(4)))
      : v.toExponential(3);
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v == null ? '' : String(v);
}

function flatMarks(marks: unknown): unknown[] {
  return Array.isArray(marks) ? marks.flatMap(flatMarks) : [marks];
}

/**
 * One table per data mark of `options`: a column per position channel
 * (labelled as the axis is), one for the series and one for the panel
 * of a faceted chart, a row per drawn item, thinned as MAX_ROWS says.
 */
export function plotData(options: Plot.PlotOptions): DataTable[] {
  const out: DataTable[] = [];
  const axisLabel = (scale: 'x' | 'y') => {
    const o = options[scale] as { label?: unknown } | undefined;
    return typeof o?.label === 'string' ? o.label.replace(/[↑↓←→]/g, '')
      .trim() : undefined;
  };
  for (const mark of flatMarks(options.marks)) {
    if (!isMark(mark)) continue;
    const kind = mark.ariaLabel ?? 'mark';
    if (FURNITURE.test(kind)) continue;
    const { facets, channels } = mark.initialize();
    // One series column: Plot derives z from stroke or fill, and they
    // name the same groups.
    const series = SHOWN.find((n) => SERIES.has(n) && n in channels);
    const names = SHOWN.filter((n) =>
      n in channels && (!SERIES.has(n) || n === series));
    if (!names.some((n) => /^[xy]/.test(n))) continue;
    const columns = names.map((n) =>
      SERIES.has(n) ? 'series'
        : (n === 'x' || n === 'y' ? axisLabel(n) : undefined) ??
          channels[n].label ?? n);
    const seriesOf = series === undefined ? undefined
      : channels[series].value;
    const panels = facets ?? [Array.from(
      { length: channels[names[0]].value.length }, (_, i) => i)];
    // Rows grouped by panel and series, in drawing order within each, so
    // that a thinned line keeps its shape.
    const groups = new Map<string, number[]>();
    panels.forEach((f, p) => {
      for (let k = 0; k < f.length; k++) {
        const i = f[k];
        const drawn = names.every((n) => {
          const v = channels[n].value[i];
          return v != null && !(typeof v === 'number' && Number.isNaN(v));
        });
        if (!drawn) continue;
        const key = `${p}|${seriesOf ? String(seriesOf[i]) : ''}`;
        const g = groups.get(key) ?? [];
        g.push(i);
        groups.set(key, g);
      }
    });
    const total = [...groups.values()].reduce((a, g) => a + g.length, 0);
    if (total === 0) continue;
    const perGroup = Math.max(MIN_PER_GROUP,
      Math.floor(MAX_ROWS / groups.size));
    const panelOf = new Map<string, number>();
    const rows: string[][] = [];
    let kept = 0;
    for (const [key, g] of groups) {
      const step = Math.ceil(g.length / perGroup);
      const p = Number(key.slice(0, key.indexOf('|')));
      panelOf.set(key, p);
      for (let k = 0; k < g.length; k++) {
        if (k % step !== 0 && k !== g.length - 1) continue;
        const row = names.map((n) => cell(channels[n].value[g[k]]));
        if (panels.length > 1) row.unshift(String(p + 1));
        rows.push(row);
        kept++;
      }
    }
    const many = (n: number, one: string, more: string) =>
      `${n} ${n === 1 ? one : more}`;
    const parts = [
      panels.length > 1 ? many(panels.length, 'panel', 'panels') : '',
      seriesOf ? many(new Set([...groups.keys()].map((k) =>
        k.slice(k.indexOf('|') + 1))).size, 'series', 'series') : '',
      kept === total ? many(total, 'item', 'items')
        : `${kept} of ${total} items, evenly spaced` +
          (groups.size > 1 ? ' in each' : ''),
    ].filter((x) => x !== '');
    out.push({
      title: `${kind}: ${parts.join(', ')}`,
      columns: panels.length > 1 ? ['panel', ...columns] : columns,
      rows,
    });
  }
  return out;
}

/**
 * Takes the tables renderPlot left in `svg` (an attribute per chart) off
 * it: the markup to draw, and the tables for a "Data" toggle.
 */
export function splitData(svg: string): { svg: string; tables: DataTable[] } {
  const tables: DataTable[] = [];
  const drawn = svg.replace(/ data-book-data="([^"]*)"/g, (_, data: string) => {
    tables.push(...JSON.parse(decodeURIComponent(data)) as DataTable[]);
    return '';
  });
  return { svg: drawn, tables };
}
