import type { Loop } from '@loopquiz/contract'
import { BarChart3, ExternalLink, Share2 } from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { useCreateShare } from '../api/create-share'
import { ShareQuizDialog } from './share-quiz-dialog'

/** Shares a loop's questions as a quiz link with options, then offers to copy, open or follow it. */
export function ShareLoopButton({ loop }: { loop: Loop }) {
  const share = useCreateShare()
  const [isChoosing, setIsChoosing] = useState(false)

  if (loop.questions.length === 0) {
    return <p className="text-sm text-slate-500">Add questions to this loop to share it</p>
  }
  const dialog = (
    <ShareQuizDialog
      loop={loop}
      isOpen={isChoosing}
      onClose={() => setIsChoosing(false)}
      onShare={share.mutate}
      isSharing={share.isPending}
      error={share.error}
      shared={share.data}
    />
  )
  const openDialog = () => {
    share.reset()
    setIsChoosing(true)
  }
  if (share.data && !isChoosing) {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <CopyButton text={share.data.shareUrl} label={`Copy link to ${loop.videoTitle} quiz`} />
        <Link
          to={`/questions/${share.data.token}`}
          className="inline-flex items-center gap-1 text-sm font-semibold text-brand-700 hover:underline"
        >
          Open quiz
          <ExternalLink aria-hidden className="size-3.5" />
        </Link>
        <Link
          to={`/shares/${share.data.token}`}
          className="inline-flex items-center gap-1 text-sm font-semibold text-brand-700 hover:underline"
        >
          <BarChart3 aria-hidden className="size-3.5" />
          See who took it
        </Link>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Share again: ${loop.videoTitle}`}
          aria-haspopup="dialog"
          onClick={openDialog}
        >
          Share again
        </Button>
        {dialog}
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
        onClick={openDialog}
      >
        <Share2 aria-hidden className="size-4" />
        Share as quiz
      </Button>
      {dialog}
    </div>
  )
}
