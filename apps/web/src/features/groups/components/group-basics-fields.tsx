import type { GroupPrivacy, UpdateGroupBody } from '@loopquiz/contract'
import clsx from 'clsx'
import { useMemo } from 'react'
import { Combobox } from '../../../components/ui/combobox'
import { TextField } from '../../../components/ui/text-field'
import { TextareaField } from '../../../components/ui/textarea-field'
import { privacyLabels } from '../utils/labels'
import { matchTimeZones, timeZoneOptions } from '../utils/time-zones'

const MAX_TAGS = 10
const MAX_TAG_LENGTH = 32

/** The basic info of a group as typed in a form; tags as one comma-separated line. */
export interface GroupBasicsValues {
  name: string
  description: string
  privacy: GroupPrivacy
  timezone: string
  tagsText: string
}

export interface GroupBasicsErrors {
  name?: string
  tags?: string
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ]
}

export function validateGroupBasics(values: GroupBasicsValues): GroupBasicsErrors {
  const tags = parseTags(values.tagsText)
  let tagsError: string | undefined
  if (tags.length > MAX_TAGS) tagsError = `Use at most ${MAX_TAGS} tags.`
  else if (tags.some((tag) => tag.length > MAX_TAG_LENGTH))
    tagsError = `Keep each tag under ${MAX_TAG_LENGTH + 1} characters.`
  return {
    name: values.name.trim() ? undefined : 'Give the group a name.',
    tags: tagsError,
  }
}

export function toGroupBody(values: GroupBasicsValues): Required<UpdateGroupBody> {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    privacy: values.privacy,
    timezone: values.timezone,
    tags: parseTags(values.tagsText),
  }
}

interface GroupBasicsFieldsProps {
  values: GroupBasicsValues
  errors: GroupBasicsErrors
  onChange: (values: GroupBasicsValues) => void
}

/** Name, description, privacy, time zone and tags: shared by "Create group" and Settings. */
export function GroupBasicsFields({ values, errors, onChange }: GroupBasicsFieldsProps) {
  const zones = useMemo(() => timeZoneOptions(values.timezone), [values.timezone])
  const set = <K extends keyof GroupBasicsValues>(key: K, value: GroupBasicsValues[K]) =>
    onChange({ ...values, [key]: value })

  return (
    <>
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        maxLength={100}
        value={values.name}
        onChange={(event) => set('name', event.target.value)}
        error={errors.name}
        required
      />
      <TextareaField
        label="Description"
        name="description"
        hint="Optional. What the group is for, who it is for."
        maxLength={2000}
        value={values.description}
        onChange={(event) => set('description', event.target.value)}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-semibold text-slate-800">Privacy</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {(['private', 'public'] as const).map((privacy) => (
            <label
              key={privacy}
              className={clsx(
                'flex cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 ring-inset transition-colors',
                'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
                values.privacy === privacy
                  ? 'bg-brand-50 ring-2 ring-brand-500'
                  : 'bg-white ring-slate-300 hover:ring-slate-400',
              )}
            >
              <input
                type="radio"
                name="privacy"
                value={privacy}
                checked={values.privacy === privacy}
                onChange={() => set('privacy', privacy)}
                className="mt-0.5 size-4 shrink-0 accent-brand-600"
              />
              <span className="flex flex-col gap-0.5">
                <span className="text-sm font-semibold text-slate-900">
                  {privacyLabels[privacy].title}
                </span>
                <span className="text-xs text-slate-600">{privacyLabels[privacy].description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Combobox
        label="Time zone"
        name="timezone"
        hint="Type a city or region. Scheduled sessions and allowed time slots use this time zone."
        options={zones}
        value={values.timezone}
        onChange={(zone) => set('timezone', zone)}
        filter={matchTimeZones}
        noMatchText={(query) => `No time zone matches “${query}”`}
      />
      <TextField
        label="Tags"
        name="tags"
        autoComplete="off"
        hint="Optional. Separate with commas, e.g. physics, year 10."
        value={values.tagsText}
        onChange={(event) => set('tagsText', event.target.value)}
        error={errors.tags}
      />
    </>
  )
}
