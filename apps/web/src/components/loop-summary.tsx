import { Clapperboard, Clock } from 'lucide-react'
import { formatSegment } from '../lib/format'

/** A loop's video, as a tile in front of its title. */
export function LoopThumbnail() {
  return (
    <span
      aria-hidden
      className="grid size-10 shrink-0 place-items-center rounded-xl bg-linear-to-br from-brand-100 to-fuchsia-100 text-brand-700"
    >
      <Clapperboard className="size-5" />
    </span>
  )
}

interface LoopSegmentProps {
  loop: { startS: number; endS: number }
  className?: string
}

/** The part of the video a loop covers, e.g. "0:12–0:45". */
export function LoopSegment({
  loop,
  className = 'inline-flex items-center gap-1 font-medium text-brand-700 tabular-nums',
}: LoopSegmentProps) {
  return (
    <span className={className}>
      <Clock aria-hidden className="size-3.5" />
      <span className="sr-only">Segment </span>
      {formatSegment(loop.startS, loop.endS)}
    </span>
  )
}
