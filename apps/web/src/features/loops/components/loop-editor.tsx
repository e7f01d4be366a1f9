import type { Loop } from '@loopquiz/contract'
import { formatClock, QuestionEditor } from '@loopquiz/editor'
import { Captions, Film, ListChecks, Pause, Play, ScrollText } from 'lucide-react'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Section } from '../../../components/ui/section'
import { TextField } from '../../../components/ui/text-field'
import { TextareaField } from '../../../components/ui/textarea-field'
import { describeError } from '../../../lib/errors'
import { useLoopDraft } from '../hooks/use-loop-draft'
import { useLoopPlayback } from '../hooks/use-loop-playback'
import { captionText } from '../utils/captions'
import { type DetectVideo, questionErrorsOf } from '../utils/loop-draft'
import { DeleteLoopButton } from './delete-loop-button'
import { LoopTimes } from './loop-times'
import { SaveIndicator } from './save-indicator'
import { type PlayableVideo, type PlayerHandle, VideoPlayer } from './video-player'

// A link is loaded into the player once typing pauses, not on every keystroke.
const LOAD_VIDEO_AFTER_MS = 600

/** The video link as the player should load it: follows the field, a moment behind typing. */
function useSettledValue(value: string): string {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), LOAD_VIDEO_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [value])
  return settled
}

interface LoopEditorProps {
  userId: string
  /** The saved loop to edit; null for a new one. */
  loop: Loop | null
  detectVideo: DetectVideo
  onCreated: (loop: Loop) => void
  onDeleted: () => void
  /** Sharing the saved loop as a quiz, supplied by the page. */
  renderShare: (loop: Loop) => ReactNode
}

function pendingNotice(count: number): string {
  return count === 1
    ? '1 question needs attention before it is saved.'
    : `${count} questions need attention before they are saved.`
}

/**
 * Making or changing a loop: the video and its moment, title, transcript and questions,
 * saved as the author goes.
 */
