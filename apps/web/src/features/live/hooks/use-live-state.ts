import type { AnswerDistribution, LiveState, MyStanding, PresenceEntry } from '@loopquiz/contract'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useSessionChannel } from '../../../hooks/use-session-channel'
import { type ConnectionStatus, useRealtimeSocket } from '../../../lib/realtime'
import { storeLiveState, useLiveStateQuery } from '../api/get-live-state'
import { newerState } from '../utils/live-clock'

export interface LiveView {
  /** The shared state, null until the snapshot or the first fetch arrives. */
  state: LiveState | null
  /** My own rank and score, sent to me alone at the leaderboard and the podium. */
  myStanding: MyStanding | null
  /** Who is in the session (presence and progress), null until the snapshot. */
  participants: PresenceEntry[] | null
  status: ConnectionStatus
  /**
   * How many answered the current question so far. The state counts them when it is built; for
   * hosts, the answer totals pushed as they come in (`session:answers`) keep it current.
   */
  answeredCount: number
  /** A failed fallback fetch, while the socket is down. */
  error: unknown
}

/**
 * A live session as it is now: the watch snapshot's state (also after every reconnection),
 * then each `live:state` push (an older version than the one shown is dropped), and my standing
 * from `live:standing`. While the socket is down, the state is fetched every 2 s instead.
 */
export function useLiveState(groupId: string, sessionId: string): LiveView {
  const channel = useSessionChannel(groupId, sessionId)
  const socket = useRealtimeSocket()
  const queryClient = useQueryClient()
  const query = useLiveStateQuery(groupId, sessionId, channel.isConnected)
  const [myStanding, setMyStanding] = useState<MyStanding | null>(null)
  const [answeredByQuestion, setAnsweredByQuestion] = useState<Record<string, number>>({})

  useEffect(() => {
    if (!socket) return
    const onState = (state: LiveState) => {
      if (state.sessionId === sessionId) storeLiveState(queryClient, state)
    }
    const onStanding = (standing: MyStanding) => {
      if (standing.sessionId === sessionId) setMyStanding(standing)
    }
    const onAnswers = (event: AnswerDistribution) => {
      if (event.sessionId !== sessionId) return
      setAnsweredByQuestion((counts) => {
        const next = { ...counts }
        for (const question of event.questions) next[question.questionId] = question.answeredCount
        return next
      })
    }
    socket.on('live:state', onState)
    socket.on('live:standing', onStanding)
    socket.on('session:answers', onAnswers)
    return () => {
      socket.off('live:state', onState)
      socket.off('live:standing', onStanding)
      socket.off('session:answers', onAnswers)
    }
  }, [socket, sessionId, queryClient])

  const snapshotState = channel.snapshot?.live ?? null
  const pushed = query.data ?? null
  const state = snapshotState ? newerState(pushed, snapshotState) : pushed
  const pushedAnswered = state?.questionId ? answeredByQuestion[state.questionId] : undefined
  return {
    state,
    myStanding,
    // Both are totals, and answers are never taken back: the larger is the later.
    answeredCount: Math.max(state?.answeredCount ?? 0, pushedAnswered ?? 0),
    participants: channel.participants,
    status: channel.status,
    error: query.error,
  }
}
