import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import {
  type VerificationOutcome,
  verificationOutcomeOf,
  withoutVerificationOutcome,
} from '../utils/email-verification'

/**
 * What the confirmation link that led to this page did, read once: the marks the link added are
 * then taken off the address, so a reload or a shared address does not say it again.
 */
export function useVerificationOutcome(): [VerificationOutcome | null, () => void] {
  const [searchParams, setSearchParams] = useSearchParams()
  const [outcome, setOutcome] = useState(() => verificationOutcomeOf(searchParams))
  useEffect(() => {
    if (verificationOutcomeOf(searchParams) === null) return
    setSearchParams(withoutVerificationOutcome(searchParams), { replace: true })
  }, [searchParams, setSearchParams])
  return [outcome, () => setOutcome(null)]
}