export function LoopEditor({
  userId,
  loop,
  detectVideo,
  onCreated,
  onDeleted,
  renderShare,
}: LoopEditorProps) {
  const { draft, update, saveState, savedLoop, plan, retry, forget } = useLoopDraft({
    userId,
    loop,
    detectVideo,
    onCreated,
  })
  const playerRef = useRef<PlayerHandle>(null)
  const [player, setPlayer] = useState<{ url: string; durationS: number | null } | null>(null)
  const [captionsNote, setCaptionsNote] = useState<{ text: string; isError: boolean } | null>(null)
  const [isReadingCaptions, setIsReadingCaptions] = useState(false)

  const settledUrl = useSettledValue(draft.videoUrl.trim())
  const detected = settledUrl ? detectVideo(settledUrl) : null
  const video: PlayableVideo | null = detected ? { url: settledUrl, ...detected } : null
  const isHtml5 = detected?.provider !== 'youtube'
  const isPlayerReady = player !== null && player.url === video?.url
  const durationS = isPlayerReady ? player.durationS : null
  const playback = useLoopPlayback({
    player: playerRef,
    startS: draft.startS,
    endS: draft.endS,
    durationS,
  })
  const getCurrentTime = () => playerRef.current?.getCurrentTime() ?? null
  const videoUrlError =
    draft.videoUrl.trim() && !detectVideo(draft.videoUrl)
      ? 'Paste a link that starts with http:// or https://.'
      : undefined
  const pendingQuestions = plan.kind === 'ready' ? plan.pendingQuestions : 0

  async function readCaptions() {
    setCaptionsNote(null)
    setIsReadingCaptions(true)
    try {
      const cues = await playerRef.current?.readCaptionCues()
      if (!cues) {
        setCaptionsNote({ text: 'This video has no captions to read.', isError: true })
        return
      }
      const { startS, endS } = draft
      const range = startS !== null && endS !== null && endS > startS ? { startS, endS } : undefined
      const text = captionText(cues, range)
      if (!text) {
        setCaptionsNote({
          text: range
            ? `No captions between ${formatClock(range.startS)} and ${formatClock(range.endS)}.`
            : 'The captions file has no text.',
          isError: true,
        })
        return
      }
      update((current) => ({
        ...current,
        transcript: current.transcript.trim() ? `${current.transcript.trimEnd()}\n${text}` : text,
      }))
      const lines = text.split('\n').length
      setCaptionsNote({
        text: `Added ${lines} ${lines === 1 ? 'caption' : 'captions'}${range ? ' from the loop' : ''} to the transcript.`,
        isError: false,
      })
    } catch (error) {
      setCaptionsNote({ text: describeError(error).message, isError: true })
    } finally {
      setIsReadingCaptions(false)
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">
            {savedLoop ? 'Edit loop' : 'New loop'}
          </h1>
          <p className="text-slate-600">
            Paste a video, mark the moment and write questions about it. Changes save as you go.
          </p>
          <SaveIndicator state={saveState} isCreated={savedLoop !== null} onRetry={retry} />
        </div>
        {savedLoop ? (
          <div className="flex flex-wrap items-start gap-2 sm:justify-end">
            {savedLoop.questions.length > 0 ? (
              renderShare(savedLoop)
            ) : (
              <p className="text-sm text-slate-500">Add a question to share this loop as a quiz.</p>
            )}
            <DeleteLoopButton
              loopId={savedLoop.id}
              title={savedLoop.videoTitle}
              onDeleted={() => {
                forget()
                onDeleted()
              }}
            />
          </div>
        ) : null}
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
        <Section id="loop-video" title="Video" icon={Film} description="The moment to ask about">
          <div className="flex flex-col gap-4">
            <TextField
              label="Video link"
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://www.youtube.com/watch?v=…"
              hint="A YouTube link, or the address of a video file (MP4, WebM)."
              value={draft.videoUrl}
              error={videoUrlError}
              onChange={(event) => update({ videoUrl: event.target.value })}
            />
            {isHtml5 ? (
              <TextField
                label="Captions file (optional)"
                type="url"
                inputMode="url"
                autoComplete="off"
                placeholder="https://…/captions.vtt"
                hint="A WebVTT (.vtt) file for a video file, to read into the transcript. Its server and the video’s must allow other sites to read them (CORS). Kept in this browser only."
                value={draft.captionsUrl}
                onChange={(event) => update({ captionsUrl: event.target.value })}
              />
            ) : null}
            {video ? (
              <VideoPlayer
                ref={playerRef}
                video={video}
                captionsUrl={isHtml5 ? draft.captionsUrl.trim() || undefined : undefined}
                title={draft.videoTitle}
                onReady={(info) => {
                  setPlayer({ url: video.url, durationS: info.durationS })
                  // Opening a saved loop shows its first frame, not the video's.
                  if (draft.startS !== null) playerRef.current?.seekTo(draft.startS)
                  if (info.title && !draft.videoTitle.trim()) update({ videoTitle: info.title })
                }}
                onPlayingChange={playback.onPlayingChange}
              />
            ) : (
              <div className="grid aspect-video w-full place-items-center rounded-xl border border-dashed border-slate-300 bg-slate-50 p-4 text-center text-sm text-slate-600">
                Paste a video link above and the player appears here.
              </div>
            )}
            <LoopTimes
              startS={draft.startS}
              endS={draft.endS}
              onChange={update}
              onSeek={(seconds) => playerRef.current?.seekTo(seconds)}
              getCurrentTime={getCurrentTime}
              isPlayerReady={isPlayerReady}
            />
            <div className="flex flex-wrap items-center gap-3">
              {playback.isLooping ? (
                <Button variant="secondary" onClick={playback.pause}>
                  <Pause aria-hidden className="size-4" />
                  Pause
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  disabled={!isPlayerReady || !playback.canLoop}
                  onClick={playback.playLoop}
                >
                  <Play aria-hidden className="size-4" />
                  Play loop
                </Button>
              )}
              <p className="text-sm text-slate-500">
                {isPlayerReady
                  ? 'Plays from the start to the end, over and over, until paused.'
                  : 'Set start and Set end take the time the player is at, once it has loaded.'}
              </p>
            </div>
          </div>
        </Section>

        <Section
          id="loop-details"
          title="Details"
          icon={ScrollText}
          description="What quiz takers see, and what is said"
        >
          <div className="flex flex-col gap-4">
            <TextField
              label="Title"
              autoComplete="off"
              maxLength={300}
              placeholder="e.g. The fox and the dog"
              hint={
                isHtml5
                  ? 'Name the video as quiz takers will see it.'
                  : 'Filled in from YouTube when left empty.'
              }
              value={draft.videoTitle}
              onChange={(event) => update({ videoTitle: event.target.value })}
            />
            <TextareaField
              label="Transcript (optional)"
              rows={7}
              hint="Type or paste what is said in the loop. Question suggestions are made from it."
              value={draft.transcript}
              onChange={(event) => update({ transcript: event.target.value })}
            />
            {isHtml5 && draft.captionsUrl.trim() && video ? (
              <div className="flex flex-col items-start gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={!isPlayerReady}
                  isLoading={isReadingCaptions}
                  onClick={() => void readCaptions()}
                >
                  <Captions aria-hidden className="size-4" />
                  Read captions from the video
                </Button>
              </div>
            ) : (
              <p className="text-sm text-slate-500">
                {isHtml5
                  ? 'Give a captions file with a video file to read its captions into the transcript.'
                  : 'YouTube captions can’t be read here: paste the transcript instead.'}
              </p>
            )}
            <p
              role="status"
              className={
                captionsNote?.isError ? 'text-sm text-rose-700' : 'text-sm text-emerald-700'
              }
            >
              {captionsNote?.text}
            </p>
          </div>
        </Section>
      </div>

      <Section
        id="loop-questions"
        title="Questions"
        icon={ListChecks}
        description="Asked about this loop when it is shared or used in a session"
      >
        <div className="flex flex-col gap-4">
          <div role="status">
            {pendingQuestions > 0 ? (
              <p className="rounded-xl bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900 ring-1 ring-amber-200">
                {pendingNotice(pendingQuestions)} They are kept in this browser until then.
              </p>
            ) : null}
          </div>
          <QuestionEditor
            questions={draft.questions}
            onChange={(questions) => update({ questions })}
            errors={questionErrorsOf(draft)}
            getCurrentTime={isPlayerReady ? getCurrentTime : undefined}
            transcript={draft.transcript}
          />
        </div>
      </Section>
    </div>
  )
}
