// The shared question editor (@loopquiz/editor) where the web app shows it today: the
// schedule dialog's "Create manually" source. All four types, reordering by keyboard and by
// drag, inline errors wired to their fields, and what reaches the server.
import { fileURLToPath } from 'node:url'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, viewports } from './support/browser.ts'
import { newPageIn, signIn } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
// Eight engineers share two cores: a render can take longer than expect.poll's default second.
const poll = { timeout: 15_000 }
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** What the screen shows now, scrolled to `element`; full-page shots cut modals. */
async function shotScreen(page: Page, name: string, element?: Locator) {
  if (element) await element.scrollIntoViewIfNeeded()
  await page.screenshot({
    path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)),
  })
}

function question(dialog: Locator, number: number): Locator {
  return dialog.getByRole('group', { name: `Question ${number}`, exact: true })
}

/** The prompts of the questions, in the order the editor shows them. */
function prompts(dialog: Locator): Promise<string[]> {
  return dialog
    .getByLabel('Question', { exact: true })
    .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))
}

function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)
}

describe('question editor', () => {
  it('writes questions of all four types, reorders them by keyboard and by drag, shows errors by their fields, and sends what was typed', async () => {
    const owner = await signUpByApi(baseUrl, 'Erin Editor')
    const group = await owner.api(endpoints.createGroup, {
      body: { name: 'Editors club', privacy: 'private', timezone: 'Europe/London' },
    })
    const page = await newPageIn(browser, 'desktop', 'Europe/London', baseUrl)
    await signIn(page, owner.email)
    await page.goto(`/groups/${group.id}/sessions`)
    await page.getByRole('button', { name: 'Schedule session' }).click()
    const dialog = page.getByRole('dialog', { name: 'Schedule a session' })
    await dialog.locator('label', { hasText: 'Create manually' }).click()
    await dialog.getByLabel('Video URL').fill('https://youtu.be/aqz-KE-bpKQ')
    await dialog.getByLabel('Video title').fill('Capitals of Europe')
    await dialog.getByLabel('Loop end (seconds)').fill('90')

    // 1: single choice (the one a new source starts with).
    const q1 = question(dialog, 1)
    await q1.getByLabel('Question', { exact: true }).fill('What is the capital of France?')
    await q1.getByLabel('Option A', { exact: true }).fill('Paris')
    await q1.getByLabel('Option B', { exact: true }).fill('Rome')
    await q1.getByLabel('Option A is correct').check()
    await q1.getByLabel('Moment in the video').fill('1:15.3')

    // 2: multiple choice; a new question takes the focus on its prompt.
    await dialog.getByRole('button', { name: 'Add multiple choice' }).click()
    const q2 = question(dialog, 2)
    await expect
      .poll(
        () =>
          q2.getByLabel('Question', { exact: true }).evaluate((f) => f === document.activeElement),
        poll,
      )
      .toBe(true)
    await page.keyboard.type('Which cities are capitals?')
    await q2.getByLabel('Option A', { exact: true }).fill('Madrid')
    await q2.getByLabel('Option B', { exact: true }).fill('Milan')
    await q2.getByRole('button', { name: 'Add option' }).click()
    await q2.getByLabel('Option C', { exact: true }).fill('Lisbon')
    await q2.getByLabel('Option A is correct').check()
    await q2.getByLabel('Option C is correct').check()
    await q2.getByLabel('Points').fill('3')

    // 3: short text with two accepted answers.
    await dialog.getByRole('button', { name: 'Add short text' }).click()
    const q3 = question(dialog, 3)
    await q3.getByLabel('Question', { exact: true }).fill('Name the capital of Italy.')
    await q3.getByLabel('Accepted answer 1', { exact: true }).fill('Rome')
    await q3.getByRole('button', { name: 'Add accepted answer' }).click()
    await q3.getByLabel('Accepted answer 2', { exact: true }).fill('Roma')
    await q3.getByLabel('Time limit').fill('45')

    // 4: true or false.
    await dialog.getByRole('button', { name: 'Add true or false' }).click()
    const q4 = question(dialog, 4)
    await q4.getByLabel('Question', { exact: true }).fill('Berlin is in Spain.')
    await q4.getByRole('radio', { name: 'False' }).check()

    // Keyboard: move the last one to the top; the focus stays on the moving control.
    await q4.getByRole('button', { name: 'Move question 4 up' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedName(page), poll).toBe('Move question 3 up')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    // At the top "up" is off, so the focus goes to "down" of the same question.
    await expect.poll(() => focusedName(page), poll).toBe('Move question 1 down')
    await expect(prompts(dialog)).resolves.toEqual([
      'Berlin is in Spain.',
      'What is the capital of France?',
      'Which cities are capitals?',
      'Name the capital of Italy.',
    ])
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedName(page), poll).toBe('Move question 2 down')
    await expect(prompts(dialog)).resolves.toEqual([
      'What is the capital of France?',
      'Berlin is in Spain.',
      'Which cities are capitals?',
      'Name the capital of Italy.',
    ])

    // Drag: the short text question's handle onto the top half of question 1. Tall enough
    // to show every question: Playwright scrolls to the target after pressing on the source,
    // which in a scrolling dialog would start the drag on whatever moved under the pointer.
    await page.setViewportSize({ width: 1280, height: 3200 })
    await question(dialog, 4)
      .locator('[title="Drag to reorder"]')
      .dragTo(question(dialog, 1), { targetPosition: { x: 40, y: 10 } })
    await expect
      .poll(() => prompts(dialog), poll)
      .toEqual([
        'Name the capital of Italy.',
        'What is the capital of France?',
        'Berlin is in Spain.',
        'Which cities are capitals?',
      ])
    await page.setViewportSize(viewports.desktop)

    // Errors sit next to their fields and are announced with them.
    const capital = question(dialog, 2)
    await capital.getByLabel('Points').fill('200')
    await capital.getByLabel('Time limit').fill('3')
    await capital.getByLabel('Moment in the video').fill('1:75')
    await question(dialog, 3).getByLabel('Question', { exact: true }).fill('')
    await dialog.getByRole('button', { name: 'Schedule session' }).click()
    for (const [field, message] of [
      ['Points', 'Give a whole number of points from 0 to 100.'],
      [
        'Time limit',
        'Give a whole number of seconds from 5 to 3600, or leave it empty for no limit.',
      ],
      [
        'Moment in the video',
        'Type a time in the video like 1:15.3 (up to 24 hours), or leave it empty.',
      ],
    ] as const) {
      const input = capital.getByLabel(field)
      await expect(input.getAttribute('aria-invalid')).resolves.toBe('true')
      const describedBy = (await input.getAttribute('aria-describedby')) ?? ''
      const descriptions = await Promise.all(
        describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
      )
      expect(descriptions).toContain(message)
    }
    const emptied = question(dialog, 3).getByLabel('Question', { exact: true })
    await expect(emptied.getAttribute('aria-invalid')).resolves.toBe('true')
    await question(dialog, 3).getByText('Write the question.').waitFor()
    await shotScreen(page, 'question-editor-errors-desktop', capital.getByLabel('Points'))
    await expectNoAxeViolations(page, 'question editor: errors')

    await capital.getByLabel('Points').fill('2')
    await capital.getByLabel('Time limit').fill('')
    await capital.getByLabel('Moment in the video').fill('1:15.3')
    await emptied.fill('Berlin is in Spain.')

    await page.setViewportSize(viewports.phone)
    await shotScreen(page, 'question-editor-phone', question(dialog, 1))
    await shotScreen(
      page,
      'question-editor-choices-phone',
      question(dialog, 4).getByLabel('Option C', { exact: true }),
    )
    await page.setViewportSize(viewports.desktop)
    await shotScreen(page, 'question-editor-desktop', question(dialog, 1))
    await expectNoAxeViolations(page, 'question editor: four types')

    // The session keeps what was typed, in the order shown.
    await dialog.getByRole('button', { name: 'Schedule session' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const { items } = await owner.api(endpoints.findSessions, {
      params: { groupId: group.id },
      query: {},
    })
    const [session] = items
    if (!session) throw new Error('no session was scheduled')
    const detail = await owner.api(endpoints.getSession, {
      params: { groupId: group.id, sessionId: session.id },
    })
    expect(
      detail.questions.map(({ type, prompt, points, atS, timeLimitS, options }) => ({
        type,
        prompt,
        points,
        atS,
        timeLimitS,
        options: options?.map((option) => option.text),
      })),
    ).toEqual([
      {
        type: 'short_text',
        prompt: 'Name the capital of Italy.',
        points: 1,
        atS: undefined,
        timeLimitS: 45,
        options: undefined,
      },
      {
        type: 'single',
        prompt: 'What is the capital of France?',
        points: 2,
        atS: 75.3,
        timeLimitS: undefined,
        options: ['Paris', 'Rome'],
      },
      {
        type: 'true_false',
        prompt: 'Berlin is in Spain.',
        points: 1,
        atS: undefined,
        timeLimitS: undefined,
        options: undefined,
      },
      {
        type: 'multiple',
        prompt: 'Which cities are capitals?',
        points: 3,
        atS: undefined,
        timeLimitS: undefined,
        options: ['Madrid', 'Milan', 'Lisbon'],
      },
    ])
    await page.context().close()
  }, 180_000)
})
