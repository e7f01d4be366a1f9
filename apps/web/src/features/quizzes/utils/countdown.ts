// Moments worth telling a screen-reader user about; every second would drown the question.
const announcedSeconds = [30, 10]

/**
 * What a countdown's polite live region says with `secondsLeft` of `limitS` to go: the text
 * changes only when one of the moments above is crossed, so it is announced only then.
 */
export function countdownAnnouncement(secondsLeft: number, limitS: number): string {
  const crossed = announcedSeconds.filter((s) => s < limitS && secondsLeft <= s)
  if (crossed.length === 0) return `You have ${limitS} seconds to answer this question.`
  return `${Math.min(...crossed)} seconds left.`
}
