import { DEFAULT_CONFIG, type ConnectConfig } from '@mcp-sse/inspector-ui/app'
import { render } from '@testing-library/react'
import { inspector } from '../../../packages/inspector-ui/src/test/inspector'
import { App } from '../App'

// The simulated servers and the test inspector are the package's own test helpers: the page's
// tests use the same network and state as the panels' tests.
export {
  locked,
  mock,
  openTab,
  openTool,
  ready,
  useNetwork,
} from '../../../packages/inspector-ui/src/test/mock-servers'
export {
  flush,
  inspector,
  logModel,
  renderIn,
  sessionActions,
  useSessions,
} from '../../../packages/inspector-ui/src/test/inspector'
export { modern } from '../../../packages/inspector-ui/src/test/modern-server'

/** The whole page (top bar, connect form, panels) on the test inspector. */
export function renderApp(
  url = 'http://mcp.test',
  autoConnect = true,
  config: Partial<ConnectConfig> = {},
) {
  return render(
    <App
      inspector={inspector}
      initial={{ ...DEFAULT_CONFIG, url, ...config }}
      remember={false}
      autoConnect={autoConnect}
    />,
  )
}
