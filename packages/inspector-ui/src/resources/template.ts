/** `{name}`-style parameters of an RFC 6570 template (the simple and `{+x}`/`{?x,y}` forms). */
export function templateParams(template: string): string[] {
  const names: string[] = []
  for (const match of template.matchAll(/\{([+#./;?&]?)([^}]+)\}/g)) {
    for (const name of (match[2] ?? '').split(','))
      names.push(name.replace(/\*$/, '').trim())
  }
  return names
}

export function expandTemplate(
  template: string,
  values: Record<string, string>,
): string {
  return template.replace(
    /\{([+#./;?&]?)([^}]+)\}/g,
    (_, op: string, body: string) => {
      const names = body.split(',').map((n) => n.replace(/\*$/, '').trim())
      if (op === '?' || op === '&') {
        const parts = names.map(
          (n) => `${n}=${encodeURIComponent(values[n] ?? '')}`,
        )
        return `${op}${parts.join('&')}`
      }
      const encode = op === '+' || op === '#' ? encodeURI : encodeURIComponent
      return (
        (op === '+' ? '' : op) +
        names.map((n) => encode(values[n] ?? '')).join(',')
      )
    },
  )
}
