// Server-rendered SVG charts for the dashboard (visx scales and shapes). They need no JavaScript;
// each carries a <title> and <desc>, and the pages put a data table beside every one of them.
// The markup is kept small because the team page draws six of them (each chart twice, for wide
// screens and for phones): axes are plain lines and text rather than visx's Axis (a nested <svg>,
// <tspan> and repeated attributes per tick), shared attributes sit once on a group, and
// coordinates are rounded to a tenth of a pixel, finer than anything a screen shows.
import { scaleBand, scaleLinear, scalePoint } from '@visx/scale'
import { Area, LinePath } from '@visx/shape'
import { shortMonth } from './cci'

// Hex twins of the app.css palette: SVG presentation attributes cannot read CSS variables.
const INK = '#1f1b16'
const INK_2 = '#4a4239'
const MUTED = '#6b6157'
const LINE = '#e2d9cc'
const ACCENT = '#b4461f'
const BAND = '#f4cdb9'
const NO_DATA = '#f3eee6'

/** A coordinate to one decimal. */
const r = (v: number) => Math.round(v * 10) / 10

export interface TrendDatum {
  month: string
  value: number | null
  low: number | null
  high: number | null
}

/** A shared y-range for small multiples: rounded out to tens, at least 30 points tall, within 0–100. */
export function trendDomain(values: (number | null | undefined)[]): [number, number] {
  const present = values.filter((v): v is number => typeof v === 'number')
  if (!present.length) return [40, 90]
  let low = Math.max(0, Math.floor((Math.min(...present) - 2) / 10) * 10)
  let high = Math.min(100, Math.ceil((Math.max(...present) + 2) / 10) * 10)
  while (high - low < 30) {
    if (high < 100) high += 10
    if (high - low < 30 && low > 0) low -= 10
  }
  return [low, high]
}

