import type { GroupPresenceEvent, SessionChangedEvent } from '@loopquiz/contract'
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

export interface GroupChannel {
  /** Members with a LoopQuiz page of the group open now; null until the server says. */
  onlineUserIds: string[] | null
  status: ConnectionStatus
  isConnected: boolean
}

function watchGroupSessions(
  socket: NonNullable<ReturnType<typeof useRealtimeSocket>>,
  groupIds: readonly string[],
  onChanged: (event: SessionChangedEvent) => void,
  onPresence: (event: GroupPresenceEvent) => void,
) {
  let isCurrent = true
  const wanted = new Set(groupIds)
  async function watchAll() {
    if (!socket.connected) return
    await Promise.all(
      groupIds.map(async (groupId) => {
        try {
          const reply = await socket.emitWithAck('group:watch', { groupId })
          if (isCurrent) onPresence(unwrapAck(reply))
        } catch {
          // Left the group, or the connection dropped: the next connection watches again.
        }
      }),
    )
  }
  const changed = (event: SessionChangedEvent) => {
    if (wanted.has(event.groupId)) onChanged(event)
  }
  const presence = (event: GroupPresenceEvent) => {
    if (wanted.has(event.groupId)) onPresence(event)
  }
  for (const groupId of groupIds) retainRoom(`group:${groupId}`)
  socket.on('connect', watchAll)
  socket.on('session:changed', changed)
  socket.on('group:presence', presence)
  void watchAll()
  return () => {
    isCurrent = false
    socket.off('connect', watchAll)
    socket.off('session:changed', changed)
    socket.off('group:presence', presence)
    for (const groupId of groupIds) {
      if (releaseRoom(`group:${groupId}`) && socket.connected) {
        // Volatile: a queued emit waits for an ack that unwatch never gets (see the session channel).
        socket.volatile.emit('group:unwatch', { groupId })
      }
    }
  }
}

/**
 * Watches a group: its members online now, and its sessions' changes, which refetch the lists
 * and pages that show them (the Sessions tab, the overview's next sessions, the dashboard).
 */
export function useGroupChannel(groupId: string): GroupChannel {
  const socket = useRealtimeSocket()
  const status = useConnectionStatus()
  const queryClient = useQueryClient()
  const [onlineUserIds, setOnlineUserIds] = useState<string[] | null>(null)

  useEffect(() => {
    if (!socket) return
    return watchGroupSessions(
      socket,
      [groupId],
      () => {
        void queryClient.invalidateQueries({ queryKey: groupSessionsQueryKey(groupId) })
        void queryClient.invalidateQueries({ queryKey: userSessionsQueryKey })
      },
      (event) => setOnlineUserIds(event.onlineUserIds),
    )
  }, [socket, groupId, queryClient])

  return { onlineUserIds, status, isConnected: status === 'connected' }
}

/** Watches several groups' sessions at once (the dashboard lists sessions of all of mine). */
export function useGroupsSessionsChannel(groupIds: readonly string[]): {
  status: ConnectionStatus
  isConnected: boolean
} {
  const socket = useRealtimeSocket()
  const status = useConnectionStatus()
  const queryClient = useQueryClient()
  // A stable dependency: the same groups in a new array must not watch them all again.
  const key = [...groupIds].sort().join(',')

  useEffect(() => {
    if (!socket || key === '') return
    return watchGroupSessions(
      socket,
      key.split(','),
      (event) => {
        void queryClient.invalidateQueries({ queryKey: groupSessionsQueryKey(event.groupId) })
        void queryClient.invalidateQueries({ queryKey: userSessionsQueryKey })
      },
      () => {},
    )
  }, [socket, key, queryClient])

  return { status, isConnected: status === 'connected' }
}
