import { ItemIcon } from './Icon'

/**
 * An item's icon, its title, and its name beside it when the title differs (a title alone hides
 * the name a user needs to call it by).
 */
export function ItemLabel({
  name,
  title,
  icons,
}: {
  name: string
  title?: unknown
  icons?: unknown
}) {
  const shownTitle = typeof title === 'string' && title !== '' ? title : null
  return (
    <span className="item-label">
      <ItemIcon icons={icons} />
      <span className="item-name">{shownTitle ?? name}</span>
      {shownTitle !== null && shownTitle !== name && (
        <code className="item-id">{name}</code>
      )}
    </span>
  )
}
