import type { VideoProvider } from '@loopquiz/contract'

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
])

/** The YouTube video id of a watch, youtu.be, shorts, embed or live URL; null for anything else. */
function youtubeIdOf(url: URL): string | null {
  if (url.hostname === 'youtu.be') return /^\/([\w-]{6,64})/.exec(url.pathname)?.[1] ?? null
  if (!YOUTUBE_HOSTS.has(url.hostname)) return null
  const fromQuery = url.searchParams.get('v')
  if (fromQuery && /^[\w-]{6,64}$/.test(fromQuery)) return fromQuery
  return /^\/(?:shorts|embed|live)\/([\w-]{6,64})/.exec(url.pathname)?.[1] ?? null
}

export interface DetectedVideo {
  provider: VideoProvider
  videoId?: string
}

/** YouTube (with its id) for YouTube links, HTML5 for any other http(s) URL; null if not a URL. */
export function detectVideo(text: string): DetectedVideo | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  const videoId = youtubeIdOf(url)
  return videoId ? { provider: 'youtube', videoId } : { provider: 'html5' }
}
