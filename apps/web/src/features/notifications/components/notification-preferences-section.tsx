import type {
  NotificationPreferences,
  NotificationType,
  UpdateNotificationPreferencesBody,
} from '@loopquiz/contract'
import { Bell, LocateFixed } from 'lucide-react'
import { type ReactNode, useId, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { SaveStatus } from '../../../components/ui/save-status'
import { Section } from '../../../components/ui/section'
import { SelectField } from '../../../components/ui/select-field'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useNotificationPreferences } from '../api/get-notification-preferences'
import { useUpdateNotificationPreferences } from '../api/update-notification-preferences'
import { notificationTypeWords, preferenceGroups } from '../utils/preference-types'
import { detectTimeZone, timeZoneChoices } from '../utils/time-zones'

/** What a change was about: a type's e-mails or the time zone; its row shows how saving went. */
type ChangeTarget = NotificationType | 'timeZone'

const legendClassName =
  'mb-1 flex w-full items-end justify-between gap-4 text-xs font-bold tracking-wide text-slate-500 uppercase'

type Update = ReturnType<typeof useUpdateNotificationPreferences>

/** "Saved" or why not, in the row of the latest change only. */
function ChangeStatus({ update, isLatest }: { update: Update; isLatest: boolean }) {
  return (
    <>
      <SaveStatus isSaved={isLatest && update.isSuccess} />
      {isLatest && update.isError ? <ErrorAlert error={update.error} className="mt-1" /> : null}
    </>
  )
}

/** On: this type also comes by e-mail. Named by its row's label (the column says "E-mail"). */
function EmailSwitch({
  id,
  isOn,
  hintId,
  onChange,
}: {
  id: string
  isOn: boolean
  hintId: string
  onChange: (isOn: boolean) => void
}) {
  return (
    <span className="relative inline-flex h-6 w-10 shrink-0 rounded-full bg-slate-400 transition-colors has-checked:bg-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600">
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={isOn}
        checked={isOn}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.checked)}
        className="peer absolute inset-0 m-0 size-full cursor-pointer appearance-none rounded-full opacity-0"
      />
      <span
        aria-hidden
        className="pointer-events-none absolute top-0.5 left-0.5 size-5 rounded-full bg-white shadow-sm transition-transform peer-checked:translate-x-4 motion-reduce:transition-none"
      />
    </span>
  )
}

function TypeRow({
  type,
  isOn,
  onChange,
  status,
}: {
  type: NotificationType
  isOn: boolean
  onChange: (isOn: boolean) => void
  status: ReactNode
}) {
  const id = useId()
  const hintId = `${id}-hint`
  const words = notificationTypeWords[type]
  return (
    <li className="flex items-start justify-between gap-4 py-3 first:pt-1 last:pb-1">
      <div className="flex min-w-0 flex-col gap-0.5">
        <label htmlFor={id} className="cursor-pointer text-sm font-semibold text-slate-900">
          {words.label}
        </label>
        <span id={hintId} className="text-sm text-slate-500">
          {words.hint}
        </span>
        {status}
      </div>
      <EmailSwitch id={id} isOn={isOn} hintId={hintId} onChange={onChange} />
    </li>
  )
}

function TimeZoneField({
  timeZone,
  onChange,
  status,
}: {
  timeZone: string | null
  onChange: (timeZone: string | null) => void
  status: ReactNode
}) {
  const containerRef = useRef<HTMLFieldSetElement>(null)
  const detected = useMemo(detectTimeZone, [])
  const choices = useMemo(() => timeZoneChoices([timeZone, detected]), [timeZone, detected])

  function chooseDetected(zone: string) {
    onChange(zone)
    // The button goes away once its zone is chosen; the focus stays on the choice it made.
    containerRef.current?.querySelector('select')?.focus()
  }

  return (
    // min-w-0: a fieldset is otherwise as wide as its widest content, here the select sized
    // to its longest zone name, and would run off a phone's screen.
    <fieldset ref={containerRef} className="flex min-w-0 flex-col gap-2">
      <legend className={legendClassName}>Times in your e-mails</legend>
      <SelectField
        label="Time zone"
        name="email-time-zone"
        hint="Session times in your e-mails are shown in this zone."
        value={timeZone ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
        className="sm:max-w-md"
      >
        <option value="">Use each group’s time zone</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      {detected && detected !== timeZone ? (
        <div>
          <Button
            variant="secondary"
            size="sm"
            className="h-auto min-h-8 py-1.5"
            onClick={() => chooseDetected(detected)}
          >
            <LocateFixed aria-hidden className="size-4 shrink-0" />
            {/* Its own wrapping: a long zone name is wider than a phone. */}
            <span className="text-left whitespace-normal">
              Use my current time zone ({detected.replaceAll('_', ' ')})
            </span>
          </Button>
        </div>
      ) : null}
      {status}
    </fieldset>
  )
}

function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const update = useUpdateNotificationPreferences()
  const [latest, setLatest] = useState<ChangeTarget>()

  function change(target: ChangeTarget, body: UpdateNotificationPreferencesBody) {
    setLatest(target)
    update.mutate(body)
  }

  return (
    <div className="flex flex-col gap-5">
      {preferenceGroups.map((group) => (
        <fieldset key={group.title} className="flex min-w-0 flex-col">
          <legend className={legendClassName}>
            {group.title}
            <span className="sr-only"> by e-mail</span>
            <span aria-hidden className="normal-case">
              E-mail
            </span>
          </legend>
          <ul className="flex flex-col divide-y divide-slate-100">
            {group.types.map((type) => (
              <TypeRow
                key={type}
                type={type}
                isOn={preferences.email[type]}
                onChange={(isOn) => change(type, { email: { [type]: isOn } })}
                status={<ChangeStatus update={update} isLatest={latest === type} />}
              />
            ))}
          </ul>
        </fieldset>
      ))}
      <TimeZoneField
        timeZone={preferences.timeZone}
        onChange={(timeZone) => change('timeZone', { timeZone })}
        status={<ChangeStatus update={update} isLatest={latest === 'timeZone'} />}
      />
    </div>
  )
}

/**
 * Settings → Notifications: every notification is in the notification center; here the user
 * picks which types also come by e-mail, and the time zone of the times those mails give.
 * Each change saves at once.
 */
export function NotificationPreferencesSection() {
  const preferences = useNotificationPreferences()
  return (
    <Section
      id="notifications"
      title="Notifications"
      icon={Bell}
      description="What also comes to you by e-mail"
    >
      <p className="text-sm text-slate-600">
        Everything appears in your{' '}
        <Link
          to="/notifications"
          className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800"
        >
          notification center
        </Link>
        . Choose which of these we also send you by e-mail; each change is saved right away.
      </p>
      {preferences.isPending ? (
        <ListSkeleton rows={3} label="Loading your notification settings…" />
      ) : preferences.isError ? (
        <ErrorAlert
          error={preferences.error}
          action={
            <Button variant="secondary" size="sm" onClick={() => preferences.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <PreferencesForm preferences={preferences.data} />
      )}
    </Section>
  )
}
