import clsx from 'clsx'

interface LogoProps {
  className?: string
  /** Only the mark below the `sm` breakpoint, to leave room for navigation on phones. */
  isCompactOnPhone?: boolean
}

/** The LoopQuiz mark (a loop drawn as an infinity sign) and wordmark. */
export function Logo({ className, isCompactOnPhone = false }: LogoProps) {
  return (
    <span className={clsx('inline-flex items-center gap-2', className)}>
      <svg viewBox="0 0 32 32" aria-hidden className="size-8 shrink-0 drop-shadow-sm">
        <defs>
          <linearGradient id="logo-gradient" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#7c3aed" />
            <stop offset="1" stopColor="#db2777" />
          </linearGradient>
        </defs>
        <rect width="32" height="32" rx="9" fill="url(#logo-gradient)" />
        <path
          d="M11 12.5a4.5 4.5 0 1 0 0 7c1.8 0 3-1.2 5-3.5s3.2-3.5 5-3.5a4.5 4.5 0 1 1 0 7c-1.8 0-3-1.2-5-3.5s-3.2-3.5-5-3.5Z"
          fill="none"
          stroke="#fff"
          strokeWidth="2.4"
          strokeLinecap="round"
        />
      </svg>
      <span
        className={clsx(
          'text-xl font-black tracking-tight text-slate-900',
          isCompactOnPhone && 'hidden sm:inline',
        )}
      >
        Loop<span className="text-brand-600">Quiz</span>
      </span>
    </span>
  )
}
