import { Link2Off, MailCheck, MailMinus } from 'lucide-react'
import { Link } from 'react-router'
import { Button, buttonClassName } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { StatusPage } from '../../../components/ui/status-page'
import { describeError, hasErrorCode } from '../../../lib/errors'
import { useUnsubscribe } from '../api/unsubscribe'
import { notificationTypeWords } from '../utils/preference-types'

function SettingsLink() {
  return (
    <Link to="/settings" className={buttonClassName({ variant: 'secondary' })}>
      Choose your e-mails in Settings
    </Link>
  )
}

/**
 * The page a mail's unsubscribe link opens. It asks before it acts: mail scanners open links
 * to check them, and opening alone must not stop anyone's mail.
 */
export function UnsubscribePanel({ token }: { token: string }) {
  const unsubscribe = useUnsubscribe()

  if (!token) {
    return (
      <StatusPage
        icon={Link2Off}
        tone="warning"
        title="This link is incomplete"
        actions={<SettingsLink />}
      >
        Open the link from the e-mail again, or choose which e-mails you get in your settings.
      </StatusPage>
    )
  }
  if (unsubscribe.isSuccess) {
    return (
      <StatusPage icon={MailCheck} title="Unsubscribed" actions={<SettingsLink />}>
        <p role="status" className="text-balance">
          You won’t get e-mails about {notificationTypeWords[unsubscribe.data.type].about} any more.
          They still show in your notification center.
        </p>
      </StatusPage>
    )
  }
  if (hasErrorCode(unsubscribe.error, 'UNSUBSCRIBE_LINK_INVALID')) {
    return (
      <StatusPage
        icon={Link2Off}
        tone="danger"
        title="This link doesn’t work"
        actions={<SettingsLink />}
      >
        <p role="alert" className="text-balance">
          {describeError(unsubscribe.error).message}
        </p>
      </StatusPage>
    )
  }
  return (
    <StatusPage
      icon={MailMinus}
      title="Stop these e-mails?"
      actions={
        <>
          <Button isLoading={unsubscribe.isPending} onClick={() => unsubscribe.mutate(token)}>
            Stop these e-mails
          </Button>
          <SettingsLink />
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <p className="text-balance">
          This link came with a LoopQuiz e-mail. Stop the e-mails of its kind? You’ll still see them
          in your notification center.
        </p>
        {unsubscribe.error ? <ErrorAlert error={unsubscribe.error} className="text-left" /> : null}
      </div>
    </StatusPage>
  )
}