function ChartFrame({
  id,
  title,
  description,
  width,
  height,
  className,
  children,
}: {
  id: string
  title: string
  description: string
  width: number
  height: number
  className?: string
  children: React.ReactNode
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className={`chart ${className ?? ''}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
      fontFamily="system-ui, sans-serif"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  )
}

/**
 * Tick labels to the left of a vertical scale (where visx's AxisLeft without its line and ticks put
 * them: 8 px tick length and 4 px more), and the ticks and labels under a horizontal one, drawn the
 * way visx's AxisBottom drew them: 3 px ticks, the label's baseline one font size below them.
 */
function LeftLabels({ ticks, fontSize }: { ticks: { y: number; label: string }[]; fontSize: number }) {
  return (
    <g fill={MUTED} fontSize={fontSize} textAnchor="end">
      {ticks.map((tick) => (
        <text key={tick.label} x={-12} y={r(tick.y)} dy="0.33em">
          {tick.label}
        </text>
      ))}
    </g>
  )
}

function BottomAxis({ top, from, to, ticks, fontSize }: { top: number; from: number; to: number; ticks: { x: number; label: string }[]; fontSize: number }) {
  return (
    <g transform={`translate(0,${r(top)})`}>
      <g stroke={LINE} shapeRendering="crispEdges">
        <g strokeLinecap="square">
          {ticks.map((tick) => (
            <line key={tick.x} x1={r(tick.x)} x2={r(tick.x)} y2={3} />
          ))}
        </g>
        <line x1={r(from + 0.5)} x2={r(to + 0.5)} />
      </g>
      <g fill={MUTED} fontSize={fontSize} textAnchor="middle">
        {ticks.map((tick) => (
          <text key={tick.x} x={r(tick.x)} y={3 + fontSize} dy="0.25em">
            {tick.label}
          </text>
        ))}
      </g>
    </g>
  )
}

const SIZES = {
  small: { width: 320, height: 168, margin: { top: 12, right: 14, bottom: 26, left: 34 }, font: 11, every: 2 },
  large: { width: 760, height: 270, margin: { top: 16, right: 20, bottom: 30, left: 40 }, font: 13, every: 1 },
  narrow: { width: 360, height: 220, margin: { top: 12, right: 12, bottom: 26, left: 32 }, font: 11, every: 2 },
}

/**
 * The same chart drawn for wide screens and for phones (SVG text scales with the picture, so one
 * drawing cannot be legible at both sizes); CSS shows one of them, the other is display:none.
 */
export function Responsive({ wide, narrow }: { wide: React.ReactNode; narrow: React.ReactNode }) {
  return (
    <>
      <div className="chart-variant chart-variant--wide">{wide}</div>
      <div className="chart-variant chart-variant--narrow">{narrow}</div>
    </>
  )
}

/** A monthly CCI line with its confidence band; months without a figure are gaps with a hollow marker. */
export function TrendChart({
  id,
  title,
  description,
  data,
  domain,
  size = 'small',
}: {
  id: string
  title: string
  description: string
  data: TrendDatum[]
  domain: [number, number]
  size?: keyof typeof SIZES
}) {
  const { width, height, margin, font, every } = SIZES[size]
  const innerWidth = width - margin.left - margin.right
  const innerHeight = height - margin.top - margin.bottom
  const x = scalePoint<string>({ domain: data.map((d) => d.month), range: [0, innerWidth], padding: 0.4 })
  const y = scaleLinear<number>({ domain, range: [innerHeight, 0], clamp: true })
  const ticks = Array.from({ length: Math.floor((domain[1] - domain[0]) / 10) + 1 }, (_, i) => domain[0] + i * 10).filter(
    (_, i, all) => all.length <= 6 || i % 2 === 0,
  )
  const px = (d: TrendDatum) => x(d.month) ?? 0
  const has = (d: TrendDatum) => d.value !== null
  const last = data[data.length - 1]
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} className={`chart--${size}`}>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <g stroke={LINE}>
          {ticks.map((tick) => (
            <line key={tick} x2={innerWidth} y1={r(y(tick))} y2={r(y(tick))} />
          ))}
        </g>
        <Area<TrendDatum>
          data={data}
          x={(d) => r(px(d))}
          y0={(d) => r(y(d.low ?? 0))}
          y1={(d) => r(y(d.high ?? 0))}
          defined={(d) => d.low !== null && d.high !== null}
          fill={BAND}
          fillOpacity={0.7}
        />
        <LinePath<TrendDatum> data={data} x={(d) => r(px(d))} y={(d) => r(y(d.value ?? 0))} defined={has} stroke={ACCENT} strokeWidth={2.5} />
        <g fill={ACCENT} stroke="#fff" strokeWidth={1.2}>
          {data.map((d) =>
            d.value === null ? (
              <circle key={d.month} cx={r(px(d))} cy={innerHeight - 5} r={3} fill="#fff" stroke={MUTED} />
            ) : (
              <circle key={d.month} cx={r(px(d))} cy={r(y(d.value))} r={d === last ? 4.5 : 3} />
            ),
          )}
        </g>
        <LeftLabels fontSize={font} ticks={ticks.map((tick) => ({ y: y(tick), label: String(tick) }))} />
        <BottomAxis
          top={innerHeight}
          from={0}
          to={innerWidth}
          fontSize={font}
          ticks={data.filter((_, i, all) => (all.length - 1 - i) % every === 0).map((d) => ({ x: px(d), label: shortMonth(d.month) }))}
        />
      </g>
    </ChartFrame>
  )
}

/** Interpolates the heatmap colour for a 0–100 value and picks a text colour that stays readable on it. */
const heatFill = scaleLinear<string>({ domain: [30, 60, 90], range: ['#fdf1e3', '#eda580', '#8f3516'], clamp: true })
/** WCAG relative luminance of an `rgb(r, g, b)` or `#rrggbb` colour. */
function luminance(color: string) {
  const parts = color.startsWith('#') ? [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) : (color.match(/\d+/g) ?? []).map(Number)
  const [r, g, b] = parts.map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}
/** Dark or white text, whichever reads better on the cell. */
const inkOn = (fill: string) => (contrast(fill, INK) >= contrast(fill, '#ffffff') ? INK : '#ffffff')

export interface HeatmapRow {
  label: string
  values: (number | null)[]
}

/** Teams × criteria, each cell the criterion's 0–100 figure; "–" where there is not enough data. */
export function CriteriaHeatmap({
  id,
  title,
  description,
  columns,
  rows,
  variant = 'wide',
}: {
  id: string
  title: string
  description: string
  columns: string[]
  rows: HeatmapRow[]
  variant?: 'wide' | 'narrow'
}) {
  const narrow = variant === 'narrow'
  const labelWidth = narrow ? 94 : 116
  const cell = narrow ? { width: 52, height: 36 } : { width: 82, height: 38 }
  // On phones the column names are slanted so that five columns fit.
  const header = narrow ? 62 : 40
  const width = labelWidth + columns.length * cell.width + (narrow ? 24 : 4)
  const height = header + rows.length * cell.height + 4
  const x = scaleBand<number>({ domain: columns.map((_, i) => i), range: [labelWidth, labelWidth + columns.length * cell.width], padding: 0.06 })
  const y = scaleBand<number>({ domain: rows.map((_, i) => i), range: [header, header + rows.length * cell.height], padding: 0.08 })
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} className="chart--heatmap">
      <g fontSize={12} fontWeight={600} fill={INK_2} textAnchor={narrow ? 'start' : 'middle'}>
        {columns.map((label, c) => {
          const cx = r((x(c) ?? 0) + x.bandwidth() / 2)
          return (
            <text key={label} x={cx} y={header - (narrow ? 8 : 12)} transform={narrow ? `rotate(-35 ${cx} ${header - 8})` : undefined}>
              {label}
            </text>
          )
        })}
      </g>
      {rows.map((row, i) => (
        <g key={row.label} transform={`translate(0,${r(y(i) ?? 0)})`}>
          <text y={r(y.bandwidth() / 2)} dy="0.35em" fontSize={narrow ? 12 : 13} fill={INK}>
            {row.label}
          </text>
          <g fontSize={14} textAnchor="middle">
            {row.values.map((value, c) => {
              const fill = value === null ? NO_DATA : heatFill(value)
              return (
                <g key={c}>
                  <rect x={r(x(c) ?? 0)} width={r(x.bandwidth())} height={r(y.bandwidth())} rx={4} fill={fill} stroke={value === null ? LINE : 'none'} />
                  <text
                    x={r((x(c) ?? 0) + x.bandwidth() / 2)}
                    y={r(y.bandwidth() / 2)}
                    dy="0.35em"
                    fontWeight={value === null ? 400 : 600}
                    fill={value === null ? MUTED : inkOn(fill)}
                  >
                    {value === null ? '–' : Math.round(value)}
                  </text>
                </g>
              )
            })}
          </g>
        </g>
      ))}
    </ChartFrame>
  )
}

/** Horizontal bars on a 0–100 scale (criteria of one team). */
export function BarsChart({
  id,
  title,
  description,
  bars,
  width = 640,
}: {
  id: string
  title: string
  description: string
  bars: { label: string; value: number | null }[]
  width?: number
}) {
  const labelWidth = width < 480 ? 86 : 150
  const valueWidth = 40
  const rowHeight = 34
  const top = 6
  const height = top + bars.length * rowHeight + 22
  const x = scaleLinear<number>({ domain: [0, 100], range: [labelWidth, width - valueWidth] })
  const y = scaleBand<number>({ domain: bars.map((_, i) => i), range: [top, top + bars.length * rowHeight], padding: 0.25 })
  const ticks = [0, 25, 50, 75, 100]
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} className="chart--bars">
      <g stroke={LINE}>
        {ticks.map((tick) => (
          <line key={tick} x1={r(x(tick))} x2={r(x(tick))} y1={top} y2={top + bars.length * rowHeight} />
        ))}
      </g>
      <g fontSize={13} fill={INK}>
        {bars.map((bar, i) => (
          <g key={bar.label} transform={`translate(0,${r(y(i) ?? 0)})`}>
            <text x={labelWidth - 8} y={r(y.bandwidth() / 2)} dy="0.35em" textAnchor="end">
              {bar.label}
            </text>
            {bar.value === null ? (
              <text x={labelWidth + 6} y={r(y.bandwidth() / 2)} dy="0.35em" fontSize={12} fill={MUTED}>
                not enough data
              </text>
            ) : (
              <>
                <rect x={labelWidth} width={r(Math.max(1, x(bar.value) - labelWidth))} height={r(y.bandwidth())} rx={3} fill={ACCENT} />
                <text x={r(x(bar.value) + 6)} y={r(y.bandwidth() / 2)} dy="0.35em" fontWeight={600}>
                  {Math.round(bar.value)}
                </text>
              </>
            )}
          </g>
        ))}
      </g>
      <BottomAxis
        top={top + bars.length * rowHeight}
        from={labelWidth}
        to={width - valueWidth}
        fontSize={11}
        ticks={ticks.map((tick) => ({ x: x(tick), label: String(tick) }))}
      />
    </ChartFrame>
  )
}

