import { type FormEvent, useState } from 'react'
import { TextField } from '../../../components/ui/text-field'
import { useSignUp } from '../api/sign-up'
import { AuthForm, EmailField } from './auth-form'

const MIN_PASSWORD_LENGTH = 8

interface SignupFormProps {
  onSignedUp: () => void | Promise<void>
}

interface FieldErrors {
  name?: string
  email?: string
  password?: string
}

function validate(name: string, email: string, password: string): FieldErrors {
  return {
    name: name.trim() ? undefined : 'Enter your name.',
    email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())
      ? undefined
      : 'Enter a valid email address.',
    password:
      password.length >= MIN_PASSWORD_LENGTH
        ? undefined
        : `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  }
}

export function SignupForm({ onSignedUp }: SignupFormProps) {
  const signUp = useSignUp()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = validate(name, email, password)
    setErrors(next)
    if (next.name || next.email || next.password) return
    signUp.mutate(
      { name: name.trim(), email: email.trim(), password },
      { onSuccess: () => onSignedUp() },
    )
  }

  return (
    <AuthForm
      onSubmit={handleSubmit}
      error={signUp.error}
      isSubmitting={signUp.isPending}
      submitLabel="Sign up"
    >
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
        maxLength={100}
        required
      />
      <EmailField value={email} onChange={setEmail} error={errors.email} />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
        required
      />
    </AuthForm>
  )
}
