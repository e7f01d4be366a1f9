import { KeyRound } from 'lucide-react'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { Button } from '../../components/ui/button'
import { Card } from '../../components/ui/card'
import { ErrorAlert } from '../../components/ui/error-alert'
import { TextField } from '../../components/ui/text-field'
import { useFindSessionByCode } from '../../features/sessions/api/find-session-by-code'
import { joinPathOf } from '../../features/sessions/utils/session-links'
import { hasErrorCode } from '../../lib/errors'

/** What people type: letters and digits; spaces and dashes (as a projector groups them) go. */
function normalized(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '')
}

/**
 * /join and /join/:code — the short code a host shows on the projector leads to the session's
 * quiz page; a code from the link is looked up at once.
 */
export function JoinCodeRoute() {
  const { code: codeInLink = '' } = useParams()
  const navigate = useNavigate()
  const find = useFindSessionByCode()
  const [code, setCode] = useState(normalized(codeInLink))
  const [fieldError, setFieldError] = useState<string>()
  const lookedUpLink = useRef(false)

  function lookUp(typed: string) {
    const wanted = normalized(typed)
    if (wanted.length === 0) {
      setFieldError('Type the code shown on the screen.')
      return
    }
    setFieldError(undefined)
    find.mutate(wanted, {
      onSuccess: (session) => navigate(joinPathOf(session), { replace: true }),
    })
  }

  const { mutate } = find
  useEffect(() => {
    if (!codeInLink || lookedUpLink.current) return
    lookedUpLink.current = true
    mutate(normalized(codeInLink), {
      onSuccess: (session) => navigate(joinPathOf(session), { replace: true }),
    })
  }, [codeInLink, mutate, navigate])

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    lookUp(code)
  }

  const notFound = hasErrorCode(find.error, 'SESSION_NOT_FOUND', 'VALIDATION_FAILED')
  return (
    <>
      <title>Join with a code · LoopQuiz</title>
      <div className="mx-auto flex w-full max-w-md flex-col gap-6 sm:py-6">
        <Card className="flex flex-col gap-5 p-6 sm:p-8">
          <div className="flex flex-col items-center gap-3 text-center">
            <span className="grid size-12 place-items-center rounded-2xl bg-brand-100 text-brand-700">
              <KeyRound aria-hidden className="size-6" />
            </span>
            <h1 className="text-2xl font-extrabold tracking-tight text-slate-900">
              Join with a code
            </h1>
            <p className="text-slate-600">
              Type the six letters and digits your host shows on the screen.
            </p>
          </div>
          <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
            <TextField
              label="Session code"
              name="code"
              value={code}
              onChange={(event) => {
                setCode(event.target.value.toUpperCase())
                setFieldError(undefined)
                if (find.error) find.reset()
              }}
              error={fieldError}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="ABC 123"
              maxLength={12}
              autoFocus
              className="[&_input]:text-center [&_input]:font-mono [&_input]:text-2xl [&_input]:tracking-[0.2em]"
            />
            {find.error ? (
              notFound ? (
                <p
                  role="alert"
                  className="rounded-xl bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200"
                >
                  No session of your groups has the code <strong>{normalized(code)}</strong>. Check
                  it on the screen; if it is right, ask the host to add you to their group.
                </p>
              ) : (
                <ErrorAlert error={find.error} />
              )
            ) : null}
            <Button type="submit" disabled={find.isPending}>
              {find.isPending ? 'Looking for the session…' : 'Join'}
            </Button>
          </form>
        </Card>
      </div>
    </>
  )
}