/** Monthly columns on a 0–100% scale (participation of one team). */
export function ColumnsChart({
  id,
  title,
  description,
  columns,
  width = 760,
  height = 220,
}: {
  id: string
  title: string
  description: string
  columns: { month: string; share: number | null }[]
  width?: number
  height?: number
}) {
  const narrow = width < 480
  const margin = { top: 14, right: 12, bottom: 28, left: 50 }
  const innerWidth = width - margin.left - margin.right
  const innerHeight = height - margin.top - margin.bottom
  const x = scaleBand<string>({ domain: columns.map((c) => c.month), range: [0, innerWidth], padding: 0.3 })
  const y = scaleLinear<number>({ domain: [0, 1], range: [innerHeight, 0] })
  const ticks = [0, 0.5, 1]
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} className="chart--columns">
      <g transform={`translate(${margin.left},${margin.top})`}>
        <g stroke={LINE}>
          {ticks.map((tick) => (
            <line key={tick} x2={innerWidth} y1={r(y(tick))} y2={r(y(tick))} />
          ))}
        </g>
        <g fill={ACCENT} fillOpacity={0.85}>
          {columns.map((c) =>
            c.share === null ? null : (
              <rect key={c.month} x={r(x(c.month) ?? 0)} y={r(y(c.share))} width={r(x.bandwidth())} height={r(Math.max(0, innerHeight - y(c.share)))} rx={3} />
            ),
          )}
        </g>
        <LeftLabels
          fontSize={12}
          ticks={ticks.map((tick) => ({
            y: y(tick),
            label: `${Math.round(tick * 100)}%`,
          }))}
        />
        <BottomAxis
          top={innerHeight}
          from={0}
          to={innerWidth}
          fontSize={narrow ? 11 : 12}
          ticks={columns
            .filter((_, i, all) => !narrow || (all.length - 1 - i) % 2 === 0)
            .map((c) => ({ x: (x(c.month) ?? 0) + x.bandwidth() / 2, label: shortMonth(c.month) }))}
        />
      </g>
    </ChartFrame>
  )
}

/** A tiny line of someone's own monthly scores, for the home page. */
export function Sparkline({ id, title, description, values }: { id: string; title: string; description: string; values: (number | null)[] }) {
  const width = 240
  const height = 56
  const x = scaleLinear<number>({ domain: [0, Math.max(1, values.length - 1)], range: [6, width - 6] })
  const y = scaleLinear<number>({ domain: trendDomain(values), range: [height - 6, 6], clamp: true })
  const points = values.map((value, i) => ({ i, value }))
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} className="chart--spark">
      <LinePath data={points} x={(p) => r(x(p.i))} y={(p) => r(y(p.value ?? 0))} defined={(p) => p.value !== null} stroke={ACCENT} strokeWidth={2} />
      <g fill={ACCENT}>{points.map((p) => (p.value === null ? null : <circle key={p.i} cx={r(x(p.i))} cy={r(y(p.value))} r={2.5} />))}</g>
    </ChartFrame>
  )
}
