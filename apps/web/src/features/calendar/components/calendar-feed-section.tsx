import { CalendarDays, CalendarPlus, RefreshCw } from 'lucide-react'
import { useId, useState } from 'react'
import { Button, buttonClassName } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Section } from '../../../components/ui/section'
import { Skeleton } from '../../../components/ui/skeleton'
import { useCalendarFeed } from '../api/get-calendar-feed'
import { useRegenerateCalendarFeed } from '../api/regenerate-calendar-feed'

/**
 * Settings → Calendar: the personal feed of all my groups' sessions, to subscribe to from a
 * calendar app, and a new address when the old one went where it should not.
 */
export function CalendarFeedSection() {
  const feed = useCalendarFeed()
  const regenerate = useRegenerateCalendarFeed()
  const [isConfirming, setIsConfirming] = useState(false)
  const [isRenewed, setIsRenewed] = useState(false)
  const inputId = useId()

  function close() {
    setIsConfirming(false)
    regenerate.reset()
  }

  return (
    <Section
      id="calendar-feed"
      title="Calendar"
      icon={CalendarDays}
      description="Your groups’ sessions in your own calendar"
    >
      <p className="text-sm text-slate-600">
        Subscribe in Google Calendar, Apple Calendar or Outlook and every session of your groups
        shows up there, kept up to date: new ones appear, moved ones move, cancelled ones go.
      </p>
      {feed.isPending ? (
        <div aria-busy="true" className="flex flex-col gap-2">
          <span className="sr-only">Loading your calendar link…</span>
          <Skeleton className="h-11 w-full rounded-xl" />
        </div>
      ) : feed.isError ? (
        <ErrorAlert
          error={feed.error}
          action={
            <Button variant="secondary" size="sm" onClick={() => feed.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-3">
          <label htmlFor={inputId} className="text-sm font-semibold text-slate-800">
            Your calendar link
          </label>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <input
              id={inputId}
              readOnly
              value={feed.data.url}
              onFocus={(event) => event.currentTarget.select()}
              aria-describedby={`${inputId}-hint`}
              className="h-11 w-full min-w-0 rounded-xl border border-slate-300 bg-slate-50 px-3.5 font-mono text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
            />
            <CopyButton text={feed.data.url} label="Copy link to your calendar feed" />
          </div>
          <p role="status" className="text-sm font-medium text-emerald-700 empty:hidden">
            {isRenewed
              ? 'New link made. The old one no longer works: subscribe again with this one.'
              : ''}
          </p>
          <p id={`${inputId}-hint`} className="text-sm text-slate-500">
            Google Calendar: Other calendars → From URL, then paste it. Keep it to yourself: anyone
            with the link sees your sessions.
          </p>
          <div className="flex flex-wrap gap-3">
            <a
              href={feed.data.webcalUrl}
              className={buttonClassName({ variant: 'primary', size: 'sm' })}
            >
              <CalendarPlus aria-hidden className="size-4" />
              Subscribe
            </a>
            <Button
              variant="ghost"
              size="sm"
              aria-haspopup="dialog"
              onClick={() => setIsConfirming(true)}
            >
              <RefreshCw aria-hidden className="size-4" />
              Make a new link
            </Button>
          </div>
        </div>
      )}
      <Dialog
        isOpen={isConfirming}
        onClose={close}
        title="Make a new calendar link?"
        description="The old link stops working at once: calendars subscribed with it no longer get your sessions. Subscribe again with the new one."
      >
        {regenerate.error ? <ErrorAlert error={regenerate.error} /> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close}>
            Keep the old link
          </Button>
          <Button
            variant="danger"
            isLoading={regenerate.isPending}
            onClick={() =>
              regenerate.mutate(undefined, {
                onSuccess: () => {
                  setIsConfirming(false)
                  setIsRenewed(true)
                },
              })
            }
          >
            Make a new link
          </Button>
        </div>
      </Dialog>
    </Section>
  )
}
