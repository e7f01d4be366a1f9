import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { TextField } from '../../../components/ui/text-field'
import { useSignIn } from '../api/sign-in'

interface LoginFormProps {
  onSignedIn: () => void | Promise<void>
}

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const signIn = useSignIn()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({})

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = {
      email: email.trim() ? undefined : 'Enter your email.',
      password: password ? undefined : 'Enter your password.',
    }
    setErrors(next)
    if (next.email || next.password) return
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => onSignedIn() })
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      {signIn.error ? <ErrorAlert error={signIn.error} /> : null}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
        required
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
        required
      />
      <Button type="submit" size="lg" isLoading={signIn.isPending}>
        Sign in
      </Button>
    </form>
  )
}
