import {
  applyPresence,
  applyProgress,
  type PresenceEntry,
  type SessionPresenceEvent,
  type SessionProgressEvent,
  type SessionSnapshot,
} from '@loopquiz/contract'
import { unwrapAck } from '@loopquiz/contract/realtime-client'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import {
  type ConnectionStatus,
  releaseRoom,
  retainRoom,
  useConnectionStatus,
  useRealtimeSocket,
} from '../lib/realtime'
import { groupSessionsQueryKey, userSessionsQueryKey } from '../lib/session-query-keys'

export interface SessionChannel {
  /** What the server said on the last (re)connection, null until then. */
  snapshot: SessionSnapshot | null
  /** The snapshot's participants with every presence and progress push since applied. */
  participants: PresenceEntry[] | null
  status: ConnectionStatus
  isConnected: boolean
}

/**
 * Watches a session over the socket: on connecting and on every reconnection (the server's
 * snapshot is the truth then), then by its presence and progress pushes. Queries showing the
 * session are refetched when the server says it changed (start, end, extend…), and its results
 * when someone finishes.
 */
export function useSessionChannel(groupId: string, sessionId: string): SessionChannel {
  const socket = useRealtimeSocket()
  const status = useConnectionStatus()
  const queryClient = useQueryClient()
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null)
  const [participants, setParticipants] = useState<PresenceEntry[] | null>(null)

  useEffect(() => {
    if (!socket) return
    const room = `session:${sessionId}`
    retainRoom(room)
    let isCurrent = true

    async function watch() {
      if (!socket?.connected) return
      try {
        const reply = await socket.emitWithAck('session:watch', { groupId, sessionId })
        const data = unwrapAck(reply)
        if (!isCurrent) return
        setSnapshot(data)
        setParticipants(data.participants)
      } catch {
        // Not found or not allowed (the HTTP queries show why), or the connection dropped:
        // the next connection watches again.
      }
    }
    const onPresence = (event: SessionPresenceEvent) => {
      if (event.sessionId !== sessionId) return
      setParticipants((list) => (list ? applyPresence(list, event) : list))
    }
    const onProgress = (event: SessionProgressEvent) => {
      if (event.sessionId !== sessionId) return
      setParticipants((list) => (list ? applyProgress(list, event) : list))
      if (event.updates.some((update) => update.finished)) {
        void queryClient.invalidateQueries({
          queryKey: [...groupSessionsQueryKey(groupId), 'results', sessionId],
        })
      }
    }
    const onChanged = (event: { sessionId: string; status: SessionSnapshot['status'] }) => {
      if (event.sessionId !== sessionId) return
      setSnapshot((current) => (current ? { ...current, status: event.status } : current))
      void queryClient.invalidateQueries({ queryKey: groupSessionsQueryKey(groupId) })
      void queryClient.invalidateQueries({ queryKey: userSessionsQueryKey })
    }

    const onConnect = () => {
      void watch()
      // Pushes missed while away are replayed only when the server recovered this connection.
      if (!socket.recovered) {
        void queryClient.invalidateQueries({ queryKey: groupSessionsQueryKey(groupId) })
      }
    }

    socket.on('connect', onConnect)
    socket.on('session:presence', onPresence)
    socket.on('session:progress', onProgress)
    socket.on('session:changed', onChanged)
    void watch()
    return () => {
      isCurrent = false
      socket.off('connect', onConnect)
      socket.off('session:presence', onPresence)
      socket.off('session:progress', onProgress)
      socket.off('session:changed', onChanged)
      // Volatile: with retries on, every queued emit waits for an ack, and unwatch gets none, so
      // it would hold up every request after it (the next page's watch among them).
      if (releaseRoom(room) && socket.connected)
        socket.volatile.emit('session:unwatch', { sessionId })
    }
  }, [socket, groupId, sessionId, queryClient])

  return { snapshot, participants, status, isConnected: status === 'connected' }
}
