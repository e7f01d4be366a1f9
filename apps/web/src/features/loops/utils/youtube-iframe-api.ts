// The few parts of YouTube's IFrame Player API the loop editor uses
// (developers.google.com/youtube/iframe_api_reference), typed here rather than pulling in a
// types package for a dozen lines.

/** The player's states as onStateChange reports them. */
export const YouTubePlayerState = { ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 }

export interface YouTubePlayer {
  getCurrentTime(): number
  getDuration(): number
  seekTo(seconds: number, allowSeekAhead: boolean): void
  playVideo(): void
  pauseVideo(): void
  getIframe(): HTMLIFrameElement
  destroy(): void
  /** Not in the reference, but every player has it; the title is what the editor prefills. */
  getVideoData?: () => { title?: string } | undefined
}

interface YouTubePlayerOptions {
  host?: string
  videoId: string
  width?: string
  height?: string
  playerVars?: Record<string, string | number>
  events?: {
    onReady?: (event: { target: YouTubePlayer }) => void
    onStateChange?: (event: { data: number; target: YouTubePlayer }) => void
    onError?: (event: { data: number }) => void
  }
}

export interface YouTubeNamespace {
  Player: new (element: HTMLElement, options: YouTubePlayerOptions) => YouTubePlayer
}

declare global {
  interface Window {
    YT?: YouTubeNamespace
    onYouTubeIframeAPIReady?: () => void
  }
}

const API_URL = 'https://www.youtube.com/iframe_api'
let loading: Promise<YouTubeNamespace> | undefined

/**
 * Loads the IFrame Player API once, when a YouTube loop is first edited: the quiz pages
 * never need it, so it is not part of any bundle. A failed load (offline, blocked) may be
 * tried again by the next player.
 */
export function loadYouTubeIframeApi(): Promise<YouTubeNamespace> {
  if (window.YT?.Player) return Promise.resolve(window.YT)
  loading ??= new Promise<YouTubeNamespace>((resolve, reject) => {
    const previous = window.onYouTubeIframeAPIReady
    window.onYouTubeIframeAPIReady = () => {
      previous?.()
      if (window.YT) resolve(window.YT)
      else reject(new Error('The YouTube player did not start'))
    }
    const script = document.createElement('script')
    script.src = API_URL
    script.async = true
    script.onerror = () => {
      script.remove()
      window.onYouTubeIframeAPIReady = previous
      loading = undefined
      reject(new Error('The YouTube player could not be loaded'))
    }
    document.head.append(script)
  })
  return loading
}
