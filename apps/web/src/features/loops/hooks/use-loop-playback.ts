import { type RefObject, useEffect, useState } from 'react'
import type { PlayerHandle } from '../components/video-player'

// How often the preview checks the player's time: a loop overshoots its end by at most this.
const CHECK_EVERY_MS = 50
// A seek takes a moment to show in the reported time (YouTube especially); checks wait.
const SEEK_SETTLE_MS = 300
// Seeking back this long before the file ends keeps an HTML5 video from ending (and pausing).
const END_MARGIN_S = 0.15

interface LoopPlaybackOptions {
  player: RefObject<PlayerHandle | null>
  startS: number | null
  endS: number | null
  durationS: number | null
}

/**
 * The editor's preview: "Play loop" plays from the start and seeks back to it whenever the
 * video passes the end (or is moved outside the loop), until paused. Without a start the
 * loop starts at 0; without an end it runs to the end of the video.
 */
export function useLoopPlayback({ player, startS, endS, durationS }: LoopPlaybackOptions) {
  const [isPlaying, setIsPlaying] = useState(false)
  const [isLooping, setIsLooping] = useState(false)
  const fromS = startS ?? 0
  const untilS = Math.min(
    endS ?? durationS ?? Number.POSITIVE_INFINITY,
    durationS === null ? Number.POSITIVE_INFINITY : durationS - END_MARGIN_S,
  )
  const canLoop = untilS > fromS

  useEffect(() => {
    if (!isLooping || !isPlaying || !canLoop) return
    let settlesAt = 0
    const timer = window.setInterval(() => {
      const handle = player.current
      const now = handle?.getCurrentTime()
      if (!handle || now === null || now === undefined || performance.now() < settlesAt) return
      if (now >= untilS || now < fromS - SEEK_SETTLE_MS / 1000) {
        handle.seekTo(fromS)
        settlesAt = performance.now() + SEEK_SETTLE_MS
      }
    }, CHECK_EVERY_MS)
    return () => window.clearInterval(timer)
  }, [isLooping, isPlaying, canLoop, fromS, untilS, player])

  return {
    isLooping: isLooping && isPlaying,
    canLoop,
    playLoop() {
      const handle = player.current
      const now = handle?.getCurrentTime()
      if (!handle || now === null || now === undefined) return
      if (now < fromS || now >= untilS) handle.seekTo(fromS)
      handle.play()
      setIsLooping(true)
    },
    pause() {
      player.current?.pause()
      setIsLooping(false)
    },
    /** For the player's onPlayingChange: pausing by its own controls ends the preview too. */
    onPlayingChange(playing: boolean) {
      setIsPlaying(playing)
      if (!playing) setIsLooping(false)
    },
  }
}
