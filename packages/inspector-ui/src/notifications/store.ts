import { create } from 'zustand'

export interface NotificationRecord {
  n: number
  session: string
  time: number
  method: string
  params: Record<string, unknown> | undefined
}

/** Server notifications for the notifications panel; the raw log keeps everything, this keeps the last 2,000. */
const LIMIT = 2_000

/** Server notifications of one inspector instance. */
export function createNotificationStore() {
  const useNotifications = create<{ items: NotificationRecord[] }>(() => ({
    items: [],
  }))

  let n = 0

  function recordNotification(
    session: string,
    method: string,
    params: Record<string, unknown> | undefined,
  ): void {
    const item: NotificationRecord = {
      n: ++n,
      session,
      time: Date.now(),
      method,
      params,
    }
    useNotifications.setState((s) => {
      const items =
        s.items.length >= LIMIT ? s.items.slice(1 - LIMIT) : s.items.slice()
      items.push(item)
      return { items }
    })
  }

  function clearNotifications(): void {
    useNotifications.setState({ items: [] })
  }
  return { useNotifications, recordNotification, clearNotifications }
}
