import type { Loop } from '@loopquiz/contract'
import { ExternalLink, Share2 } from 'lucide-react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useCreateShare } from '../api/create-share'

/** Shares a loop's questions as a public quiz link, then offers to copy or open it. */
export function ShareLoopButton({ loop }: { loop: Loop }) {
  const share = useCreateShare()

  if (loop.questions.length === 0) {
    return <p className="text-sm text-slate-500">Add questions in the extension to share</p>
  }
  if (share.data) {
    const path = `/questions/${share.data.token}`
    return (
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={share.data.shareUrl} label={`Copy link to ${loop.videoTitle} quiz`} />
        <Link
          to={path}
          className="inline-flex items-center gap-1 text-sm font-semibold text-brand-700 hover:underline"
        >
          Open quiz
          <ExternalLink aria-hidden className="size-3.5" />
        </Link>
      </div>
    )
  }
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button
        variant="secondary"
        size="sm"
        isLoading={share.isPending}
        aria-label={`Share as quiz: ${loop.videoTitle}`}
        onClick={() =>
          share.mutate({
            loopId: loop.id,
            title: loop.videoTitle.slice(0, 200),
            questions: loop.questions,
            visibility: 'public',
          })
        }
      >
        {share.isPending ? null : <Share2 aria-hidden className="size-4" />}
        Share as quiz
      </Button>
      {share.error ? <ErrorAlert error={share.error} className="max-w-xs" /> : null}
    </div>
  )
}
