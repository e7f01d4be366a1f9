import type { LoopSnapshot } from '@loopquiz/contract'
import { ExternalLink, UserRound, VideoOff } from 'lucide-react'
import { type SyntheticEvent, useCallback, useEffect, useRef, useState } from 'react'
import { LoopSegment } from '../../../components/loop-summary'
import { Card } from '../../../components/ui/card'
import { LiteYouTubePlayer } from './lite-youtube-player'

/** The YouTube id from the loop, or parsed from its URL (watch, youtu.be, shorts, embed). */
function youtubeIdOf(loop: LoopSnapshot): string | null {
  if (loop.videoId) return loop.videoId
  try {
    const url = new URL(loop.videoUrl)
    if (url.hostname === 'youtu.be') return url.pathname.slice(1) || null
    const fromQuery = url.searchParams.get('v')
    if (fromQuery) return fromQuery
    const match = url.pathname.match(/^\/(?:shorts|embed|live)\/([\w-]+)/)
    return match?.[1] ?? null
  } catch {
    return null
  }
}

/** In place of a player that failed (offline, blocked, removed): the questions work without it. */
function VideoUnavailable({ videoUrl }: { videoUrl: string }) {
  return (
    <div
      role="status"
      className="flex h-full flex-col items-center justify-center gap-2 p-6 text-center text-slate-300"
    >
      <VideoOff aria-hidden className="size-8" />
      <p className="font-semibold text-white">The video could not be loaded.</p>
      <p className="text-sm">You can still answer the questions.</p>
      <a
        href={videoUrl}
        target="_blank"
        rel="noopener"
        className="mt-1 inline-flex items-center gap-1.5 rounded-lg bg-white px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
      >
        Open the video
        <ExternalLink aria-hidden className="size-3.5" />
        <span className="sr-only">(opens in a new tab)</span>
      </a>
    </div>
  )
}

/** Plays only the loop, over and over: from its start, back to it whenever playback reaches its end. */
function Html5Player({ loop, onError }: { loop: LoopSnapshot; onError: () => void }) {
  // A source that fails at once (a blocked port, no network) may fire its error event before
  // React has committed the element, and React drops such events: check once it is in place.
  const videoRef = useRef<HTMLVideoElement>(null)
  useEffect(() => {
    if (videoRef.current?.error) onError()
  }, [onError])
  function handleTimeUpdate(event: SyntheticEvent<HTMLVideoElement>) {
    const video = event.currentTarget
    // Only playback running across the end loops back; a deliberate seek past it is respected.
    if (video.currentTime >= loop.endS && video.currentTime < loop.endS + 1) {
      video.currentTime = loop.startS
    }
  }
  return (
    // biome-ignore lint/a11y/useMediaCaption: third-party videos come without caption files
    <video
      ref={videoRef}
      controls
      playsInline
      preload="metadata"
      src={loop.videoUrl}
      aria-label={`Video: ${loop.videoTitle}`}
      className="size-full bg-black"
      onLoadedMetadata={(event) => {
        event.currentTarget.currentTime = loop.startS
      }}
      onTimeUpdate={handleTimeUpdate}
      // A loop that ends with the file itself: the file's end loops back to the loop's start.
      onEnded={(event) => {
        event.currentTarget.currentTime = loop.startS
        void event.currentTarget.play().catch(() => undefined)
      }}
      onError={onError}
    />
  )
}

interface VideoHeaderProps {
  title: string
  ownerName: string
  loop: LoopSnapshot
}

/** The quiz's video and what it is: always the title, a link to the video and the segment. */
export function VideoHeader({ title, ownerName, loop }: VideoHeaderProps) {
  const [hasVideoError, setHasVideoError] = useState(false)
  const showVideoError = useCallback(() => setHasVideoError(true), [])
  const youtubeId = loop.provider === 'youtube' ? youtubeIdOf(loop) : null
  const canPlay = !hasVideoError && (loop.provider === 'html5' || youtubeId !== null)

  return (
    <Card className="overflow-hidden">
      <div className="aspect-video w-full bg-slate-900">
        {!canPlay ? (
          <VideoUnavailable videoUrl={loop.videoUrl} />
        ) : youtubeId ? (
          <LiteYouTubePlayer
            videoId={youtubeId}
            videoTitle={loop.videoTitle}
            startS={loop.startS}
            endS={loop.endS}
            onError={showVideoError}
          />
        ) : (
          <Html5Player loop={loop} onError={showVideoError} />
        )}
      </div>
      <div className="flex flex-col gap-3 p-4 sm:p-6">
        <h1 className="text-2xl font-extrabold tracking-tight text-balance text-slate-900 sm:text-3xl">
          {title}
        </h1>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
          <a
            href={loop.videoUrl}
            target="_blank"
            rel="noreferrer"
            className="inline-flex min-w-0 items-center gap-1.5 font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            <span className="truncate">{loop.videoTitle}</span>
            <ExternalLink aria-hidden className="size-3.5 shrink-0" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
          <LoopSegment
            loop={loop}
            className="inline-flex items-center gap-1.5 rounded-full bg-brand-50 px-2.5 py-0.5 font-semibold text-brand-800 tabular-nums"
          />
          <span className="inline-flex items-center gap-1.5">
            <UserRound aria-hidden className="size-3.5" />
            Shared by {ownerName}
          </span>
        </div>
      </div>
    </Card>
  )
}
