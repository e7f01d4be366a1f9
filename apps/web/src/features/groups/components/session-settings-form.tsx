import {
  type Group,
  type GroupSettings,
  type PermissionLevel,
  permissionLevelSchema,
} from '@loopquiz/contract'
import { CalendarCog } from 'lucide-react'
import { type FormEvent, useId, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { SaveStatus } from '../../../components/ui/save-status'
import { Section } from '../../../components/ui/section'
import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import { useUpdateGroupSettings } from '../api/update-group-settings'
import { permissionLevelLabels } from '../utils/labels'
import {
  firstInvalidSlot,
  type TimeSlotRow,
  TimeSlotsEditor,
  toTimeSlotRows,
  toTimeSlots,
} from './time-slots-editor'

const MAX_NOTICE_HOURS = 720

interface SettingsValues {
  sessionCreation: PermissionLevel
  instantSession: PermissionLevel
  isApprovalRequired: boolean
  noticeHours: string
  slots: TimeSlotRow[]
}

function valuesOf(settings: GroupSettings): SettingsValues {
  return {
    sessionCreation: settings.session_creation_permission,
    instantSession: settings.instant_session_permission,
    isApprovalRequired: settings.session_approval_required,
    noticeHours: String(settings.advance_notice_hours),
    slots: toTimeSlotRows(settings.allowed_time_slots),
  }
}

function parseNoticeHours(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const hours = Number(text)
  return hours <= MAX_NOTICE_HOURS ? hours : null
}

function PermissionSelect({
  label,
  hint,
  value,
  onChange,
}: {
  label: string
  hint: string
  value: PermissionLevel
  onChange: (value: PermissionLevel) => void
}) {
  return (
    <SelectField
      label={label}
      hint={hint}
      value={value}
      onChange={(event) => onChange(permissionLevelSchema.parse(event.target.value))}
    >
      {permissionLevelSchema.options.map((level) => (
        <option key={level} value={level}>
          {permissionLevelLabels[level]}
        </option>
      ))}
    </SelectField>
  )
}

/** Settings → session permissions: who may create sessions, approval, notice, allowed slots. */
export function SessionSettingsForm({ group }: { group: Group }) {
  const save = useUpdateGroupSettings(group.id)
  const [values, setValues] = useState(() => valuesOf(group.settings))
  const [noticeError, setNoticeError] = useState<string>()
  const [invalidSlot, setInvalidSlot] = useState(-1)
  const approvalHintId = useId()

  function change(next: Partial<SettingsValues>) {
    setValues((current) => ({ ...current, ...next }))
    if (save.isSuccess) save.reset()
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const hours = parseNoticeHours(values.noticeHours)
    const badSlot = firstInvalidSlot(values.slots)
    setNoticeError(
      hours === null ? `Enter a whole number of hours from 0 to ${MAX_NOTICE_HOURS}.` : undefined,
    )
    setInvalidSlot(badSlot)
    if (hours === null || badSlot >= 0) return
    save.mutate(
      {
        session_creation_permission: values.sessionCreation,
        instant_session_permission: values.instantSession,
        session_approval_required: values.isApprovalRequired,
        advance_notice_hours: hours,
        allowed_time_slots: toTimeSlots(values.slots),
      },
      { onSuccess: (saved) => setValues(valuesOf(saved.settings)) },
    )
  }

  return (
    <Section
      id="session-permissions"
      title="Session permissions"
      icon={CalendarCog}
      description="Who can run sessions in this group, and when"
    >
      <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <PermissionSelect
            label="Who can schedule sessions"
            hint="Planned sessions, one-off or recurring."
            value={values.sessionCreation}
            onChange={(sessionCreation) => change({ sessionCreation })}
          />
          <PermissionSelect
            label="Who can start instant sessions"
            hint="Sessions that start at once, with “Start instant session”."
            value={values.instantSession}
            onChange={(instantSession) => change({ instantSession })}
          />
        </div>
        <label className="flex cursor-pointer items-start gap-3 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
          <input
            type="checkbox"
            checked={values.isApprovalRequired}
            aria-describedby={approvalHintId}
            onChange={(event) => change({ isApprovalRequired: event.target.checked })}
            className="mt-0.5 size-4 shrink-0 accent-brand-600"
          />
          <span className="flex flex-col gap-0.5">
            <span className="text-sm font-semibold text-slate-900">
              Sessions by members need approval
            </span>
            <span id={approvalHintId} className="text-xs text-slate-600">
              A session scheduled by a plain member waits until an owner or admin approves it.
            </span>
          </span>
        </label>
        <TextField
          label="Advance notice (hours)"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_NOTICE_HOURS}
          step={1}
          hint="Scheduled sessions must start at least this many hours ahead. 0 = no notice needed."
          className="sm:max-w-xs"
          value={values.noticeHours}
          onChange={(event) => change({ noticeHours: event.target.value })}
          error={noticeError}
        />
        <TimeSlotsEditor
          rows={values.slots}
          onChange={(slots) => change({ slots })}
          timezone={group.timezone}
          invalidIndex={invalidSlot}
        />
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
          <Button type="submit" isLoading={save.isPending}>
            Save session permissions
          </Button>
          <SaveStatus isSaved={save.isSuccess} />
        </div>
      </form>
    </Section>
  )
}
