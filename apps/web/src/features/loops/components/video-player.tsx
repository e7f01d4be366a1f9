import type { VideoProvider } from '@loopquiz/contract'
import { ExternalLink, TriangleAlert } from 'lucide-react'
import { type Ref, useEffect, useEffectEvent, useImperativeHandle, useRef, useState } from 'react'
import { Spinner } from '../../../components/ui/spinner'
import type { CaptionCue } from '../utils/captions'
import {
  loadYouTubeIframeApi,
  type YouTubePlayer,
  YouTubePlayerState,
} from '../utils/youtube-iframe-api'

/** What the editor asks of the player, whichever kind it is. */
export interface PlayerHandle {
  /** Seconds into the video; null until the player is ready. */
  getCurrentTime(): number | null
  seekTo(seconds: number): void
  play(): void
  pause(): void
  /** The cues of the video's caption track; null when it has none (YouTube never does here). */
  readCaptionCues(): Promise<CaptionCue[] | null>
}

/** What the player tells the editor. */
export interface PlayerEvents {
  onReady?: (info: { durationS: number | null; title: string | null }) => void
  onPlayingChange?: (isPlaying: boolean) => void
  onEnded?: () => void
}

export interface PlayableVideo {
  url: string
  provider: VideoProvider
  videoId?: string
}

interface VideoPlayerProps extends PlayerEvents {
  ref?: Ref<PlayerHandle>
  video: PlayableVideo
  /** A WebVTT captions file for an HTML5 video. */
  captionsUrl?: string
  title: string
}

/** The video of the loop being edited: an HTML5 <video> for files, YouTube's player otherwise. */
export function VideoPlayer({ video, ...rest }: VideoPlayerProps) {
  return (
    <div className="relative aspect-video w-full overflow-hidden rounded-xl bg-slate-900">
      {video.provider === 'youtube' && video.videoId ? (
        <YouTubeVideo key={video.videoId} videoId={video.videoId} url={video.url} {...rest} />
      ) : (
        <Html5Video key={video.url} url={video.url} {...rest} />
      )}
    </div>
  )
}

function PlayerProblem({ message, url }: { message: string; url: string }) {
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-slate-900 p-4 text-center text-sm text-slate-100">
      <TriangleAlert aria-hidden className="size-6 text-amber-300" />
      <p role="alert">{message}</p>
      <a
        href={url}
        target="_blank"
        rel="noreferrer"
        className="inline-flex items-center gap-1 font-semibold text-white underline underline-offset-2"
      >
        Open the video
        <ExternalLink aria-hidden className="size-3.5" />
        <span className="sr-only">(opens in a new tab)</span>
      </a>
    </div>
  )
}

function PlayerLoading() {
  return (
    <div className="absolute inset-0 grid place-items-center text-slate-200">
      <Spinner className="size-6" label="Loading the video…" />
    </div>
  )
}

type Html5VideoProps = Omit<VideoPlayerProps, 'video'> & { url: string }

const TRACK_LOADED = 2
const TRACK_ERROR = 3

/** Waits until a <track> has fetched and parsed its file (it only does once it is not disabled). */
function trackLoaded(element: HTMLTrackElement): Promise<void> {
  if (element.readyState === TRACK_LOADED) return Promise.resolve()
  if (element.readyState === TRACK_ERROR) {
    return Promise.reject(new Error('The captions file could not be read.'))
  }
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => {
      reject(new Error('The captions file took too long to load.'))
    }, 15_000)
    element.addEventListener(
      'load',
      () => {
        window.clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
    element.addEventListener(
      'error',
      () => {
        window.clearTimeout(timer)
        reject(new Error('The captions file could not be read.'))
      },
      { once: true },
    )
  })
}

