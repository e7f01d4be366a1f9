import type { LiveState, MyStanding } from '@loopquiz/contract'
import { type Realtime, rooms } from '../../plugins/realtime.ts'

/**
 * What live play tells clients: the shared state to everyone in the session (one broadcast, the
 * same for host and players), and each participant's own standing to them alone.
 */
export function createLiveEvents(realtime: Realtime) {
  const { io } = realtime
  return {
    liveState(state: LiveState) {
      io.to(rooms.session(state.sessionId)).emit('live:state', state)
    },

    standings(_sessionId: string, standings: readonly MyStanding[]) {
      for (const standing of standings) {
        io.to(rooms.user(standing.userId)).emit('live:standing', standing)
      }
    },
  }
}

export type LiveEvents = ReturnType<typeof createLiveEvents>
