import type { AccountDeletionPreview, AccountGroup } from '@loopquiz/contract'

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

const namesOf = (groups: AccountGroup[]) => listNames(groups.map((group) => group.name))

/** Like listNames, with a comma before the last "and" once a part has an "and" of its own. */
function joinParts(parts: string[]): string {
  if (parts.length <= 1 || !parts.slice(0, -1).some((part) => part.includes(' and '))) {
    return listNames(parts)
  }
  return `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`
}

/**
 * What deleting the account removes and what stays, in sentences, from the server's preview:
 * "This deletes your 3 loops, 2 shared quizzes and the 14 attempts people made on them, …".
 */
export function describeDeletion(preview: AccountDeletionPreview): string[] {
  const removed: string[] = []
  if (preview.loops > 0) removed.push(count(preview.loops, 'loop', 'loops'))
  if (preview.sharedQuizzes > 0) {
    const quizzes = count(preview.sharedQuizzes, 'shared quiz', 'shared quizzes')
    removed.push(
      preview.attemptsOnSharedQuizzes > 0
        ? `${quizzes} and the ${count(preview.attemptsOnSharedQuizzes, 'attempt', 'attempts')} people made on ${preview.sharedQuizzes === 1 ? 'it' : 'them'}`
        : quizzes,
    )
  }
  const deleted = preview.groupsDeleted
  if (deleted.length > 0) {
    removed.push(
      deleted.length === 1
        ? `the group ${namesOf(deleted)} (you are its only member)`
        : `the groups ${namesOf(deleted)} (you are their only member)`,
    )
  }

  const sentences = [
    removed.length > 0
      ? `This deletes your ${joinParts(removed)}.`
      : 'You have no loops, shared quizzes or groups of your own to delete.',
  ]
  if (preview.groupsLeft.length > 0) {
    sentences.push(
      `You leave ${count(preview.groupsLeft.length, 'group', 'groups')}: ${namesOf(preview.groupsLeft)}.`,
    )
  }
  if (preview.groupSessionResults > 0) {
    sentences.push(
      `Your results in ${count(preview.groupSessionResults, 'group session', 'group sessions')} are removed.`,
    )
  }
  if (preview.hostedSessionsKept > 0) {
    sentences.push(
      preview.hostedSessionsKept === 1
        ? 'The session you created in another group stays with that group; its owner becomes the host.'
        : `The ${preview.hostedSessionsKept} sessions you created in other groups stay with those groups; each group’s owner becomes their host.`,
    )
  }
  sentences.push(
    'Your name, e-mail address and password are deleted and you are signed out everywhere. This cannot be undone.',
  )
  return sentences
}
