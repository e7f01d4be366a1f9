import { Play } from 'lucide-react'
import { useState } from 'react'
import { preconnect } from 'react-dom'

const EMBED_ORIGIN = 'https://www.youtube-nocookie.com'

// Focus follows the press into the player, so keyboard users go on from there. Defined once
// so that React calls it on mount only, not again on each render.
function focusOnMount(frame: HTMLIFrameElement | null) {
  frame?.focus()
}

interface LiteYouTubePlayerProps {
  videoId: string
  videoTitle: string
  startS: number
  endS: number
}

/**
 * A YouTube loop that costs the page one thumbnail until it is played. The real player is
 * about a megabyte of third-party script and frames: loaded with the page, it competed with
 * the question for a phone's network and CPU, and a slow or blocked YouTube held the page.
 * Pressing play swaps in the player, already playing, as lite-youtube-embed does.
 */
export function LiteYouTubePlayer({ videoId, videoTitle, startS, endS }: LiteYouTubePlayerProps) {
  const [isActivated, setIsActivated] = useState(false)
  const [hasThumbnail, setHasThumbnail] = useState(true)
  const id = encodeURIComponent(videoId)

  if (isActivated) {
    // The loop plays from its start and YouTube stops it at its end, as before.
    const src = `${EMBED_ORIGIN}/embed/${id}?start=${Math.floor(startS)}&end=${Math.ceil(endS)}&rel=0&autoplay=1`
    return (
      <iframe
        ref={focusOnMount}
        src={src}
        title={`YouTube video: ${videoTitle}`}
        className="size-full"
        allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"
        referrerPolicy="strict-origin-when-cross-origin"
        allowFullScreen
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
