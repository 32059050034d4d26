import type { ScenarioContext } from '../harness/context.ts'

export type ScenarioRunner = (ctx: ScenarioContext) => Promise<void>

/** Loaded on demand, so that a scenario family whose library entry is missing breaks only itself. */
type Loader = () => Promise<ScenarioRunner>

const initialize: Loader = async () =>
  (await import('./initialize.ts')).initialize
const toolsCall: Loader = async () =>
  (await import('./tools-call.ts')).toolsCall
const elicitationDefaults: Loader = async () =>
  (await import('./elicitation-defaults.ts')).elicitationDefaults
const sseRetry: Loader = async () => (await import('./sse-retry.ts')).sseRetry
const jsonSchemaPreservation: Loader = async () =>
  (await import('./json-schema.ts')).jsonSchemaPreservation
const jsonSchemaRefNoDeref: Loader = async () =>
  (await import('./json-schema.ts')).jsonSchemaRefNoDeref
const requestMetadata: Loader = async () =>
  (await import('./request-metadata.ts')).requestMetadata
const requestState: Loader = async () =>
  (await import('./request-state.ts')).requestState
const httpStandardHeaders: Loader = async () =>
  (await import('./http-headers.ts')).httpStandardHeaders
const httpCustomHeaders: Loader = async () =>
  (await import('./http-headers.ts')).httpCustomHeaders
const httpInvalidToolHeaders: Loader = async () =>
  (await import('./http-headers.ts')).httpInvalidToolHeaders
const authFlow: Loader = async () => (await import('./auth.ts')).authFlow
const authPreRegistered: Loader = async () =>
  (await import('./auth.ts')).authPreRegistered
const authRefused: Loader = async () => (await import('./auth.ts')).authRefused

/** Every client scenario the two revisions require, by the suite's name. */
const SCENARIOS: Readonly<Record<string, Loader>> = {
  initialize,
  tools_call: toolsCall,
  'elicitation-sep1034-client-defaults': elicitationDefaults,
  'sse-retry': sseRetry,
  'json-schema-2020-12-preservation': jsonSchemaPreservation,
  'json-schema-ref-no-deref': jsonSchemaRefNoDeref,
  'request-metadata': requestMetadata,
  'sep-2322-client-request-state': requestState,
  'http-standard-headers': httpStandardHeaders,
  'http-custom-headers': httpCustomHeaders,
  'http-invalid-tool-headers': httpInvalidToolHeaders,
  'auth/metadata-default': authFlow,
  'auth/metadata-var1': authFlow,
  'auth/metadata-var2': authFlow,
  'auth/metadata-var3': authFlow,
  'auth/basic-cimd': authFlow,
  'auth/scope-from-www-authenticate': authFlow,
  'auth/scope-from-scopes-supported': authFlow,
  'auth/scope-omitted-when-undefined': authFlow,
  'auth/scope-step-up': authFlow,
  'auth/token-endpoint-auth-basic': authFlow,
  'auth/token-endpoint-auth-post': authFlow,
  'auth/token-endpoint-auth-none': authFlow,
  'auth/offline-access-scope': authFlow,
  'auth/offline-access-not-supported': authFlow,
  'auth/authorization-server-migration': authFlow,
  'auth/iss-supported': authFlow,
  'auth/iss-not-advertised': authFlow,
  'auth/pre-registration': authPreRegistered,
  'auth/scope-retry-limit': authRefused,
  'auth/resource-mismatch': authRefused,
  'auth/iss-supported-missing': authRefused,
  'auth/iss-wrong-issuer': authRefused,
  'auth/iss-unexpected': authRefused,
  'auth/iss-normalized': authRefused,
  'auth/metadata-issuer-mismatch': authRefused,
}

/** The runner for `scenario`, or null for one this client does not take part in (extensions). */
export async function loadScenario(
  scenario: string,
): Promise<ScenarioRunner | null> {
  const load = SCENARIOS[scenario]
  return load ? load() : null
}
