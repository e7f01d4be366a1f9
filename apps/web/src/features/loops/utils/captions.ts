/** One caption cue as a text track gives it (a VTTCue has these fields). */
export interface CaptionCue {
  startTime: number
  endTime: number
  text: string
}

/** A cue's words without WebVTT markup: voice and style tags, inline timestamps, entities. */
function plainTextOf(cueText: string): string {
  return cueText
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The words of the cues shown between `startS` and `endS` (all cues when the range is not
 * given), in order, one cue a line. Roll-up captions repeat a line across cues; a line equal
 * to the one before it is kept once.
 */
export function captionText(
  cues: readonly CaptionCue[],
  range?: { startS: number; endS: number },
): string {
  const lines: string[] = []
  const inOrder = [...cues].sort((a, b) => a.startTime - b.startTime)
  for (const cue of inOrder) {
    if (range && (cue.endTime <= range.startS || cue.startTime >= range.endS)) continue
    const line = plainTextOf(cue.text)
    if (line && line !== lines.at(-1)) lines.push(line)
  }
  return lines.join('\n')
}
