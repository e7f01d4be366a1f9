import type { Loop, UpdateLoopBody } from '@loopquiz/contract'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { randomId } from '../../../lib/random-id'
import { safeStorage } from '../../../lib/storage'
import { useCreateLoop } from '../api/create-loop'
import { useUpdateLoop } from '../api/update-loop'
import {
  captionsStorageKey,
  type DetectVideo,
  draftStorageKey,
  emptyLoopDraft,
  type LoopDraft,
  loopDraftFromLoop,
  parseStoredDraft,
  planSave,
  type SavePlan,
} from '../utils/loop-draft'

// Typing pauses this long before the loop is saved: one request per burst of edits.
const SAVE_AFTER_MS = 1000

/** Where the draft stands with the server. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'waiting' }
  | { kind: 'saving' }
  | { kind: 'incomplete'; missing: string }
  | { kind: 'failed'; error: unknown }

interface UseLoopDraftOptions {
  userId: string
  /** The saved loop being edited; null for a new one. */
  loop: Loop | null
  detectVideo: DetectVideo
  /** A new loop was saved for the first time. */
  onCreated: (loop: Loop) => void
}

function bodyOf(plan: Extract<SavePlan, { kind: 'ready' }>): UpdateLoopBody {
  return { ...plan.fields, ...(plan.questions ? { questions: plan.questions } : {}) }
}

/** The draft this browser kept (edits not saved yet), else the saved loop, else a blank one. */
function initialDraft(userId: string, loop: Loop | null): { draft: LoopDraft; isLocal: boolean } {
  const stored = parseStoredDraft(safeStorage.get(draftStorageKey(userId, loop?.id ?? null)))
  if (stored) return { draft: stored, isLocal: true }
  if (!loop) return { draft: emptyLoopDraft(randomId()), isLocal: false }
  const captionsUrl = safeStorage.get(captionsStorageKey(userId, loop.id)) ?? ''
  return { draft: loopDraftFromLoop(loop, captionsUrl), isLocal: false }
}

/**
 * A loop being written, kept safe as it changes: every change is stored in this browser at
 * once, and about a second after the typing stops it is saved to the account (created the
 * first time it is complete, then updated). The browser's copy goes once the server has all
 * of it; questions that do not validate yet stay only in the browser until they do.
 */
