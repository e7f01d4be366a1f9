import type { Loop } from '@loopquiz/contract'
import { ExternalLink, Share2 } from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { useCreateShare } from '../api/create-share'
import { ShareQuizDialog } from './share-quiz-dialog'

/** Shares a loop's questions as a public quiz link, then offers to copy or open it. */
export function ShareLoopButton({ loop }: { loop: Loop }) {
  const share = useCreateShare()
  const [isChoosing, setIsChoosing] = useState(false)

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
        aria-label={`Share as quiz: ${loop.videoTitle}`}
        aria-haspopup="dialog"
        onClick={() => {
          share.reset()
          setIsChoosing(true)
        }}
      >
        <Share2 aria-hidden className="size-4" />
        Share as quiz
      </Button>
      <ShareQuizDialog
        loop={loop}
        isOpen={isChoosing}
        onClose={() => setIsChoosing(false)}
        onShare={share.mutate}
        isSharing={share.isPending}
        error={share.error}
      />
    </div>
  )
}
