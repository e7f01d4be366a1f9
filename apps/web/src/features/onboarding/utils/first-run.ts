/** What a user has done of the first steps, read from their own lists. */
export interface FirstRunProgress {
  hasLoop: boolean
  hasShare: boolean
  hasGroup: boolean
}

export type FirstRunStepId = 'loop' | 'share' | 'group'

export interface FirstRunStep {
  id: FirstRunStepId
  title: string
  description: string
  /** Where the step is done. */
  to: string
  isDone: boolean
}

/** How long an account counts as new, if it has made nothing yet. */
export const NEW_ACCOUNT_MS = 24 * 60 * 60 * 1000

/**
 * "Welcome" is for an account younger than a day that has no loop, share or group yet;
 * everyone else is welcomed back. While the lists are still loading a young account counts
 * as new, so a brand-new user never sees the greeting change under them.
 */
export function isNewAccount(
  createdAt: Date | string,
  progress: FirstRunProgress | undefined,
  now: Date,
): boolean {
  const age = now.getTime() - new Date(createdAt).getTime()
  if (!(age < NEW_ACCOUNT_MS)) return false
  return !progress || (!progress.hasLoop && !progress.hasShare && !progress.hasGroup)
}

/** The first word of a name, or the name itself when it has none. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] || name
}

export function greetingFor(name: string, isNew: boolean): string {
  return `${isNew ? 'Welcome' : 'Welcome back'}, ${firstNameOf(name)}`
}

/** The three first steps, in order, each with where it is done. */
export function firstRunSteps(progress: FirstRunProgress): FirstRunStep[] {
  return [
    {
      id: 'loop',
      title: 'Make a loop',
      description: 'Mark a moment of a video and write questions about it.',
      to: '/loops/new',
      isDone: progress.hasLoop,
    },
    {
      id: 'share',
      title: 'Share it',
      description: 'Turn a loop’s questions into a quiz link anyone can open.',
      to: '/loops',
      isDone: progress.hasShare,
    },
    {
      id: 'group',
      title: 'Start a group',
      description: 'Create one for your class, circle or team, or join one with a code.',
      to: '/groups',
      isDone: progress.hasGroup,
    },
  ]
}

export function isFirstRunComplete(progress: FirstRunProgress): boolean {
  return firstRunSteps(progress).every((step) => step.isDone)
}
