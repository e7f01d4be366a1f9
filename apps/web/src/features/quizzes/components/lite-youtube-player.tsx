import { Play } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { preconnect } from 'react-dom'

const EMBED_ORIGIN = 'https://www.youtube-nocookie.com'
// The player's error codes: bad id (2), HTML5 failure (5), removed or private (100), the
// owner forbids embedding (101, 150), embedding misconfigured (153).
const PLAYER_ERRORS = new Set([2, 5, 100, 101, 150, 153])
// A player that has said nothing this long after its frame was added did not load (offline,
// or YouTube blocked on this network).
const SILENCE_LIMIT_MS = 15_000
const PLAYER_ENDED = 0

interface LiteYouTubePlayerProps {
  videoId: string
  videoTitle: string
  startS: number
  endS: number
  /** The player could not load or play the video. */
  onError: () => void
}

/** A message from the embedded player, as its postMessage protocol sends them (JSON strings). */
function parsePlayerMessage(data: unknown): { event?: string; info?: unknown } | null {
  if (typeof data !== 'string') return null
  try {
    const message: unknown = JSON.parse(data)
    return typeof message === 'object' && message !== null ? message : null
  } catch {
    return null
  }
}

function endedState(message: { event?: string; info?: unknown }): boolean {
  if (message.event === 'onStateChange') return message.info === PLAYER_ENDED
  if (message.event === 'infoDelivery' && typeof message.info === 'object' && message.info) {
    return (message.info as { playerState?: unknown }).playerState === PLAYER_ENDED
  }
  return false
}

/**
 * The embedded player, listened to through the postMessage protocol its own IFrame API uses
 * (the API's script is third-party code the page's CSP does not run): an error or a silent
 * player reports `onError`, and reaching the loop's end (`end=`) seeks back to its start, so
 * the loop plays over and over as the HTML5 player's does.
 */
function YouTubeFrame({
  src,
  title,
  startS,
  onError,
}: {
  src: string
  title: string
  startS: number
  onError: () => void
}) {
  const frameRef = useRef<HTMLIFrameElement>(null)
  const onErrorRef = useRef(onError)
  onErrorRef.current = onError

  useEffect(() => {
    const frame = frameRef.current
    frame?.focus()
    let hasSpoken = false
    const post = (message: object) =>
      frame?.contentWindow?.postMessage(
        JSON.stringify({ ...message, id: 1, channel: 'widget' }),
        EMBED_ORIGIN,
      )
    // The player speaks only once told someone listens; it may not be ready the first time.
    const listening = window.setInterval(() => {
      if (!hasSpoken) post({ event: 'listening' })
    }, 250)
    const silence = window.setTimeout(() => {
      if (!hasSpoken) onErrorRef.current()
    }, SILENCE_LIMIT_MS)
    function handleMessage(event: MessageEvent) {
      if (event.origin !== EMBED_ORIGIN || event.source !== frame?.contentWindow) return
      const message = parsePlayerMessage(event.data)
      if (!message) return
      hasSpoken = true
      window.clearInterval(listening)
      if (message.event === 'onError' && PLAYER_ERRORS.has(Number(message.info))) {
        onErrorRef.current()
      } else if (endedState(message)) {
        post({ event: 'command', func: 'seekTo', args: [startS, true] })
        post({ event: 'command', func: 'playVideo', args: [] })
      }
    }
    window.addEventListener('message', handleMessage)
    return () => {
      window.clearInterval(listening)
      window.clearTimeout(silence)
      window.removeEventListener('message', handleMessage)
    }
  }, [startS])

  return (
    <iframe
      ref={frameRef}
      src={src}
      title={title}
      className="size-full"
      allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"
      referrerPolicy="strict-origin-when-cross-origin"
      allowFullScreen
    />
  )
}

/**
 * A YouTube loop that costs the page one thumbnail until it is played. The real player is
 * about a megabyte of third-party script and frames: loaded with the page, it competed with
 * the question for a phone's network and CPU, and a slow or blocked YouTube held the page.
 * Pressing play swaps in the player, already playing, as lite-youtube-embed does.
 */
export function LiteYouTubePlayer({
  videoId,
  videoTitle,
  startS,
  endS,
  onError,
}: LiteYouTubePlayerProps) {
  const [isActivated, setIsActivated] = useState(false)
  const [hasThumbnail, setHasThumbnail] = useState(true)
  const id = encodeURIComponent(videoId)

  if (isActivated) {
    // The loop plays from its start; YouTube stops it at its end, and the frame loops it back.
    const origin = encodeURIComponent(window.location.origin)
    const src = `${EMBED_ORIGIN}/embed/${id}?start=${Math.floor(startS)}&end=${Math.ceil(endS)}&rel=0&autoplay=1&enablejsapi=1&origin=${origin}`
    return (
      <YouTubeFrame
        src={src}
        title={`YouTube video: ${videoTitle}`}
        startS={startS}
        onError={onError}
      />
    )
  }

  // Warming the connection when a press is likely saves a round trip or two once it comes.
  const warmUp = () => preconnect(EMBED_ORIGIN)
  return (
    <button
      type="button"
      aria-label={`Play video: ${videoTitle}`}
      className="group relative block size-full cursor-pointer overflow-hidden focus-visible:outline-4 focus-visible:-outline-offset-4 focus-visible:outline-brand-400"
      onPointerEnter={warmUp}
      onFocus={warmUp}
      onClick={() => setIsActivated(true)}
    >
      {hasThumbnail && (
        <img
          src={`https://i.ytimg.com/vi/${id}/hqdefault.jpg`}
          alt=""
          // 4:3 with the video letterboxed inside: cropped to the 16:9 frame, the bars go.
          className="size-full object-cover"
          width={480}
          height={360}
          decoding="async"
          onError={() => setHasThumbnail(false)}
        />
      )}
      <span
        aria-hidden
        className="absolute inset-0 grid place-items-center bg-linear-to-t from-slate-950/50 via-transparent to-transparent"
      >
        <span className="grid size-16 place-items-center rounded-full bg-brand-600/90 text-white shadow-lg ring-4 ring-white/30 transition-transform group-hover:scale-110 group-hover:bg-brand-600">
          <Play className="ml-1 size-7 fill-current" />
        </span>
      </span>
    </button>
  )
}
