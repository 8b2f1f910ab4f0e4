// Server-rendered SVG charts for the dashboard (visx: scales, shapes, axes). They need no JavaScript;
// each carries a <title> and <desc>, and the pages put a data table beside every one of them.
import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear, scalePoint } from '@visx/scale'
import { Area, Bar, LinePath } from '@visx/shape'
import { shortMonth } from './cci'

// Hex twins of the app.css palette: SVG presentation attributes cannot read CSS variables.
const INK = '#1f1b16'
const INK_2 = '#4a4239'
const MUTED = '#6b6157'
const LINE = '#e2d9cc'
const ACCENT = '#b4461f'
const BAND = '#f4cdb9'
const NO_DATA = '#f3eee6'

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
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
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
      <Group left={margin.left} top={margin.top}>
        {ticks.map((tick) => (
          <line key={tick} x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke={LINE} strokeWidth={1} />
        ))}
        <Area<TrendDatum>
          data={data}
          x={px}
          y0={(d) => y(d.low ?? 0)}
          y1={(d) => y(d.high ?? 0)}
          defined={(d) => d.low !== null && d.high !== null}
          fill={BAND}
          fillOpacity={0.7}
        />
        <LinePath<TrendDatum> data={data} x={px} y={(d) => y(d.value ?? 0)} defined={has} stroke={ACCENT} strokeWidth={2.5} />
        {data.map((d) =>
          d.value === null ? (
            <circle key={d.month} cx={px(d)} cy={innerHeight - 5} r={3} fill="#fff" stroke={MUTED} strokeWidth={1.2} />
          ) : (
            <circle key={d.month} cx={px(d)} cy={y(d.value)} r={d === last ? 4.5 : 3} fill={ACCENT} stroke="#fff" strokeWidth={1.2} />
          ),
        )}
        <AxisLeft
          scale={y}
          tickValues={ticks}
          hideAxisLine
          hideTicks
          tickFormat={(v) => String(v)}
          tickLabelProps={{ fill: MUTED, fontSize: font, textAnchor: 'end', dx: -4, dy: '0.33em', fontFamily: 'system-ui, sans-serif' }}
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={data.map((d) => d.month).filter((_, i, all) => (all.length - 1 - i) % every === 0)}
          tickFormat={(m) => shortMonth(m)}
          stroke={LINE}
          tickStroke={LINE}
          tickLength={3}
          tickLabelProps={{ fill: MUTED, fontSize: font, textAnchor: 'middle', fontFamily: 'system-ui, sans-serif' }}
        />
      </Group>
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
      {columns.map((label, c) => (
        <text
          key={label}
          x={(x(c) ?? 0) + x.bandwidth() / 2}
          y={header - (narrow ? 8 : 12)}
          textAnchor={narrow ? 'start' : 'middle'}
          transform={narrow ? `rotate(-35 ${(x(c) ?? 0) + x.bandwidth() / 2} ${header - 8})` : undefined}
          fontSize={12}
          fontWeight={600}
          fill={INK_2}
          fontFamily="system-ui, sans-serif"
        >
          {label}
        </text>
      ))}
      {rows.map((row, r) => (
        <Group key={row.label} top={y(r) ?? 0}>
          <text x={0} y={y.bandwidth() / 2} dy="0.35em" fontSize={narrow ? 12 : 13} fill={INK} fontFamily="system-ui, sans-serif">
            {row.label}
          </text>
          {row.values.map((value, c) => {
            const fill = value === null ? NO_DATA : heatFill(value)
            return (
              <g key={c}>
                <Bar x={x(c) ?? 0} y={0} width={x.bandwidth()} height={y.bandwidth()} rx={4} fill={fill} stroke={value === null ? LINE : 'none'} />
                <text
                  x={(x(c) ?? 0) + x.bandwidth() / 2}
                  y={y.bandwidth() / 2}
                  dy="0.35em"
                  textAnchor="middle"
                  fontSize={14}
                  fontWeight={value === null ? 400 : 600}
                  fill={value === null ? MUTED : inkOn(fill)}
                  fontFamily="system-ui, sans-serif"
                >
                  {value === null ? '–' : Math.round(value)}
                </text>
              </g>
            )
          })}
        </Group>
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
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} className="chart--bars">
      {[0, 25, 50, 75, 100].map((tick) => (
        <line key={tick} x1={x(tick)} x2={x(tick)} y1={top} y2={top + bars.length * rowHeight} stroke={LINE} />
      ))}
      {bars.map((bar, i) => (
        <Group key={bar.label} top={y(i) ?? 0}>
          <text x={labelWidth - 8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end" fontSize={13} fill={INK} fontFamily="system-ui, sans-serif">
            {bar.label}
          </text>
          {bar.value === null ? (
            <text x={labelWidth + 6} y={y.bandwidth() / 2} dy="0.35em" fontSize={12} fill={MUTED} fontFamily="system-ui, sans-serif">
              not enough data
            </text>
          ) : (
            <>
              <Bar x={labelWidth} y={0} width={Math.max(1, x(bar.value) - labelWidth)} height={y.bandwidth()} rx={3} fill={ACCENT} />
              <text x={x(bar.value) + 6} y={y.bandwidth() / 2} dy="0.35em" fontSize={13} fontWeight={600} fill={INK} fontFamily="system-ui, sans-serif">
                {Math.round(bar.value)}
              </text>
            </>
          )}
        </Group>
      ))}
      <AxisBottom
        top={top + bars.length * rowHeight}
        scale={x}
        tickValues={[0, 25, 50, 75, 100]}
        stroke={LINE}
        tickStroke={LINE}
        tickLength={3}
        tickLabelProps={{ fill: MUTED, fontSize: 11, textAnchor: 'middle', fontFamily: 'system-ui, sans-serif' }}
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
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} className="chart--columns">
      <Group left={margin.left} top={margin.top}>
        {[0, 0.5, 1].map((tick) => (
          <line key={tick} x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke={LINE} />
        ))}
        {columns.map((c) =>
          c.share === null ? null : (
            <Bar
              key={c.month}
              x={x(c.month) ?? 0}
              y={y(c.share)}
              width={x.bandwidth()}
              height={Math.max(0, innerHeight - y(c.share))}
              rx={3}
              fill={ACCENT}
              fillOpacity={0.85}
            />
          ),
        )}
        <AxisLeft
          scale={y}
          tickValues={[0, 0.5, 1]}
          hideAxisLine
          hideTicks
          tickFormat={(v) => `${Math.round(Number(v) * 100)}%`}
          tickLabelProps={{ fill: MUTED, fontSize: 12, textAnchor: 'end', dx: -4, dy: '0.33em', fontFamily: 'system-ui, sans-serif' }}
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={columns.map((c) => c.month).filter((_, i, all) => !narrow || (all.length - 1 - i) % 2 === 0)}
          tickFormat={(m) => shortMonth(m)}
          stroke={LINE}
          tickStroke={LINE}
          tickLength={3}
          tickLabelProps={{ fill: MUTED, fontSize: narrow ? 11 : 12, textAnchor: 'middle', fontFamily: 'system-ui, sans-serif' }}
        />
      </Group>
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
      <LinePath data={points} x={(p) => x(p.i)} y={(p) => y(p.value ?? 0)} defined={(p) => p.value !== null} stroke={ACCENT} strokeWidth={2} />
      {points.map((p) => (p.value === null ? null : <circle key={p.i} cx={x(p.i)} cy={y(p.value)} r={2.5} fill={ACCENT} />))}
    </ChartFrame>
  )
}
