import { createAuthStore } from '../auth/store'
import { createLogStore } from '../log/store'
import { createNotificationStore } from '../notifications/store'
import { createResourceStore } from '../resources/store'
import { createRootStore } from '../roots/store'
import { createServerRequestStore } from '../server-requests/store'
import { createServerTaskStore } from '../tasks/store'
import { createToolStore } from '../tools/store'

/**
 * Every store of one inspector instance except the sessions, which hang their listeners on these.
 * Each call makes new stores: two inspectors on a page share nothing.
 */
export function createInspectorBase() {
  return {
    ...createLogStore(),
    ...createToolStore(),
    ...createNotificationStore(),
    ...createResourceStore(),
    ...createRootStore(),
    ...createServerTaskStore(),
    ...createAuthStore(),
    ...createServerRequestStore(),
  }
}

export type InspectorBase = ReturnType<typeof createInspectorBase>
