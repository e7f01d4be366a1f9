import { passwordRules } from '@loopquiz/contract'
import { type FormEvent, useState } from 'react'
import { TextField } from '../../../components/ui/text-field'
import { useSignUp } from '../api/sign-up'
import { emailError, newPasswordError } from '../utils/credentials'
import { AuthForm, EmailField } from './auth-form'

interface SignupFormProps {
  onSignedUp: () => void | Promise<void>
  /** Where the confirmation link mailed to the new address leads (verificationCallbackPath). */
  confirmationCallbackURL: string
}

interface FieldErrors {
  name?: string
  email?: string
  password?: string
}

function validate(name: string, email: string, password: string): FieldErrors {
  return {
    name: name.trim() ? undefined : 'Enter your name.',
    email: emailError(email),
    password: newPasswordError(password),
  }
}

export function SignupForm({ onSignedUp, confirmationCallbackURL }: SignupFormProps) {
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
      { name: name.trim(), email: email.trim(), password, callbackURL: confirmationCallbackURL },
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
        hint={`At least ${passwordRules.minLength} characters.`}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
        required
      />
    </AuthForm>
  )
}
