import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import { networkInterfaces } from 'node:os'

/** Who may be reached through the bridge. */
export interface BridgePolicy {
  /** Only hosts whose every address is loopback (127.0.0.0/8, ::1). */
  onlyLocalhost: boolean
  /** Host names (or addresses) allowed besides loopback ones, lowercase. */
  allowHosts: ReadonlySet<string>
  /** The launcher's own port, never a target on a local address. */
  ownPort: number
}

/** A target that passed the policy, with the address the bridge will connect to. */
export interface CheckedTarget {
  url: URL
  /** The address checked, and used for the connection, so a second DNS answer cannot differ. */
  address: string
  family: 4 | 6
}

export class TargetRefused extends Error {
  override readonly name = 'TargetRefused'
}

// BlockList also matches IPv4-mapped IPv6 forms (::ffff:7f00:1), which URL parsing produces.
const LOOPBACK = new BlockList()
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4')
LOOPBACK.addAddress('::1', 'ipv6')
const UNSPECIFIED = new BlockList()
UNSPECIFIED.addAddress('0.0.0.0', 'ipv4')
UNSPECIFIED.addAddress('::', 'ipv6')

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4'
}

function isLoopback(address: string): boolean {
  return LOOPBACK.check(address, family(address))
}

function isUnspecified(address: string): boolean {
  return UNSPECIFIED.check(address, family(address))
}

/** Addresses of this machine: a target there on the launcher's port is the launcher. */
function isThisMachine(address: string): boolean {
  if (isLoopback(address)) return true
  return Object.values(networkInterfaces()).some((list) =>
    (list ?? []).some((each) => each.address === address),
  )
}

function defaultPort(url: URL): number {
  if (url.port !== '') return Number(url.port)
  return url.protocol === 'https:' ? 443 : 80
}

/**
 * Parses and checks a bridge target: http(s) only, a loopback host unless allowed otherwise, and
 * never the launcher itself. The host name is resolved here and the connection goes to the
 * address that was checked.
 */
export async function checkTarget(
  raw: string | null,
  policy: BridgePolicy,
): Promise<CheckedTarget> {
  if (raw === null || raw === '') {
    throw new TargetRefused(
      'The bridge needs a target: /bridge?target=<the server URL, encoded>.',
    )
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new TargetRefused(
      `The bridge target ${JSON.stringify(raw)} is not a URL.`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TargetRefused(
      `The bridge forwards only http: and https: URLs, not ${url.protocol}.`,
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw new TargetRefused(
      'The bridge does not forward URLs with credentials in them; send them as headers.',
    )
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const addresses =
    isIP(hostname) !== 0
      ? [{ address: hostname, family: isIP(hostname) }]
      : await lookup(hostname, { all: true }).catch(() => {
          throw new TargetRefused(
            `The bridge could not resolve ${hostname}; check the server URL.`,
          )
        })
  const first = addresses[0]
  if (first === undefined) {
    throw new TargetRefused(`${hostname} has no address.`)
  }
  if (addresses.some((a) => isUnspecified(a.address))) {
    throw new TargetRefused(
      `${hostname} is the unspecified address; use 127.0.0.1 or the server's own address.`,
    )
  }
  const local = addresses.every((a) => isLoopback(a.address))
  const self = addresses.some((a) => isThisMachine(a.address))
  if (self && defaultPort(url) === policy.ownPort) {
    throw new TargetRefused(
      'The bridge does not forward to the launcher itself.',
    )
  }
  if (!local && policy.onlyLocalhost && !policy.allowHosts.has(hostname)) {
    throw new TargetRefused(
      `The bridge forwards only to loopback hosts; ${hostname} is not one. Start the launcher with --allow-host ${hostname} to allow it.`,
    )
  }
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 }
}
