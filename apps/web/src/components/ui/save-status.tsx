import { CircleCheck } from 'lucide-react'

/** "Saved" beside a save button after it succeeded; announced politely to screen readers. */
export function SaveStatus({ isSaved }: { isSaved: boolean }) {
  return (
    <span
      role="status"
      className="inline-flex items-center gap-1.5 text-sm font-semibold text-emerald-700"
    >
      {isSaved ? (
        <>
          <CircleCheck aria-hidden className="size-4" />
          Saved
        </>
      ) : null}
    </span>
  )
}
