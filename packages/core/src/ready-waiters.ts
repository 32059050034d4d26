import { MCPError } from './errors'
import type { InitializeResult } from './protocol'

type Waiter = {
  resolve(result: InitializeResult): void
  reject(error: MCPError): void
}

/** Callers waiting for the session to be ready again; all settle together on the outcome. */
export class ReadyWaiters {
  #waiters: Waiter[] = []

  wait(): Promise<InitializeResult> {
    return new Promise((resolve, reject) =>
      this.#waiters.push({ resolve, reject }),
    )
  }

  settle(outcome: InitializeResult | MCPError): void {
    const waiters = this.#waiters
    this.#waiters = []
    for (const waiter of waiters) {
      if (outcome instanceof MCPError) waiter.reject(outcome)
      else waiter.resolve(outcome)
    }
  }
}
