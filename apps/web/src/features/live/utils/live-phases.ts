import { type LiveAction, type LivePhase, type LiveState, liveActionsIn } from '@loopquiz/contract'

/**
 * Which host actions each (effective) phase allows: the contract's table, the one the server's
 * rule reads, so the panel offers only the buttons that can work. A refusal shows its own message.
 */
export function actionsFor(phase: LivePhase): readonly LiveAction[] {
  return liveActionsIn(phase)
}

/** The button text of each host action; `next` after the last question leads to the podium. */
export function actionLabel(action: LiveAction, state: LiveState): string {
  const isLast = state.questionIndex !== null && state.questionIndex + 1 >= state.questionCount
  switch (action) {
    case 'start':
      return 'Start'
    case 'pause':
      return 'Pause'
    case 'resume':
      return 'Resume'
    case 'lock':
      return 'End question now'
    case 'reveal':
      return 'Reveal answer'
    case 'leaderboard':
      return 'Show leaderboard'
    case 'next':
      return isLast ? 'Show the podium' : 'Next question'
    case 'finish':
      return 'Finish'
  }
}

const phaseWords: Record<LivePhase, string> = {
  lobby: 'Lobby',
  question: 'Question running',
  paused: 'Paused',
  locked: 'Answers locked',
  revealed: 'Answer revealed',
  leaderboard: 'Leaderboard',
  podium: 'Podium',
}

export function phaseLabel(phase: LivePhase): string {
  return phaseWords[phase]
}

/** What a polite live region says when the phase changes: once per change, never per tick. */
export function phaseAnnouncement(phase: LivePhase, state: LiveState): string {
  const number = state.questionIndex === null ? null : state.questionIndex + 1
  switch (phase) {
    case 'lobby':
      return 'You are in the lobby. Waiting for the host to start.'
    case 'question':
      return number === null ? '' : `Question ${number} of ${state.questionCount}. Answer now.`
    case 'paused':
      return 'The host paused the question.'
    case 'locked':
      return 'Time is up: answers are locked.'
    case 'revealed':
      return 'The answer is revealed.'
    case 'leaderboard':
      return 'The leaderboard is showing.'
    case 'podium':
      return 'The game is over: the podium is showing.'
  }
}
