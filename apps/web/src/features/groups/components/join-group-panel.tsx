import type { JoinPreview } from '@loopquiz/contract'
import { CircleCheck, Clock, Globe, Lock, type LucideIcon, SearchX, Users } from 'lucide-react'
import { type FormEvent, type ReactNode, useState } from 'react'
import { Link } from 'react-router'
import { Button, buttonClassName } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Skeleton } from '../../../components/ui/skeleton'
import { StatusPage } from '../../../components/ui/status-page'
import { TextareaField } from '../../../components/ui/textarea-field'
import { hasErrorCode } from '../../../lib/errors'
import { useJoinPreview } from '../api/get-join-preview'
import { useJoinByCode } from '../api/join-by-code'
import { memberCountLabel, privacyLabels } from '../utils/labels'

interface JoinGroupPanelProps {
  code: string
  onJoined: (groupId: string) => void
}

function PreviewSkeleton() {
  return (
    <Card aria-busy="true" className="flex flex-col gap-4 p-6">
      <span className="sr-only">Loading the group…</span>
      <Skeleton className="h-7 w-2/3" />
      <Skeleton className="h-4 w-full" />
      <Skeleton className="h-11 w-40" />
    </Card>
  )
}

function Notice({
  icon: Icon,
  tone,
  children,
}: {
  icon: LucideIcon
  tone: 'success' | 'warning'
  children: ReactNode
}) {
  const tones = {
    success: 'bg-emerald-50 text-emerald-900 ring-emerald-200 [&>svg]:text-emerald-600',
    warning: 'bg-amber-50 text-amber-900 ring-amber-200 [&>svg]:text-amber-600',
  }
  return (
    <div role="status" className={`flex gap-3 rounded-xl p-4 text-sm ring-1 ${tones[tone]}`}>
      <Icon aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div className="flex flex-col gap-1">{children}</div>
    </div>
  )
}

function JoinActions({
  code,
  preview,
  onJoined,
}: {
  code: string
  preview: JoinPreview
  onJoined: (groupId: string) => void
}) {
  const join = useJoinByCode(code)
  const [message, setMessage] = useState('')
  const groupPath = `/groups/${preview.groupId}`

  if (preview.isMember) {
    return (
      <div className="flex flex-col gap-4">
        <Notice icon={CircleCheck} tone="success">
          <p className="font-semibold">You’re already a member of this group.</p>
        </Notice>
        <Link to={groupPath} className={buttonClassName({ className: 'self-start' })}>
          Open group
        </Link>
      </div>
    )
  }
  if (preview.hasPendingRequest || join.data?.status === 'requested') {
    return (
      <div className="flex flex-col gap-4">
        <Notice icon={Clock} tone="warning">
          <p className="font-semibold">Your request to join is waiting for approval.</p>
          <p>
            An owner or admin of the group will review it. Once they let you in, the group shows up
            in your groups.
          </p>
        </Notice>
        <Link
          to="/groups"
          className={buttonClassName({ variant: 'secondary', className: 'self-start' })}
        >
          Back to my groups
        </Link>
      </div>
    )
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    join.mutate(message.trim() || undefined, {
      onSuccess: (result) => {
        if (result.status !== 'requested') onJoined(result.groupId)
      },
    })
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
      {join.error ? <ErrorAlert error={join.error} /> : null}
      {preview.privacy === 'private' ? (
        <>
          <p className="text-slate-600">
            This group is private: an owner or admin lets new members in.
          </p>
          <TextareaField
            label="Message to the group’s admins (optional)"
            name="message"
            hint="Say who you are, so they know to let you in."
            maxLength={500}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
          <Button type="submit" size="lg" isLoading={join.isPending} className="self-start">
            Ask to join
          </Button>
        </>
      ) : (
        <Button type="submit" size="lg" isLoading={join.isPending} className="self-start">
          Join group
        </Button>
      )}
    </form>
  )
}

/** /groups/join/:code — what the code leads to, and joining (public) or asking to (private). */
export function JoinGroupPanel({ code, onJoined }: JoinGroupPanelProps) {
  const preview = useJoinPreview(code)

  if (preview.isPending) return <PreviewSkeleton />
  if (preview.isError) {
    if (hasErrorCode(preview.error, 'JOIN_CODE_NOT_FOUND', 'VALIDATION_FAILED')) {
      return (
        <StatusPage
          icon={SearchX}
          tone="danger"
          title="This join link doesn’t work"
          actions={
            <Link to="/groups" className={buttonClassName({ variant: 'secondary' })}>
              Go to my groups
            </Link>
          }
        >
          <p>The code may be mistyped, or the group changed it.</p>
          <p>Ask the person who shared it for the current link.</p>
        </StatusPage>
      )
    }
    return (
      <ErrorAlert
        error={preview.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => preview.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }

  const group = preview.data
  const PrivacyIcon = group.privacy === 'public' ? Globe : Lock
  return (
    <>
      <title>{`Join ${group.name} · LoopQuiz`}</title>
      <Card className="overflow-hidden">
        <div className="bg-linear-to-br from-brand-600 via-brand-700 to-fuchsia-700 px-5 py-6 text-white sm:px-8">
          <p className="text-sm font-semibold text-brand-100">You’re invited to join</p>
          <h1 className="mt-1 text-2xl font-extrabold tracking-tight break-words sm:text-3xl">
            {group.name}
          </h1>
          <ul className="mt-4 flex flex-wrap gap-2 text-sm font-semibold">
            <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
              <Users aria-hidden className="size-4" />
              {memberCountLabel(group.memberCount)}
            </li>
            <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
              <PrivacyIcon aria-hidden className="size-4" />
              {privacyLabels[group.privacy].title} group
            </li>
          </ul>
        </div>
        <div className="flex flex-col gap-5 p-5 sm:p-8">
          {group.description ? (
            <p className="whitespace-pre-line text-slate-700">{group.description}</p>
          ) : null}
          <JoinActions code={code} preview={group} onJoined={onJoined} />
        </div>
      </Card>
    </>
  )
}
