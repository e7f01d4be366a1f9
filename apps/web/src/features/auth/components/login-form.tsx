import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { TextField } from '../../../components/ui/text-field'
import { useSignIn } from '../api/sign-in'
import { AuthForm, EmailField } from './auth-form'

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
    <AuthForm
      onSubmit={handleSubmit}
      error={signIn.error}
      isSubmitting={signIn.isPending}
      submitLabel="Sign in"
    >
      <EmailField value={email} onChange={setEmail} error={errors.email} />
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
      <Link
        to="/forgot-password"
        className="-mt-3 self-end rounded text-sm font-semibold text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        Forgot your password?
      </Link>
    </AuthForm>
  )
}
