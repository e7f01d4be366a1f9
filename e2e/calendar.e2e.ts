import { readFile } from 'node:fs/promises'
import { endpoints } from '@loopquiz/contract'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser } from './support/browser.ts'
import { manualSource, newPageIn, signIn } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('a session in my calendar', () => {
  it('a scheduled session downloads from its page as an .ics file; a cancelled one offers none', async () => {
    const owner = await signUpByApi(baseUrl, 'Cleo Calendar')
    const group = await owner.api(endpoints.createGroup, {
      body: { name: 'Evening French', privacy: 'public', timezone: 'Europe/Paris' },
    })
    const session = await owner.api(endpoints.scheduleSession, {
      params: { groupId: group.id },
      body: {
        title: 'Verbs, week 3',
        scheduledAt: new Date(
          Math.ceil((Date.now() + 2 * 86_400_000) / 60_000) * 60_000,
        ).toISOString(),
        durationMinutes: 30,
        source: manualSource,
      },
    })

    const page = await newPageIn(browser, 'desktop', 'America/New_York', baseUrl)
    await signIn(page, owner.email)
    await page.goto(`/groups/${group.id}/sessions/${session.id}`)
    const link = page.getByRole('link', { name: 'Add to calendar' })
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toBe('verbs-week-3.ics')
    const file = await readFile(await download.path(), 'utf8')
    expect(file).toContain('METHOD:PUBLISH')
    expect(file.match(/BEGIN:VEVENT/g)).toHaveLength(1)
    expect(file).toContain(`UID:session-${session.id}@localhost`)
    expect(file).toContain('SUMMARY:Verbs\\, week 3')
    expect(file).toContain('STATUS:CONFIRMED')
    await expectNoAxeViolations(page, 'session page')

    await owner.api(endpoints.cancelSession, {
      params: { groupId: group.id, sessionId: session.id },
      query: { scope: 'this' },
    })
    await page.reload()
    await page.getByText('Cancelled').first().waitFor()
    expect(await page.getByRole('link', { name: 'Add to calendar' }).count()).toBe(0)
    await page.context().close()
  })
})
