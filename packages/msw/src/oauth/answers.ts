import { HttpResponse } from 'msw'

/** CORS headers for an answer to `request`, or none when CORS is off. */
export function corsFor(
  request: Request,
  cors: boolean,
): Record<string, string> {
  if (!cors) return {}
  const origin = request.headers.get('origin')
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': 'WWW-Authenticate, Location',
    ...(origin !== null && { Vary: 'Origin' }),
  }
}

/** A JSON answer that no cache keeps (RFC 6749 §5.1 asks it of token answers). */
export function jsonAnswer(
  request: Request,
  cors: boolean,
  body: Record<string, unknown>,
  status = 200,
): Response {
  return HttpResponse.json(body, {
    status,
    headers: { ...corsFor(request, cors), 'Cache-Control': 'no-store' },
  })
}

/** An OAuth error answer (RFC 6749 §5.2). */
export function oauthError(
  request: Request,
  cors: boolean,
  status: number,
  error: string,
  description: string,
): Response {
  return jsonAnswer(
    request,
    cors,
    { error, error_description: description },
    status,
  )
}

export function preflightAnswer(request: Request, cors: boolean): Response {
  return new HttpResponse(null, {
    status: 204,
    headers: {
      ...corsFor(request, cors),
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers':
        request.headers.get('access-control-request-headers') ?? '*',
      'Access-Control-Max-Age': '600',
    },
  })
}

/** The form of an `application/x-www-form-urlencoded` POST. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text())
}

/** A random, URL-safe value: codes, tokens, client ids. */
export function randomValue(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return `${prefix}_${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`
}
