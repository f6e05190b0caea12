import type { WorkspaceRole } from '../../storage/ports/WorkspaceStore.ts'

/**
 * What an organiser does to a workspace, project or board. `read`: see it (lists, details, audit log); `work`:
 * change projects and boards (create, rename, move, duplicate, open, archive, restore, delete); `manage`: add and
 * remove members.
 */
export type OrgAction = 'read' | 'work' | 'manage'

/**
 * Where the organiser stands towards the thing asked about: through the workspace that holds it (their role there,
 * or none), or — a board without a project — as its maker or not.
 */
export type Standing =
  | { readonly kind: 'workspace'; readonly role: WorkspaceRole | null }
  | { readonly kind: 'unplaced'; readonly isMaker: boolean }

/**
 * `absent`: answer 404 as if the thing did not exist, so a stranger learns nothing of it (not even that it exists);
 * `forbidden`: the organiser sees it but may not do this (403).
 */
export type Decision = 'allow' | 'forbidden' | 'absent'

/**
 * The one access rule of the organisation layer (pure: the caller looks up the standing). Members of a workspace
 * see and work on all its projects and boards; only owners manage its members; a board without a project belongs to
 * its maker alone; anyone else is a stranger.
 */
export function decide(standing: Standing, action: OrgAction): Decision {
  if (standing.kind === 'unplaced') {
    if (!standing.isMaker) return 'absent'
    return action === 'manage' ? 'forbidden' : 'allow'
  }
  if (standing.role === null) return 'absent'
  if (action === 'manage') return standing.role === 'owner' ? 'allow' : 'forbidden'
  return 'allow'
}

/** Moving a board needs work on it where it is and work where it goes. */
export function decideMove(from: Standing, to: Standing): Decision {
  const here = decide(from, 'work')
  if (here !== 'allow') return here
  return decide(to, 'work')
}
