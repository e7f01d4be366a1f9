export const MAX_DURATION_MINUTES = 24 * 60

/** Whole minutes from 1 to 24 h, or null. */
export function parseDuration(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null
  const minutes = Number(text)
  return minutes >= 1 && minutes <= MAX_DURATION_MINUTES ? minutes : null
}
