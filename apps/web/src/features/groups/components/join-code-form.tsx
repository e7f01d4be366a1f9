import { ArrowRight } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { useNavigate } from 'react-router'
import { Button } from '../../../components/ui/button'
import { TextField } from '../../../components/ui/text-field'
import { joinCodeFrom } from '../utils/join-link'

/** "Join with a code": takes a code (or a pasted join link) to the join page. */
export function JoinCodeForm() {
  const navigate = useNavigate()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const joinCode = joinCodeFrom(code)
    if (joinCode.length < 4) {
      setError('Enter the code (or paste the link) someone shared with you.')
      return
    }
    setError(undefined)
    navigate(`/groups/join/${encodeURIComponent(joinCode)}`)
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="flex flex-col gap-3 sm:flex-row sm:items-start"
    >
      <TextField
        label="Join code"
        name="joinCode"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="e.g. K7MPQ2XRTA"
        className="flex-1"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={error}
      />
      <Button type="submit" variant="secondary" className="sm:mt-7">
        Join with code
        <ArrowRight aria-hidden className="size-4" />
      </Button>
    </form>
  )
}
