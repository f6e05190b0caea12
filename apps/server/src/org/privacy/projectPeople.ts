import { ERASED_PERSON_NAME, personMatcher } from '@waardentafel/domain'
import type { ProjectRecord, WorkspaceStore } from '../../storage/ports/WorkspaceStore.ts'

/** The projects whose kernteam names the person, with the entries that do. */
export function kernteamMentions(projects: readonly ProjectRecord[], name: string) {
  const matcher = personMatcher(name)
  return projects.flatMap((p) => {
    const kernteam = p.kernteam.filter((entry) => matcher.test(entry))
    return kernteam.length > 0 ? [{ projectId: p.id, name: p.name, kernteam }] : []
  })
}

/** Replaces the person in the workspace's kernteam lists; returns how many entries changed. */
export async function eraseInProjects(
  workspaces: Pick<WorkspaceStore, 'listProjects' | 'updateProject'>,
  workspaceId: string,
  name: string,
  at: number,
): Promise<number> {
  const matcher = personMatcher(name)
  let changed = 0
  for (const project of await workspaces.listProjects(workspaceId)) {
    const hits = project.kernteam.filter((entry) => matcher.test(entry)).length
    if (hits === 0) continue
    const kernteam = project.kernteam.map((entry) =>
      matcher.test(entry) ? matcher.replace(entry, ERASED_PERSON_NAME) : entry,
    )
    await workspaces.updateProject(project.id, { kernteam }, at)
    changed += hits
  }
  return changed
}
