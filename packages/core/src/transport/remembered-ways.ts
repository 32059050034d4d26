import type { ResolvedOptions } from '../resolve-options'
import { describePlan, type TransportPlan } from './detect'

/**
 * The way that worked last for each server, by the ways a client would try (URL, transport,
 * pin and paths): the revision asks clients to cache the era per origin, since it is a property
 * of the server. A new client for the same server tries that way first, so a 2025 server is
 * not probed for 2026-07-28 on every connect; when it no longer works, the usual order follows.
 * Memory only, for the life of the page or process.
 */
const remembered = new Map<string, TransportPlan>()

function keyOf(resolved: ResolvedOptions): string {
  return resolved.plans.map(describePlan).join('|')
}

function same(a: TransportPlan, b: TransportPlan): boolean {
  return (
    a.kind === b.kind && a.url.href === b.url.href && !a.modern === !b.modern
  )
}

/** The ways to try for a first connect: the one that worked last, then the rest in order. */
export function plansFor(resolved: ResolvedOptions): TransportPlan[] {
  const plan = remembered.get(keyOf(resolved))
  if (!plan || resolved.plans.length === 1) return resolved.plans
  return [plan, ...resolved.plans.filter((other) => !same(other, plan))]
}

export function rememberPlan(
  resolved: ResolvedOptions,
  plan: TransportPlan,
): void {
  if (resolved.plans.length > 1) remembered.set(keyOf(resolved), plan)
}

/**
 * Forgets every server's way, so the next connect detects afresh (tests that serve different
 * kinds of server at one URL call it between cases).
 */
export function forgetRememberedTransports(): void {
  remembered.clear()
}
