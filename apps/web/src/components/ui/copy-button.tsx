import { Check, Copy } from 'lucide-react'
import { useEffect, useState } from 'react'
import { Button } from './button'

/** Clipboard API where allowed (secure contexts); a hidden textarea elsewhere. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text)
    return
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  const copied = document.execCommand('copy')
  area.remove()
  if (!copied) throw new Error('Copy failed')
}

interface CopyButtonProps {
  text: string
  /** Accessible name, e.g. "Copy link to Photosynthesis quiz"; should start with the visible "Copy link". */
  label?: string
}

export function CopyButton({ text, label = 'Copy link' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = window.setTimeout(() => setState('idle'), 2000)
    return () => window.clearTimeout(timer)
  }, [state])

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        // Once copied, the visible "Copied" is part of the name too (WCAG 2.5.3).
        aria-label={state === 'copied' ? `${label}: copied` : label}
        onClick={() => {
          copyText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          )
        }}
      >
        {state === 'copied' ? (
          <Check aria-hidden className="size-4 text-emerald-600" />
        ) : (
          <Copy aria-hidden className="size-4" />
        )}
        {state === 'copied' ? 'Copied' : 'Copy link'}
      </Button>
      <span aria-live="polite" className="sr-only">
        {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Could not copy the link' : ''}
      </span>
    </span>
  )
}
