import { Link2Off } from 'lucide-react'
import { Link } from 'react-router'
import { buttonClassName } from '../../../components/ui/button'
import { useFocusOnMount } from '../../../hooks/use-focus-on-mount'

/** A reset link that no longer works (expired, used, cut short), and the way to a new one. */
export function ExpiredResetLink({ isNews }: { isNews: boolean }) {
  // When it replaces the form after a failed reset, focus (and the screen reader) moves to it;
  // arriving on it from the link, focus stays at the page's start.
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  return (
    <div className="flex flex-col items-start gap-4">
      <span className="grid size-11 place-items-center rounded-xl bg-amber-50 text-amber-700">
        <Link2Off aria-hidden className="size-6" />
      </span>
      <h2
        ref={isNews ? headingRef : undefined}
        tabIndex={-1}
        className="text-xl font-bold text-slate-900 outline-none"
      >
        This link has expired or was already used
      </h2>
      <p className="text-slate-700">
        A reset link works once, for a limited time. Ask for a new one; it comes by e-mail in a
        minute.
      </p>
      <Link
        to="/forgot-password"
        className={buttonClassName({ size: 'lg', className: 'self-stretch' })}
      >
        Send me a new link
      </Link>
    </div>
  )
}
