import { Trash2 } from 'lucide-react'
import { useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useDeleteLoop } from '../api/delete-loop'

interface DeleteLoopButtonProps {
  loopId: string
  title: string
  onDeleted: () => void
}

/** "Delete loop" with a confirmation; quizzes already shared from it keep their own copy. */
export function DeleteLoopButton({ loopId, title, onDeleted }: DeleteLoopButtonProps) {
  const remove = useDeleteLoop()
  const [isConfirming, setIsConfirming] = useState(false)

  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="text-rose-700 hover:bg-rose-50 hover:text-rose-800"
        aria-haspopup="dialog"
        onClick={() => setIsConfirming(true)}
      >
        <Trash2 aria-hidden className="size-4" />
        Delete loop
      </Button>
      <Dialog
        isOpen={isConfirming}
        onClose={() => {
          setIsConfirming(false)
          remove.reset()
        }}
        title={title ? `Delete “${title}”?` : 'Delete this loop?'}
        description="The loop and its questions go from your account. Quizzes you already shared from it keep working: each link keeps its own copy."
      >
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setIsConfirming(false)}>
            Keep the loop
          </Button>
          <Button
            variant="danger"
            isLoading={remove.isPending}
            onClick={() => remove.mutate(loopId, { onSuccess: onDeleted })}
          >
            Delete loop
          </Button>
        </div>
      </Dialog>
    </>
  )
}
