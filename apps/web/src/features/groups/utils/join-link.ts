/** The link that opens the join page for a group's code. */
export function joinLinkOf(joinCode: string): string {
  return `${window.location.origin}/groups/join/${joinCode}`
}

/** Accepts a bare code or a whole pasted join link, and returns the code. */
export function joinCodeFrom(input: string): string {
  const text = input.trim()
  const match = /\/groups\/join\/([^/?#\s]+)/.exec(text)
  return (match?.[1] ?? text).toUpperCase()
}
