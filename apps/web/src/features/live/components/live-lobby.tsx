import type { PresenceEntry } from '@loopquiz/contract'
import clsx from 'clsx'
import { PartyPopper, Users } from 'lucide-react'

interface LiveLobbyProps {
  /** Everyone who has joined, as the session channel sees them. */
  players: readonly PresenceEntry[]
  count: number
  myUserId?: string
  /** The participant's greeting, or nothing on the host's panel. */
  isParticipant: boolean
}

/** Before the first question: who is in, names appearing as people join. */
export function LiveLobby({ players, count, myUserId, isParticipant }: LiveLobbyProps) {
  return (
    <div className="flex flex-col items-center gap-5 text-center">
      {isParticipant ? (
        <div className="flex flex-col items-center gap-2">
          <PartyPopper aria-hidden className="size-10 text-brand-600" />
          <h2 className="text-2xl font-extrabold tracking-tight text-slate-900 sm:text-3xl">
            You’re in!
          </h2>
          <p className="text-lg text-slate-700">Waiting for the host to start…</p>
        </div>
      ) : null}
      <p className="inline-flex items-center gap-2 rounded-full bg-slate-100 px-4 py-1.5 font-bold text-slate-800">
        <Users aria-hidden className="size-5" />
        {count === 1 ? '1 player has joined' : `${count} players have joined`}
      </p>
      {players.length > 0 ? (
        <ul aria-label="Players in the lobby" className="flex flex-wrap justify-center gap-2">
          {players.map((player) => (
            <li
              key={player.userId}
              className={clsx(
                'animate-pop rounded-full px-3.5 py-1.5 text-sm font-bold ring-1 ring-inset',
                player.userId === myUserId
                  ? 'bg-brand-600 text-white ring-brand-600'
                  : 'bg-white text-slate-800 ring-slate-200',
              )}
            >
              {player.name}
              {player.userId === myUserId ? <span className="sr-only"> (you)</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
