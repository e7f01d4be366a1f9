import { Button } from './button'

interface LoadMoreProps {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  onLoadMore: () => void
  label?: string
}

/** "Show more" under a paged list; nothing once the last page is in. */
export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
  label = 'Show more',
}: LoadMoreProps) {
  if (!hasNextPage) return null
  return (
    <div className="flex justify-center">
      <Button variant="ghost" size="sm" onClick={onLoadMore} isLoading={isFetchingNextPage}>
        {label}
      </Button>
    </div>
  )
}
