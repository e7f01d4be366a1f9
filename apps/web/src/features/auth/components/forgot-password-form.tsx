import { MailCheck } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useFocusOnMount } from '../../../hooks/use-focus-on-mount'
import { useRequestPasswordReset } from '../api/request-password-reset'
import { emailError } from '../utils/credentials'
import { AuthForm, EmailField } from './auth-form'

function SentMessage({
  email,
  onSendAgain,
  isSending,
  error,
}: {
  email: string
  onSendAgain: () => void
  isSending: boolean
  error: Error | null
}) {
  // Focus (and so the screen reader) moves to the outcome that replaced the form.
  const headingRef = useFocusOnMount<HTMLHeadingElement>()
  return (
    <div className="flex flex-col items-start gap-4">
      <span className="grid size-11 place-items-center rounded-xl bg-emerald-50 text-emerald-700">
        <MailCheck aria-hidden className="size-6" />
      </span>
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-bold text-slate-900 outline-none">
        Check your inbox
      </h2>
      {/* The same words whether or not an account uses the address: the page must not tell. */}
      <p className="break-words text-slate-700">
        If an account uses <span className="font-semibold">{email}</span>, we’ve sent a link to
        reset the password. It works once, for a limited time.
      </p>
      <p className="text-sm text-slate-600">Nothing after a few minutes? Look in spam, or:</p>
      {error ? <ErrorAlert error={error} className="self-stretch" /> : null}
      <Button variant="secondary" isLoading={isSending} onClick={onSendAgain}>
        Send the link again
      </Button>
    </div>
  )
}

/** /forgot-password: asks for the address and mails a reset link to it. */
export function ForgotPasswordForm() {
  const request = useRequestPasswordReset()
  const [email, setEmail] = useState('')
  const [error, setError] = useState<string>()
  const [sentTo, setSentTo] = useState<string | null>(null)

  function send(address: string) {
    request.mutate(
      { email: address, redirectTo: `${window.location.origin}/reset-password` },
      { onSuccess: () => setSentTo(address) },
    )
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = emailError(email)
    setError(next)
    if (!next) send(email.trim())
  }

  if (sentTo !== null) {
    return (
      <SentMessage
        email={sentTo}
        onSendAgain={() => send(sentTo)}
        isSending={request.isPending}
        error={request.error}
      />
    )
  }
  return (
    <AuthForm
      onSubmit={handleSubmit}
      error={request.error}
      isSubmitting={request.isPending}
      submitLabel="Send the link"
    >
      <EmailField value={email} onChange={setEmail} error={error} />
    </AuthForm>
  )
}
