import type { Group } from '@loopquiz/contract'
import { Link2, RefreshCw } from 'lucide-react'
import { useId, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Section } from '../../../components/ui/section'
import { useRegenerateJoinCode } from '../api/regenerate-join-code'
import { joinLinkOf } from '../utils/join-link'

/** The join link to share (owners and admins), with Copy and "Regenerate code". */
export function JoinLinkPanel({ group, joinCode }: { group: Group; joinCode: string }) {
  const regenerate = useRegenerateJoinCode(group.id)
  const [isConfirming, setIsConfirming] = useState(false)
  const inputId = useId()
  const link = joinLinkOf(joinCode)

  return (
    <Section
      id="invite-link"
      title="Invite link"
      icon={Link2}
      description={
        group.privacy === 'public'
          ? 'Anyone with this link can join the group.'
          : 'People with this link can ask to join; you approve them on Members.'
      }
    >
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="text-sm font-semibold text-slate-800">
          Join link
        </label>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <input
            id={inputId}
            readOnly
            value={link}
            onFocus={(event) => event.target.select()}
            className="h-10 w-full min-w-0 flex-1 rounded-xl border border-slate-300 bg-slate-50 px-3 font-mono text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
          />
          <CopyButton text={link} label="Copy link to join the group" />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
        <p className="text-sm text-slate-600">
          Join code{' '}
          <span className="rounded-md bg-slate-100 px-2 py-0.5 font-mono font-bold tracking-widest text-slate-900">
            {joinCode}
          </span>
        </p>
        <Button variant="ghost" size="sm" onClick={() => setIsConfirming(true)}>
          <RefreshCw aria-hidden className="size-4" />
          Regenerate code
        </Button>
      </div>
      {regenerate.error ? <ErrorAlert error={regenerate.error} /> : null}
      <Dialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Regenerate the join code?"
        description="The current link and code stop working at once. People already in the group stay."
      >
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Keep the current code
          </Button>
          <Button
            isLoading={regenerate.isPending}
            onClick={() =>
              regenerate.mutate(undefined, { onSettled: () => setIsConfirming(false) })
            }
          >
            Regenerate code
          </Button>
        </div>
      </Dialog>
    </Section>
  )
}
