import type { FollowMe, Summon } from '@waardentafel/protocol'
import { useEffect, useRef, useState } from 'react'
import { type Editor, type TLPageId, type TLUserId, useValue } from 'tldraw'

/** Moves this viewport to a summon's page and view: its centre (page coordinates) at its zoom. */
export function goToSummon(editor: Editor, summon: Summon): void {
  const pageId = summon.pageId as TLPageId
  if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
  if (editor.getPage(pageId) && editor.getCurrentPageId() !== pageId) editor.setCurrentPage(pageId)
  const camera = editor.getCamera()
  editor.setCamera({ x: camera.x, y: camera.y, z: summon.z })
  editor.centerOnPoint({ x: summon.x, y: summon.y })
}

/**
 * Every new summon (a higher seq than when this board was opened) moves this viewport, except for the
 * person who summoned.
 */
export function useSummon(editor: Editor | null, summon: Summon | null, selfUserId: string): void {
  const seen = useRef<number | null>(null)
  useEffect(() => {
    if (!editor) return
    const seq = summon?.seq ?? 0
    // The summon present when the board opens is history, not a call to come now.
    if (seen.current === null) {
      seen.current = seq
      return
    }
    if (!summon || seq <= seen.current) return
    seen.current = seq
    if (summon.by !== selfUserId) goToSummon(editor, summon)
  }, [editor, summon, selfUserId])
}

export type FollowState = { target: FollowMe; following: boolean; dismissed: boolean; resume: () => void }

/**
 * Follows `target` with tldraw's own follow while it is set. Someone who stops following (by moving their own
 * view) is left alone until the facilitator asks again or they choose to resume. With `insist` (the presenter
 * screen) the follow is resumed whenever it drops.
 */
export function useFollowTarget(
  editor: Editor | null,
  target: FollowMe,
  selfUserId: string,
  insist = false,
): FollowState {
  const targetId = target && target.userId !== selfUserId ? target.userId : null
  const [dismissedFor, setDismissedFor] = useState<string | null>(null)
  const started = useRef<string | null>(null)
  const following = useValue('followingUserId', () => editor?.getInstanceState().followingUserId ?? null, [
    editor,
  ])
  const leaderPresent = useValue(
    'leader present',
    () => (editor && targetId ? editor.getCollaborators().some((c) => c.userId === targetId) : false),
    [editor, targetId],
  )

  // A new request to follow (or a different leader) wipes an earlier "no thanks".
  useEffect(() => {
    if (dismissedFor !== targetId) setDismissedFor(null)
  }, [targetId, dismissedFor])

  useEffect(() => {
    if (!editor) return
    if (!targetId) {
      if (started.current && editor.getInstanceState().followingUserId === started.current)
        editor.stopFollowingUser()
      started.current = null
      return
    }
    if (!leaderPresent) {
      // tldraw drops the follow when the leader's presence goes; that is not the person's choice.
      started.current = null
      return
    }
    if (following === targetId) return
    if (started.current === targetId && !insist) {
      // We were following and now are not, with the leader still here: the person stopped it themselves
      // (moved their own view, or chose to follow someone else).
      started.current = null
      setDismissedFor(targetId)
      return
    }
    if (dismissedFor === targetId) return
    editor.startFollowingUser(targetId as TLUserId)
    started.current = targetId
  }, [editor, targetId, following, leaderPresent, dismissedFor, insist])

  return {
    target: targetId ? target : null,
    following: targetId !== null && following === targetId,
    dismissed: targetId !== null && dismissedFor === targetId,
    resume: () => setDismissedFor(null),
  }
}
