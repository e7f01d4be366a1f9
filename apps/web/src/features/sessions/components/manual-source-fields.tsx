import { QuestionEditor, type ValidationErrors, validateDrafts } from '@loopquiz/editor'
import { CirclePlay, Video } from 'lucide-react'
import { Badge } from '../../../components/ui/badge'
import { TextField } from '../../../components/ui/text-field'
import { type ManualDraft, questionErrorsOf, type SourceErrors } from '../utils/source-draft'
import { detectVideo } from '../utils/video-source'

interface ManualSourceFieldsProps {
  value: ManualDraft
  onChange: (value: ManualDraft) => void
  errors: SourceErrors
}

/** A loop typed in by hand: the video's address and title, the segment, and the questions. */
export function ManualSourceFields({ value, onChange, errors }: ManualSourceFieldsProps) {
  const change = (next: Partial<ManualDraft>) => onChange({ ...value, ...next })
  const video = detectVideo(value.videoUrl)
  // Once a submit found something wrong with a question, its messages follow the edits, so
  // a fixed field stops saying it is wrong (questions added since are not judged yet).
  const submitted = questionErrorsOf(errors)
  const live = validateDrafts(value.questions).errors?.questions ?? {}
  const questionErrors: ValidationErrors = {
    ...submitted,
    questions: Object.fromEntries(
      Object.keys(submitted.questions).flatMap((key) => (live[key] ? [[key, live[key]]] : [])),
    ),
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <TextField
          label="Video URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://www.youtube.com/watch?v=…"
          value={value.videoUrl}
          onChange={(event) => change({ videoUrl: event.target.value })}
          error={errors.videoUrl}
        />
        {video ? (
          <p role="status" className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
            {video.provider === 'youtube' ? (
              <Badge tone="danger">
                <CirclePlay aria-hidden className="size-3" />
                YouTube video {video.videoId}
              </Badge>
            ) : (
              <Badge>
                <Video aria-hidden className="size-3" />
                HTML5 video
              </Badge>
            )}
          </p>
        ) : null}
      </div>
      <TextField
        label="Video title"
        maxLength={300}
        value={value.videoTitle}
        onChange={(event) => change({ videoTitle: event.target.value })}
        error={errors.videoTitle}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Loop start (seconds)"
          type="number"
          inputMode="decimal"
          min={0}
          value={value.startS}
          onChange={(event) => change({ startS: event.target.value })}
          error={errors.startS}
        />
        <TextField
          label="Loop end (seconds)"
          type="number"
          inputMode="decimal"
          min={0}
          value={value.endS}
          onChange={(event) => change({ endS: event.target.value })}
          error={errors.endS}
        />
      </div>
      <QuestionEditor
        questions={value.questions}
        onChange={(questions) => change({ questions })}
        errors={questionErrors}
      />
    </div>
  )
}
