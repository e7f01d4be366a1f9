import { describe, expect, it } from 'vitest'
import { matchTimeZones, timeZoneOptions } from './time-zones'

const zones = timeZoneOptions('Europe/Paris')
const firstMatch = (query: string) => matchTimeZones(zones, query)[0]?.value

describe('time zone options', () => {
  it('label each zone with its id, its city and its offset', () => {
    const label = (zone: string) => zones.find((option) => option.value === zone)?.label
    expect(label('Europe/Paris')).toMatch(/^Europe\/Paris — Paris \(UTC\+0[12]:00\)$/)
    expect(timeZoneOptions('America/Argentina/Buenos_Aires')[0]?.label).toBe(
      'America/Argentina/Buenos_Aires — Buenos Aires (UTC-03:00)',
    )
    expect(label('UTC')).toBe('UTC (UTC+00:00)')
  })

  it('keep a zone the browser does not list, first', () => {
    expect(timeZoneOptions('Mars/Olympus_Mons')[0]?.value).toBe('Mars/Olympus_Mons')
  })
})

describe('matchTimeZones', () => {
  it.each([
    { query: 'new y', zone: 'America/New_York' },
    { query: 'new_york', zone: 'America/New_York' },
    { query: 'NEW   YORK', zone: 'America/New_York' },
    { query: 'york', zone: 'America/New_York' },
    { query: 'paris', zone: 'Europe/Paris' },
    { query: 'europe/par', zone: 'Europe/Paris' },
    { query: 'buenos aires', zone: 'America/Buenos_Aires' },
    { query: 'london', zone: 'Europe/London' },
    { query: 'lon', zone: 'Arctic/Longyearbyen' },
  ])('"$query" puts $zone first', ({ query, zone }) => {
    expect(firstMatch(query)).toBe(zone)
  })

  it('finds zones by offset too, and nothing for what no zone contains', () => {
    // Browsers name Nepal's zone Asia/Katmandu or Asia/Kathmandu.
    expect(matchTimeZones(zones, 'UTC+05:45').map((zone) => zone.value)).toEqual([
      expect.stringMatching(/^Asia\/Kath?mandu$/),
    ])
    expect(matchTimeZones(zones, 'xyz')).toEqual([])
  })

  it('gives every zone for an empty query', () => {
    expect(matchTimeZones(zones, '  ')).toHaveLength(zones.length)
  })
})
