import { notificationTypeSchema } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { preferenceGroups } from './preference-types'

describe('preferenceGroups', () => {
  it('lists every notification type exactly once, so none is left without a choice', () => {
    const listed = preferenceGroups.flatMap((group) => group.types)
    expect([...listed].sort()).toEqual([...notificationTypeSchema.options].sort())
  })
})
