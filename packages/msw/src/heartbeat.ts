import { commentFrame, eventFrame } from './frames.js'

/** One keep-alive in the dialect's chosen shape. */
export function heartbeatFrame(as: 'comment' | 'event' | 'data'): string {
  if (as === 'comment') return commentFrame('ping')
  if (as === 'event') return eventFrame(String(Date.now()), 'heartbeat')
  return eventFrame('{"type":"heartbeat"}')
}
