import { initialsOf } from '../../lib/format'

/** A person's initials in a circle; decorative, as their name is always written next to it. */
export function Avatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden
      className="grid size-10 shrink-0 place-items-center rounded-full bg-linear-to-br from-brand-100 to-fuchsia-100 text-sm font-bold text-brand-700"
    >
      {initialsOf(name) || '?'}
    </span>
  )
}
