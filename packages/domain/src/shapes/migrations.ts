// Props migrations in the shape of tldraw's `createShapePropsMigrationSequence`: an ordered list of
// { id: 'com.tldraw.shape.<type>/<n>', up, down }. The web app's ShapeUtils wrap these same functions, so a
// board migrated in the browser and a snapshot migrated here end up identical. Unlike tldraw, `up`/`down`
// return new props instead of mutating, which keeps the domain functions pure; tldraw accepts a return value.

export type Props = Record<string, unknown>

export type PropsMigration = {
  id: string
  up: (props: Props) => Props
  down: (props: Props) => Props
}

export type PropsMigrationSequence = { sequence: readonly PropsMigration[] }

export function shapeMigrationId(shapeType: string, version: number): string {
  return `com.tldraw.shape.${shapeType}/${version}`
}

export function bindingMigrationId(bindingType: string, version: number): string {
  return `com.tldraw.binding.${bindingType}/${version}`
}

/** Key under which tldraw's serialized store schema (`schema.sequences`) records this shape's version. */
export function shapeSequenceKey(shapeType: string): string {
  return `com.tldraw.shape.${shapeType}`
}

export function bindingSequenceKey(bindingType: string): string {
  return `com.tldraw.binding.${bindingType}`
}

/** The current props version is the number of migrations, as in tldraw. */
export function currentVersion(migrations: PropsMigrationSequence): number {
  return migrations.sequence.length
}

/**
 * Version 1 of every Waardentafel shape: records written before props were versioned (early workshop boards,
 * hand-made fixtures) may miss props, so `up` fills each missing prop with its default (`defaults` returns a fresh object each call). There is nothing to
 * take away again, so `down` returns the props unchanged.
 */
export function initialMigration(id: string, defaults: (props: Props) => Props): PropsMigration {
  return {
    id,
    up: (props) => ({ ...defaults(props), ...props }),
    down: (props) => ({ ...props }),
  }
}

/** Applies the migrations between two versions, up or down. Throws only on a version outside the sequence. */
export function migrateProps(
  migrations: PropsMigrationSequence,
  props: Props,
  from: number,
  to: number,
): Props {
  const max = currentVersion(migrations)
  if (from < 0 || to < 0 || from > max || to > max) {
    throw new RangeError(`props version ${from}→${to} outside 0…${max}`)
  }
  let result = props
  for (let v = from; v < to; v++) result = migrations.sequence[v]!.up(result)
  for (let v = from; v > to; v--) result = migrations.sequence[v - 1]!.down(result)
  return result
}
