import { describe, expect, it } from 'vitest'
import { type LinkPage, readBoardRoute } from './linkToken.ts'

function page(href: string, storage: LinkPage['storage'] = memoryStorage()) {
  const url = new URL(href, 'https://wt.example')
  const replaced: string[] = []
  const value: LinkPage = {
    location: { pathname: url.pathname, search: url.search, hash: url.hash },
    history: { replaceState: (_data, _unused, next) => replaced.push(String(next)) },
    storage,
  }
  return { value, replaced }
}

function memoryStorage(): NonNullable<LinkPage['storage']> {
  const map = new Map<string, string>()
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) }
}

describe('readBoardRoute', () => {
  it('moves the token out of the address and keeps the other parameters', () => {
    const storage = memoryStorage()
    const first = page('/b/board-123456?token=abc.def&presenter=1#x', storage)
    expect(readBoardRoute(first.value)).toEqual({ page: 'board', boardId: 'board-123456', token: 'abc.def' })
    expect(first.replaced).toEqual(['/b/board-123456?presenter=1#x'])
    // The reload of that tab: no token in the address, the same one from the tab's storage.
    const reload = page('/b/board-123456?presenter=1', storage)
    expect(readBoardRoute(reload.value)).toEqual({ page: 'board', boardId: 'board-123456', token: 'abc.def' })
    expect(reload.replaced).toEqual([])
  })

  it('a new link for the same board replaces the kept token', () => {
    const storage = memoryStorage()
    readBoardRoute(page('/b/board-123456?token=old', storage).value)
    readBoardRoute(page('/b/board-123456?token=new', storage).value)
    expect(readBoardRoute(page('/b/board-123456', storage).value)).toMatchObject({ token: 'new' })
  })

  it('leaves the token in the address when the storage refuses it, so a reload still works', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const opened = page('/b/board-123456?token=abc', refusing)
    expect(readBoardRoute(opened.value)).toMatchObject({ token: 'abc' })
    expect(opened.replaced).toEqual([])
    expect(readBoardRoute(page('/b/board-123456?token=abc', null).value)).toMatchObject({ token: 'abc' })
  })

  it('the home page and other boards are untouched', () => {
    const home = page('/?token=abc')
    expect(readBoardRoute(home.value)).toEqual({ page: 'home' })
    expect(home.replaced).toEqual([])
    expect(readBoardRoute(page('/b/other-board-1').value)).toEqual({
      page: 'board',
      boardId: 'other-board-1',
      token: null,
    })
  })
})
