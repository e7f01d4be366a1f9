import { describe, expect, it } from 'vitest'
import { csvField, slugOf, toCsv } from './attempts-csv.ts'

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['=A1,"x"', `"'=A1,""x"""`],
    ['mid=dle', 'mid=dle'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected)
  })

  it('writes numbers as they are (a negative number is not text) and null as empty', () => {
    expect(csvField(-3)).toBe('-3')
    expect(csvField(2.5)).toBe('2.5')
    expect(csvField(null)).toBe('')
  })
})

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n')
  })
})

describe('slugOf', () => {
  it.each([
    ['Planets, "colours" & cities', 'planets-colours-cities'],
    ['Crème brûlée', 'creme-brulee'],
    ['日本語', 'quiz'],
    ['  --x--  ', 'x'],
    ['a'.repeat(70), 'a'.repeat(60)],
  ])('makes %j into %j', (title, slug) => {
    expect(slugOf(title)).toBe(slug)
  })
})