function Html5Video({
  ref,
  url,
  captionsUrl,
  title,
  onReady,
  onPlayingChange,
  onEnded,
}: Html5VideoProps) {
  const videoRef = useRef<HTMLVideoElement>(null)
  const trackRef = useRef<HTMLTrackElement>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')

  useImperativeHandle(
    ref,
    () => ({
      getCurrentTime: () => (state === 'ready' ? (videoRef.current?.currentTime ?? null) : null),
      seekTo: (seconds) => {
        if (videoRef.current) videoRef.current.currentTime = seconds
      },
      play: () => {
        // A refused play (autoplay rules) leaves the video paused, which the page shows.
        videoRef.current?.play().catch(() => undefined)
      },
      pause: () => videoRef.current?.pause(),
      readCaptionCues: async () => {
        const element = trackRef.current
        if (!element) return null
        // Cues load only for a track that is not disabled; hidden keeps them off the picture.
        if (element.track.mode === 'disabled') element.track.mode = 'hidden'
        await trackLoaded(element)
        return Array.from(element.track.cues ?? [], (cue) => ({
          startTime: cue.startTime,
          endTime: cue.endTime,
          text: 'text' in cue && typeof cue.text === 'string' ? cue.text : '',
        }))
      },
    }),
    [state],
  )

  const hasCaptions = Boolean(captionsUrl)
  return (
    <>
      {/* biome-ignore lint/a11y/useMediaCaption: a caption track is there whenever the author gave one; the video is the author's own, being marked up. */}
      <video
        ref={videoRef}
        src={url}
        // Reading a caption file from another site needs CORS on both; without captions the
        // video plays from any server, CORS or not.
        crossOrigin={hasCaptions ? 'anonymous' : undefined}
        controls={state !== 'failed'}
        playsInline
        preload="auto"
        aria-label={title ? `Video: ${title}` : 'Video'}
        className="size-full bg-black"
        onLoadedMetadata={(event) => {
          setState('ready')
          const duration = event.currentTarget.duration
          onReady?.({ durationS: Number.isFinite(duration) ? duration : null, title: null })
        }}
        onPlay={() => onPlayingChange?.(true)}
        onPause={() => onPlayingChange?.(false)}
        onEnded={() => onEnded?.()}
        onError={() => setState('failed')}
      >
        {captionsUrl ? (
          <track ref={trackRef} kind="captions" src={captionsUrl} srcLang="en" label="Captions" />
        ) : null}
      </video>
      {state === 'loading' ? <PlayerLoading /> : null}
      {state === 'failed' ? (
        <PlayerProblem
          url={url}
          message={
            hasCaptions
              ? 'This video can’t be played here. With a captions file, the video’s server must allow other sites to read it (CORS).'
              : 'This video can’t be played here: check that the link is a video file.'
          }
        />
      ) : null}
    </>
  )
}

type YouTubeVideoProps = Omit<VideoPlayerProps, 'video' | 'captionsUrl'> & {
  videoId: string
  url: string
}

function YouTubeVideo({
  ref,
  videoId,
  url,
  title,
  onReady,
  onPlayingChange,
  onEnded,
}: YouTubeVideoProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const playerRef = useRef<YouTubePlayer | null>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')

  const handleReady = useEffectEvent((player: YouTubePlayer) => {
    playerRef.current = player
    player.getIframe().title = title ? `YouTube video: ${title}` : 'YouTube video'
    setState('ready')
    const duration = player.getDuration()
    onReady?.({
      durationS: duration > 0 ? duration : null,
      title: player.getVideoData?.()?.title || null,
    })
  })
  const handleStateChange = useEffectEvent((state: number) => {
    if (state === YouTubePlayerState.PLAYING) onPlayingChange?.(true)
    if (state === YouTubePlayerState.PAUSED) onPlayingChange?.(false)
    if (state === YouTubePlayerState.ENDED) {
      onPlayingChange?.(false)
      onEnded?.()
    }
  })
  const handleFailure = useEffectEvent(() => setState('failed'))

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    let isCancelled = false
    let player: YouTubePlayer | null = null
    // YouTube replaces this element with its iframe, so it is one React does not own.
    const mount = document.createElement('div')
    host.replaceChildren(mount)
    loadYouTubeIframeApi().then(
      (YT) => {
        if (isCancelled) return
        player = new YT.Player(mount, {
          host: 'https://www.youtube-nocookie.com',
          videoId,
          width: '100%',
          height: '100%',
          playerVars: { rel: 0, playsinline: 1, origin: window.location.origin },
          events: {
            onReady: (event) => handleReady(event.target),
            onStateChange: (event) => handleStateChange(event.data),
            onError: () => handleFailure(),
          },
        })
      },
      () => {
        if (!isCancelled) handleFailure()
      },
    )
    return () => {
      isCancelled = true
      player?.destroy()
      playerRef.current = null
      host.replaceChildren()
    }
  }, [videoId])

  useImperativeHandle(
    ref,
    () => ({
      getCurrentTime: () =>
        state === 'ready' ? (playerRef.current?.getCurrentTime() ?? null) : null,
      seekTo: (seconds) => playerRef.current?.seekTo(seconds, true),
      play: () => playerRef.current?.playVideo(),
      pause: () => playerRef.current?.pauseVideo(),
      readCaptionCues: async () => null,
    }),
    [state],
  )

  return (
    <>
      <div ref={hostRef} className="size-full [&>iframe]:size-full" />
      {state === 'loading' ? <PlayerLoading /> : null}
      {state === 'failed' ? (
        <PlayerProblem
          url={url}
          message="The YouTube player could not load here (offline, blocked, or the video does not allow embedding)."
        />
      ) : null}
    </>
  )
}
