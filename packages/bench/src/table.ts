/** A markdown table, with a heading and a line of notes under it. */
export interface Table {
  title: string
  headers: string[]
  rows: string[][]
  notes?: string[]
}

export function renderTable({
  title,
  headers,
  rows,
  notes = [],
}: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    `### ${title}`,
    '',
    line(headers),
    line(headers.map(() => '---')),
    ...rows.map(line),
    '',
    ...notes.map((note) => `${note}  `),
  ]
    .join('\n')
    .trimEnd()
}
