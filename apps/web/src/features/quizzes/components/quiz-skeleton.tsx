import { Card } from '../../../components/ui/card'
import { Skeleton } from '../../../components/ui/skeleton'

/** The quiz page's shape while it loads: the video card, then the start panel. */
export function QuizSkeleton() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <span className="sr-only">Loading the quiz…</span>
      <Card className="overflow-hidden">
        <Skeleton className="aspect-video w-full rounded-none" />
        <div className="flex flex-col gap-3 p-6">
          <Skeleton className="h-7 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      </Card>
      <Card className="flex flex-col gap-3 p-6">
        <Skeleton className="h-5 w-1/3" />
        <Skeleton className="h-11 w-full" />
      </Card>
    </div>
  )
}
