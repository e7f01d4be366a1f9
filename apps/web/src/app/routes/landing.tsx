import { Check, Clapperboard, PencilLine, Play, Share2, Users } from 'lucide-react'
import { Link } from 'react-router'
import { buttonClassName } from '../../components/ui/button'
import { Card } from '../../components/ui/card'

const steps = [
  {
    icon: Clapperboard,
    title: 'Mark a loop',
    text: 'Paste a YouTube link or the address of a video file, then set where the moment that matters starts and ends.',
  },
  {
    icon: PencilLine,
    title: 'Write questions',
    text: 'Single or multiple choice, true/false or short answers, each with an optional explanation. Fill-in-the-blank suggestions come from the loop’s transcript.',
  },
  {
    icon: Share2,
    title: 'Share and play',
    text: 'Send a link, or schedule a session for your group and compare results with everyone who took part.',
  },
]

/** A static preview of the quiz screen, so visitors see what they'll get. */
function QuizPreview() {
  return (
    <Card
      className="w-full max-w-md rotate-1 overflow-hidden shadow-2xl shadow-brand-900/20"
      aria-hidden
    >
      <div className="relative grid aspect-video place-items-center bg-linear-to-br from-slate-800 to-slate-900">
        <span className="grid size-14 place-items-center rounded-full bg-white/90 text-brand-700 shadow-lg">
          <Play className="size-6 translate-x-0.5" />
        </span>
        <span className="absolute bottom-3 left-3 rounded-full bg-black/60 px-2.5 py-0.5 text-xs font-semibold text-white tabular-nums">
          0:12–0:45
        </span>
      </div>
      <div className="flex flex-col gap-3 p-5">
        <div className="flex items-center justify-between text-xs font-bold text-brand-700">
          <span>Question 2 of 5</span>
          <span className="rounded-full bg-amber-50 px-2 py-0.5 text-amber-800">Score 1</span>
        </div>
        <div className="h-2 rounded-full bg-slate-200">
          <div className="h-2 w-2/5 rounded-full bg-linear-to-r from-brand-500 to-fuchsia-500" />
        </div>
        <p className="font-bold text-slate-900">What does the speaker compare memory to?</p>
        <div className="grid grid-cols-2 gap-2 text-sm font-semibold">
          <span className="flex items-center justify-between rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900 ring-2 ring-emerald-500">
            A library <Check className="size-4 text-emerald-600" />
          </span>
          <span className="rounded-lg px-3 py-2 text-slate-500 ring-1 ring-slate-200">A river</span>
          <span className="rounded-lg px-3 py-2 text-slate-500 ring-1 ring-slate-200">
            A muscle
          </span>
          <span className="rounded-lg px-3 py-2 text-slate-500 ring-1 ring-slate-200">
            A camera
          </span>
        </div>
      </div>
    </Card>
  )
}

export function Landing() {
  return (
    <>
      <title>LoopQuiz · Turn moments of video into quizzes</title>
      <div className="flex flex-col gap-14 sm:gap-20">
        <section className="relative -mx-4 overflow-hidden rounded-none bg-linear-to-br from-brand-700 via-brand-600 to-fuchsia-600 px-5 py-12 text-white sm:mx-0 sm:rounded-3xl sm:px-12 sm:py-16">
          <div
            aria-hidden
            className="pointer-events-none absolute -top-24 -right-24 size-80 rounded-full bg-fuchsia-400/30 blur-3xl"
          />
          <div className="relative grid items-center gap-10 lg:grid-cols-2">
            <div className="flex flex-col gap-6">
              <p className="inline-flex w-fit items-center gap-2 rounded-full bg-white/15 px-3 py-1 text-sm font-semibold">
                <Users aria-hidden className="size-4" />
                For learners, classes and study circles
              </p>
              <h1 className="text-4xl font-black tracking-tight text-balance sm:text-5xl">
                Turn a moment of video into a quiz
              </h1>
              <p className="max-w-xl text-lg text-brand-50">
                LoopQuiz lets you mark a loop in a YouTube video or a video file, write questions
                about it, and share them as a link. Take quizzes on your own or together in a group
                session.
              </p>
              <div className="flex flex-col gap-3 sm:flex-row">
                <Link to="/signup" className={buttonClassName({ variant: 'light', size: 'lg' })}>
                  Create your free account
                </Link>
                <Link
                  to="/login"
                  className={buttonClassName({
                    variant: 'ghost',
                    size: 'lg',
                    className: 'text-white ring-1 ring-white/40 hover:bg-white/10 hover:text-white',
                  })}
                >
                  I already have an account
                </Link>
              </div>
            </div>
            <div className="flex justify-center lg:justify-end">
              <QuizPreview />
            </div>
          </div>
        </section>

        <section aria-labelledby="how-heading" className="flex flex-col gap-8">
          <h2
            id="how-heading"
            className="text-center text-2xl font-extrabold tracking-tight text-slate-900 sm:text-3xl"
          >
            How it works
          </h2>
          <ol className="grid gap-4 sm:grid-cols-3">
            {steps.map((step, index) => (
              <li key={step.title}>
                <Card className="flex h-full flex-col gap-3 p-6">
                  <span className="flex items-center gap-3">
                    <span className="grid size-11 place-items-center rounded-xl bg-brand-100 text-brand-700">
                      <step.icon aria-hidden className="size-5" />
                    </span>
                    <span className="text-sm font-bold text-brand-600">Step {index + 1}</span>
                  </span>
                  <h3 className="text-lg font-bold text-slate-900">{step.title}</h3>
                  <p className="text-slate-600">{step.text}</p>
                </Card>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  )
}
