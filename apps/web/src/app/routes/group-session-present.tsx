import type { GroupSession, PresenceEntry } from '@loopquiz/contract'
import { ArrowLeft, Lock, SearchX, Users } from 'lucide-react'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import { Button } from '../../components/ui/button'
import { ErrorAlert } from '../../components/ui/error-alert'
import { LoadingPanel } from '../../components/ui/spinner'
import { StatusPage } from '../../components/ui/status-page'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { useSession } from '../../features/sessions/api/get-session'
import { LiveIndicator } from '../../features/sessions/components/live-indicator'
import { plural } from '../../features/sessions/utils/labels'
import { hostPathOf } from '../../features/sessions/utils/session-links'
import { useSessionChannel } from '../../hooks/use-session-channel'
import { hasErrorCode } from '../../lib/errors'

/** The join link as an SVG QR code, drawn here (nothing is sent anywhere to make it). */
function useQrSvg(url: string): string | null {
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    let isCurrent = true
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (drawn) => {
        if (isCurrent) setSvg(drawn)
      },
      () => {
        if (isCurrent) setSvg(null)
      },
    )
    return () => {
      isCurrent = false
    }
  }, [url])
  return svg
}

/** "ABC DEF": two groups of three read out loud and typed more easily. */
function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code
}

function PresentScreen({
  session,
  participants,
  status,
  viewerId,
}: {
  session: GroupSession
  participants: PresenceEntry[] | null
  status: ReturnType<typeof useSessionChannel>['status']
  viewerId: string | undefined
}) {
  // The short link (/join/CODE) rather than the quiz link with its ids: a QR code with less in
  // it has bigger squares, which a phone at the back of the room still reads.
  const origin = new URL(session.joinUrl).origin
  const svg = useQrSvg(`${origin}/join/${session.joinCode}`)
  const joinPage = `${new URL(session.joinUrl).host}/join`
  // Everyone who has opened the session or started it, the newest last, as they arrive.
  // The host showing this screen is not among them unless they take part.
  const here = (participants ?? []).filter(
    (entry) => entry.joined || (entry.online && entry.userId !== viewerId),
  )
  const isClosed = session.status === 'completed' || session.status === 'cancelled'
  return (
    <div className="flex min-h-dvh flex-col bg-linear-to-br from-brand-900 via-brand-800 to-fuchsia-900 text-white">
      <title>{`${session.title} · Join · LoopQuiz`}</title>
      <header className="flex items-center justify-between gap-3 px-4 py-3 sm:px-8">
        <Link
          to={hostPathOf(session)}
          className="inline-flex items-center gap-1 rounded-lg text-sm font-semibold text-white/80 hover:text-white focus-visible:outline-2 focus-visible:outline-white"
        >
          <ArrowLeft aria-hidden className="size-4" />
          Host view
        </Link>
        <LiveIndicator status={status} />
      </header>
      <main className="flex flex-1 flex-col gap-6 px-4 pb-6 sm:px-8 lg:gap-8">
        <div className="flex flex-col gap-1 text-center">
          <p className="text-base font-semibold text-white/80 sm:text-xl">{session.groupName}</p>
          <h1 className="text-3xl font-extrabold tracking-tight break-words sm:text-5xl">
            {session.title}
          </h1>
        </div>
        <div className="flex flex-1 flex-col items-center justify-center gap-6 md:flex-row md:gap-12">
          <div className="rounded-3xl bg-white p-3 shadow-2xl sm:p-4">
            {svg ? (
              <div
                role="img"
                aria-label="QR code of the session’s join link"
                className="size-52 sm:size-64 lg:size-72 [&>svg]:size-full"
                // Drawn locally by the qrcode library from the session's own link.
                // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG markup generated here, no user HTML
                dangerouslySetInnerHTML={{ __html: svg }}
              />
            ) : (
              <div className="grid size-52 place-items-center text-slate-500 sm:size-64 lg:size-72">
                Drawing the code…
              </div>
            )}
          </div>
          <div className="flex flex-col items-center gap-2 text-center md:items-start md:text-left">
            <p className="text-lg text-white/85 sm:text-2xl">
              Scan the code, or go to <strong className="font-bold text-white">{joinPage}</strong>
            </p>
            <p className="text-lg text-white/85 sm:text-2xl">and type</p>
            <p className="font-mono text-6xl font-black tracking-[0.12em] tabular-nums sm:text-7xl lg:text-8xl">
              <span className="sr-only">Join code: </span>
              <span data-testid="join-code">{spacedCode(session.joinCode)}</span>
            </p>
            {isClosed ? (
              <p className="rounded-full bg-white/15 px-3 py-1 text-base font-semibold">
                This session is over
              </p>
            ) : null}
          </div>
        </div>
        <section aria-labelledby="joined-heading" className="flex flex-col gap-3">
          <h2
            id="joined-heading"
            className="flex items-center justify-center gap-2 text-xl font-bold sm:text-2xl"
          >
            <Users aria-hidden className="size-6" />
            <span aria-live="polite">
              {here.length === 0
                ? 'Waiting for people to join…'
                : `${plural(here.length, 'person', 'people')} in`}
            </span>
          </h2>
          {here.length > 0 ? (
            <ul aria-label="People in the session" className="flex flex-wrap justify-center gap-2">
              {here.map((entry) => (
                <li
                  key={entry.userId}
                  className="rounded-full bg-white/15 px-4 py-1.5 text-base font-semibold ring-1 ring-white/25 sm:text-lg"
                >
                  {entry.name || 'Someone'}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </main>
    </div>
  )
}

/**
 * /groups/:groupId/sessions/:sessionId/present — full screen for a projector (or a phone held
 * up): the join link as a QR code, the short code in big letters, and who has joined, live.
 */
export function GroupSessionPresentRoute() {
  const { groupId = '', sessionId = '' } = useParams()
  const channel = useSessionChannel(groupId, sessionId)
  const session = useSession(groupId, sessionId, { isPushed: channel.isConnected })
  const { user } = useCurrentUser()

  if (session.isPending) return <LoadingPanel label="Loading the session…" />
  if (session.isError) {
    if (hasErrorCode(session.error, 'SESSION_NOT_FOUND', 'GROUP_NOT_FOUND', 'VALIDATION_FAILED')) {
      return (
        <StatusPage icon={SearchX} tone="danger" title="We couldn’t find this session">
          <p>It may have been removed, or you are not a member of its group.</p>
        </StatusPage>
      )
    }
    return (
      <div className="p-6">
        <ErrorAlert
          error={session.error}
          action={
            <Button variant="secondary" size="sm" onClick={() => session.refetch()}>
              Try again
            </Button>
          }
        />
      </div>
    )
  }
  if (!session.data.capabilities.canHost) {
    return (
      <StatusPage icon={Lock} title="Only the session’s hosts can show this screen">
        <p>Its creator, the group’s owner and admins put it on the projector.</p>
      </StatusPage>
    )
  }
  return (
    <PresentScreen
      session={session.data}
      participants={channel.participants}
      status={channel.status}
      viewerId={user?.id}
    />
  )
}
