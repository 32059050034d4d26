/** Whether `verifier` hashes to `challenge` under S256 (RFC 7636 §4.6). */
export async function verifiesS256(
  verifier: string,
  challenge: string,
): Promise<boolean> {
  // RFC 7636 §4.1: 43 to 128 unreserved characters.
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
  )
  let binary = ''
  for (const byte of digest) binary += String.fromCharCode(byte)
  const encoded = btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
  return encoded === challenge
}
