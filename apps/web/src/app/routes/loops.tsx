import { Puzzle } from 'lucide-react'
import { Section } from '../../components/ui/section'
import { LoopList, NewLoopLink } from '../../features/loops/components/loop-list'
import { ShareLoopButton } from '../../features/quizzes/components/share-loop-button'

export function LoopsRoute() {
  return (
    <>
      <title>My loops · LoopQuiz</title>
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">My loops</h1>
            <p className="text-slate-600">
              Every moment of video you marked, most recently changed first. Open one to edit it.
            </p>
          </div>
          <NewLoopLink />
        </div>
        <Section id="all-loops" title="All loops" icon={Puzzle}>
          <LoopList renderActions={(loop) => <ShareLoopButton loop={loop} />} />
        </Section>
      </div>
    </>
  )
}
