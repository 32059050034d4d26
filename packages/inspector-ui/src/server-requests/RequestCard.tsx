import { ElicitationCard } from './ElicitationCard'
import { SamplingCard } from './SamplingCard'
import type { ServerRequest } from './store'

export function RequestCard({ request }: { request: ServerRequest }) {
  return request.method === 'sampling/createMessage' ? (
    <SamplingCard request={request} />
  ) : (
    <ElicitationCard request={request} />
  )
}
