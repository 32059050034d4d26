import { completeAuthorization } from '@mcp-sse/core/oauth'

// The redirect URI's page: hands the authorization server's answer to the inspector (the popup's
// opener, or the tab that left for the sign-in) and takes the code out of the address bar.
const status = document.getElementById('status')
const say = (text: string) => {
  if (status !== null) status.textContent = text
}
try {
  const result = completeAuthorization()
  if (result.status === 'sent')
    say('Signed in: this window closes by itself. You can close it.')
  if (result.status === 'redirect')
    say('Signed in: going back to the inspector…')
  if (result.status === 'none')
    say(
      'This is the inspector’s sign-in page; it holds no sign-in answer. Start signing in from the inspector.',
    )
} catch (error) {
  say(error instanceof Error ? error.message : String(error))
}
