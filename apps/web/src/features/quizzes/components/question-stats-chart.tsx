import type { QuestionStat } from '@loopquiz/contract'

function rateText(stat: QuestionStat) {
  if (stat.correctRate === null) return 'Not answered yet'
  return `${Math.round(stat.correctRate * 100)}% right (${stat.correctCount} of ${stat.answeredCount})`
}

/** The share of takers who got each question right, as bars that also say it in words. */
export function QuestionStatsChart({ stats }: { stats: QuestionStat[] }) {
  return (
    <ol className="flex flex-col gap-4">
      {stats.map((stat) => {
        const percent = stat.correctRate === null ? 0 : Math.round(stat.correctRate * 100)
        return (
          <li key={stat.questionId} className="flex flex-col gap-1.5">
            <div className="flex flex-col gap-0.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <p className="font-medium text-slate-900">
                <span className="text-slate-500">{stat.position}. </span>
                {stat.prompt}
              </p>
              <p className="shrink-0 text-sm font-semibold tabular-nums text-slate-700">
                {rateText(stat)}
              </p>
            </div>
            {/* The text above carries the number; the bar only draws it. */}
            <div aria-hidden className="h-3 overflow-hidden rounded-full bg-slate-100">
              <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
            </div>
          </li>
        )
      })}
    </ol>
  )
}