export function useLoopDraft({ userId, loop, detectVideo, onCreated }: UseLoopDraftOptions) {
  const createLoop = useCreateLoop()
  const updateLoop = useUpdateLoop()
  const [start] = useState(() => initialDraft(userId, loop))
  const [draft, setDraft] = useState(start.draft)
  const [savedLoop, setSavedLoop] = useState(loop)
  const [saveState, setSaveState] = useState<SaveState>(() => {
    const plan = planSave(start.draft, detectVideo)
    if (plan.kind === 'incomplete') return { kind: 'incomplete', missing: plan.missing }
    return start.isLocal ? { kind: 'waiting' } : { kind: 'saved' }
  })

  const draftRef = useRef(draft)
  const loopIdRef = useRef(loop?.id ?? null)
  // What the server last accepted, as sent; an unchanged draft is not sent again.
  const lastSentRef = useRef<string | null>(
    loop && !start.isLocal ? JSON.stringify(bodyOfDraft(start.draft, detectVideo)) : null,
  )
  const timerRef = useRef<number | undefined>(undefined)
  const isBusyRef = useRef(false)
  const isAgainRef = useRef(false)
  const latest = useRef({ userId, detectVideo, onCreated, createLoop, updateLoop })
  useLayoutEffect(() => {
    latest.current = { userId, detectVideo, onCreated, createLoop, updateLoop }
  })

  const settle = useCallback((plan: Extract<SavePlan, { kind: 'ready' }>) => {
    if (plan.pendingQuestions === 0) {
      safeStorage.remove(draftStorageKey(latest.current.userId, loopIdRef.current))
    }
    setSaveState({ kind: 'saved' })
  }, [])

  const flush = useCallback(async () => {
    window.clearTimeout(timerRef.current)
    timerRef.current = undefined
    if (isBusyRef.current) {
      isAgainRef.current = true
      return
    }
    const { userId, detectVideo, createLoop, updateLoop } = latest.current
    const sent = draftRef.current
    const plan = planSave(sent, detectVideo)
    if (plan.kind === 'incomplete') {
      setSaveState({ kind: 'incomplete', missing: plan.missing })
      return
    }
    const body = bodyOf(plan)
    const json = JSON.stringify(body)
    if (json === lastSentRef.current) {
      settle(plan)
      return
    }
    isBusyRef.current = true
    setSaveState({ kind: 'saving' })
    try {
      const loopId = loopIdRef.current
      const saved = loopId
        ? await updateLoop.mutateAsync({ loopId, body })
        : await createLoop.mutateAsync({
            ...plan.fields,
            clientId: sent.clientId,
            questions: plan.questions ?? [],
          })
      lastSentRef.current = json
      setSavedLoop(saved)
      if (!loopId) {
        loopIdRef.current = saved.id
        safeStorage.remove(draftStorageKey(userId, null))
        safeStorage.set(draftStorageKey(userId, saved.id), JSON.stringify(draftRef.current))
        if (draftRef.current.captionsUrl) {
          safeStorage.set(captionsStorageKey(userId, saved.id), draftRef.current.captionsUrl)
        }
        latest.current.onCreated(saved)
      }
      isBusyRef.current = false
      if (isAgainRef.current) {
        isAgainRef.current = false
        void flush()
      } else if (draftRef.current !== sent) {
        // Edits made meanwhile have their own save coming.
        setSaveState({ kind: 'waiting' })
      } else settle(plan)
    } catch (error) {
      isBusyRef.current = false
      isAgainRef.current = false
      setSaveState({ kind: 'failed', error })
    }
  }, [settle])

  const schedule = useCallback(() => {
    window.clearTimeout(timerRef.current)
    timerRef.current = window.setTimeout(() => void flush(), SAVE_AFTER_MS)
  }, [flush])

  /** Changes the draft: kept in this browser at once, saved to the account shortly after. */
  const update = useCallback(
    (change: Partial<LoopDraft> | ((current: LoopDraft) => LoopDraft)) => {
      const current = draftRef.current
      const next = typeof change === 'function' ? change(current) : { ...current, ...change }
      if (next === current) return
      const { userId, detectVideo } = latest.current
      draftRef.current = next
      setDraft(next)
      const loopId = loopIdRef.current
      safeStorage.set(draftStorageKey(userId, loopId), JSON.stringify(next))
      if (loopId && next.captionsUrl !== current.captionsUrl) {
        if (next.captionsUrl) safeStorage.set(captionsStorageKey(userId, loopId), next.captionsUrl)
        else safeStorage.remove(captionsStorageKey(userId, loopId))
      }
      const plan = planSave(next, detectVideo)
      if (plan.kind === 'incomplete') {
        window.clearTimeout(timerRef.current)
        setSaveState({ kind: 'incomplete', missing: plan.missing })
      } else if (JSON.stringify(bodyOf(plan)) === lastSentRef.current && !isBusyRef.current) {
        // Nothing the server keeps changed (the captions link, a question still incomplete).
        window.clearTimeout(timerRef.current)
        settle(plan)
      } else {
        setSaveState({ kind: 'waiting' })
        schedule()
      }
    },
    [schedule, settle],
  )

  useEffect(() => {
    // A draft kept from before a reload is sent as soon as the page is back.
    if (start.isLocal) schedule()
    return () => {
      // Leaving the page with a save still waiting sends it now; the browser keeps a copy anyway.
      if (timerRef.current !== undefined) void flush()
    }
  }, [start.isLocal, schedule, flush])

  return {
    draft,
    update,
    saveState,
    /** The loop as the server last returned it; null until a new loop is first saved. */
    savedLoop,
    plan: planSave(draft, detectVideo),
    retry: () => void flush(),
    /** Forgets this browser's copies, e.g. once the loop is deleted. */
    forget: () => {
      window.clearTimeout(timerRef.current)
      timerRef.current = undefined
      const loopId = loopIdRef.current
      safeStorage.remove(draftStorageKey(latest.current.userId, loopId))
      if (loopId) safeStorage.remove(captionsStorageKey(latest.current.userId, loopId))
    },
  }
}

function bodyOfDraft(draft: LoopDraft, detectVideo: DetectVideo): UpdateLoopBody | null {
  const plan = planSave(draft, detectVideo)
  return plan.kind === 'ready' ? bodyOf(plan) : null
}
