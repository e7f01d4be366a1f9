import { buildPath, endpoints } from '@loopquiz/contract'
import { BarChart3, Download, SearchX, Users } from 'lucide-react'
import { Link, useParams } from 'react-router'
import { Button, buttonClassName } from '../../components/ui/button'
import { ErrorAlert } from '../../components/ui/error-alert'
import { Section } from '../../components/ui/section'
import { ListSkeleton } from '../../components/ui/skeleton'
import { LoadingPanel } from '../../components/ui/spinner'
import { StatusPage } from '../../components/ui/status-page'
import { useQuestionSetAttempts } from '../../features/quizzes/api/find-question-set-attempts'
import { useQuestionSetStats } from '../../features/quizzes/api/find-question-set-stats'
import { useMyQuestionSet } from '../../features/quizzes/api/get-my-question-set'
import { QuestionStatsChart } from '../../features/quizzes/components/question-stats-chart'
import { ShareAttempts } from '../../features/quizzes/components/share-attempts'
import { ShareSettings } from '../../features/quizzes/components/share-settings'
import { hasErrorCode } from '../../lib/errors'

function Retry({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <ErrorAlert
      error={error}
      action={
        <Button variant="secondary" size="sm" onClick={onRetry}>
          Try again
        </Button>
      }
    />
  )
}

function WhoTookIt({ token }: { token: string }) {
  const attempts = useQuestionSetAttempts(token)
  const csvHref = buildPath(endpoints.downloadQuestionSetAttempts.path, { token })
  return (
    <Section
      id="attempts"
      title="Who took it"
      icon={Users}
      description={
        attempts.data
          ? `${attempts.data.total} ${attempts.data.total === 1 ? 'attempt' : 'attempts'}, newest first`
          : undefined
      }
      action={
        attempts.data && attempts.data.total > 0 ? (
          <a
            href={csvHref}
            download
            className={buttonClassName({ variant: 'secondary', size: 'sm', className: 'shrink-0' })}
          >
            <Download aria-hidden className="size-4" />
            Download CSV
          </a>
        ) : null
      }
    >
      {attempts.isPending ? (
        <ListSkeleton label="Loading the attempts…" />
      ) : attempts.isError ? (
        <Retry error={attempts.error} onRetry={() => attempts.refetch()} />
      ) : (
        <ShareAttempts attempts={attempts.data.items} total={attempts.data.total} />
      )}
    </Section>
  )
}

function CorrectRates({ token }: { token: string }) {
  const stats = useQuestionSetStats(token)
  return (
    <Section
      id="correct-rates"
      title="Right answers per question"
      icon={BarChart3}
      description="Of the takers who answered each question, how many got it right"
    >
      {stats.isPending ? (
        <ListSkeleton label="Loading the questions…" />
      ) : stats.isError ? (
        <Retry error={stats.error} onRetry={() => stats.refetch()} />
      ) : (
        <QuestionStatsChart stats={stats.data.items} />
      )}
    </Section>
  )
}

/** /shares/:token — one of my shares: its link and options, its off switch, and who took it. */
export function ShareRoute() {
  const { token = '' } = useParams()
  const summary = useMyQuestionSet(token)

  if (summary.isPending) return <LoadingPanel label="Loading your shared quiz…" />
  if (summary.isError) {
    if (hasErrorCode(summary.error, 'SHARE_NOT_FOUND', 'VALIDATION_FAILED')) {
      return (
        <StatusPage
          icon={SearchX}
          tone="danger"
          title="You have shared no quiz at this link"
          actions={
            <Link to="/" className={buttonClassName({ variant: 'secondary' })}>
              Back to dashboard
            </Link>
          }
        >
          <p>Only the person who shared a quiz sees who took it.</p>
        </StatusPage>
      )
    }
    return <Retry error={summary.error} onRetry={() => summary.refetch()} />
  }
  return (
    <>
      <title>{`${summary.data.title} · Shared quiz · LoopQuiz`}</title>
      <div className="flex flex-col gap-6">
        <ShareSettings summary={summary.data} />
        <WhoTookIt token={token} />
        <CorrectRates token={token} />
      </div>
    </>
  )
}
