import { layoutMail } from './mail-layout.ts'

/** Mails about the account itself, sent whatever the notification settings say. */
export type AccountMailKind = 'verify_email' | 'reset_password' | 'invitation'

export interface AccountMailContext {
  recipientName: string
  url: string
  /** For an invitation: who invited, to which group. */
  inviterName?: string
  groupName?: string
}

const accountFooter =
  'You get this e-mail because someone used this address on LoopQuiz. If it was not you, ignore it: nothing happens without the link.'

export function renderAccountMail(kind: AccountMailKind, context: AccountMailContext) {
  const parts = (() => {
    switch (kind) {
      case 'verify_email':
        return {
          subject: 'Confirm your e-mail address for LoopQuiz',
          paragraphs: [
            'Confirm that this address is yours, so that groups can invite you by it and you can reset your password.',
            'The link works for one hour.',
          ],
          action: { label: 'Confirm my address', url: context.url },
        }
      case 'reset_password':
        return {
          subject: 'Reset your LoopQuiz password',
          paragraphs: [
            'Someone asked to reset the password of the LoopQuiz account with this address. Choose a new password with the link below; your other sign-ins end when you do.',
            'The link works for one hour. If you did not ask for it, your password stays as it is.',
          ],
          action: { label: 'Choose a new password', url: context.url },
        }
      case 'invitation':
        return {
          subject: `${context.inviterName ?? 'Someone'} invited you to ${context.groupName ?? 'a group'} on LoopQuiz`,
          paragraphs: [
            `${context.inviterName ?? 'Someone'} invited you to join ${context.groupName ?? 'their group'} on LoopQuiz, where the group takes quizzes on video clips together.`,
            'Open the invitation to join. If you have no account yet, sign up with this address.',
          ],
          action: { label: 'Open the invitation', url: context.url },
        }
    }
  })()
  const { text, html } = layoutMail({
    ...parts,
    recipientName: context.recipientName,
    footer: { text: accountFooter },
  })
  return { subject: parts.subject, text, html }
}
