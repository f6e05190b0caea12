import type { KernindicatorCardProps } from '@waardentafel/domain'
import { indicatorChart } from './indicatorChart.ts'

const W = 280
const H = 70

/** The measurements against the streefwaarde, on the card; decorative, since the card's lines say it in words. */
export function IndicatorChartView({ props }: { props: KernindicatorCardProps }) {
  const chart = indicatorChart(props, W, H)
  if (!chart) return null
  return (
    <svg className="wt-spine-chart" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
      {chart.targetY !== null && (
        <line x1={0} x2={W} y1={chart.targetY} y2={chart.targetY} className="wt-spine-chart-target" />
      )}
      {chart.targetX !== null && chart.targetY !== null && (
        <circle cx={chart.targetX} cy={chart.targetY} r={5} className="wt-spine-chart-goal" />
      )}
      <polyline points={chart.points.map((p) => `${p.x},${p.y}`).join(' ')} className="wt-spine-chart-line" />
      {chart.points.map((p) => (
        <circle key={p.date} cx={p.x} cy={p.y} r={4} className="wt-spine-chart-point" />
      ))}
    </svg>
  )
}
