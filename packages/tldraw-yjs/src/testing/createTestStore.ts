import { atom } from '@tldraw/state'
import { Store } from '@tldraw/store'
import { createTLSchema, type TLSchema, type TLStore, type TLStoreProps } from '@tldraw/tlschema'

/**
 * A TLStore as `createTLStore` from tldraw would make it, without pulling tldraw's React editor into
 * unit tests. Asset and user hooks are inert: the binding never calls them.
 */
export function createTestStore(schema: TLSchema = createTLSchema()): TLStore {
  const props: TLStoreProps = {
    defaultName: '',
    assets: {
      upload: async () => ({ src: '' }),
      resolve: (asset) => asset.props.src,
      remove: async () => {},
    },
    users: { currentUser: atom('current user', null), resolve: () => atom('user', null) },
    onMount: () => {},
  }
  return new Store({ schema, props })
}
