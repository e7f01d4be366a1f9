import { Trash2, TriangleAlert } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Skeleton } from '../../../components/ui/skeleton'
import { TextField } from '../../../components/ui/text-field'
import { useDeleteAccount } from '../api/delete-account'
import { useAccountDeletion } from '../api/get-account-deletion'
import { describeDeletion } from '../utils/deletion-summary'

function DeleteAccountForm({ onDeleted }: { onDeleted: () => void }) {
  const remove = useDeleteAccount(onDeleted)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string>()

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = password ? undefined : 'Enter your password to confirm.'
    setError(next)
    if (!next) remove.mutate(password)
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <TextField
        label="Your password"
        type="password"
        name="delete-password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={error}
        hint="Type it to confirm that you want your account deleted."
        required
        className="sm:max-w-sm"
      />
      <div>
        <Button type="submit" variant="danger" isLoading={remove.isPending}>
          {remove.isPending ? null : <Trash2 aria-hidden className="size-4" />}
          Delete my account
        </Button>
      </div>
    </form>
  )
}

/** Settings → Delete account: what goes, in words, then the password to confirm. */
export function DeleteAccountSection({ onDeleted }: { onDeleted: () => void }) {
  const preview = useAccountDeletion()

  return (
    <div className="rounded-2xl bg-white shadow-sm ring-1 shadow-slate-200/50 ring-rose-200">
      <section aria-labelledby="delete-account-heading" className="flex flex-col gap-4 p-4 sm:p-6">
        <div className="flex items-center gap-3">
          <span className="grid size-9 place-items-center rounded-xl bg-rose-50 text-rose-700">
            <TriangleAlert aria-hidden className="size-5" />
          </span>
          <div>
            <h2
              id="delete-account-heading"
              className="text-lg font-bold tracking-tight text-slate-900"
            >
              Delete account
            </h2>
            <p className="text-sm text-slate-500">Deleting your account cannot be undone</p>
          </div>
        </div>
        {preview.isPending ? (
          <div className="flex flex-col gap-2" aria-hidden>
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-2/3" />
          </div>
        ) : preview.error ? (
          <ErrorAlert
            error={preview.error}
            action={
              <Button variant="secondary" size="sm" onClick={() => preview.refetch()}>
                Try again
              </Button>
            }
          />
        ) : preview.data.isBlocked ? (
          <div className="flex flex-col gap-2 text-sm text-slate-700">
            <p>
              Your account can’t be deleted yet: a group is never left without an owner. First make
              another member the owner, or delete the group, in its settings:
            </p>
            <ul className="flex flex-col gap-1 pl-1">
              {preview.data.groupsToTransfer.map((group) => (
                <li key={group.id}>
                  <Link
                    to={`/groups/${group.id}/settings`}
                    className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800"
                  >
                    {group.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <>
            <div
              className="flex flex-col gap-2 text-sm text-slate-700"
              data-testid="deletion-preview"
            >
              {describeDeletion(preview.data).map((sentence) => (
                <p key={sentence}>{sentence}</p>
              ))}
            </div>
            <DeleteAccountForm onDeleted={onDeleted} />
          </>
        )}
      </section>
    </div>
  )
}
