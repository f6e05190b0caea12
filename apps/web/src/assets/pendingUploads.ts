/** A file kept on this device until the server has it (added offline, or while the server could not be reached). */
export type PendingUpload = {
  key: string
  boardId: string
  blob: Blob
  name: string
  createdAt: number
}

const DB_NAME = 'waardentafel-assets'
const STORE = 'pending'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'key' })
      store.createIndex('boardId', 'boardId')
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode)
      const request = work(tx.objectStore(STORE))
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

/** Files waiting for the server, kept in IndexedDB so they survive a closed tab and a restart. */
export const pendingUploads = {
  put: (entry: PendingUpload) => run('readwrite', (s) => s.put(entry)).then(() => undefined),
  get: (key: string) => run<PendingUpload | undefined>('readonly', (s) => s.get(key)),
  ofBoard: (boardId: string) =>
    run<PendingUpload[]>('readonly', (s) => s.index('boardId').getAll(boardId)).then((all) =>
      all.sort((a, b) => a.createdAt - b.createdAt),
    ),
  remove: (key: string) => run('readwrite', (s) => s.delete(key)).then(() => undefined),
}
