import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  DefaultMainMenu,
  EditSubmenu,
  ExtrasGroup,
  PreferencesGroup,
  type TLUiContextMenuProps,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  TldrawUiMenuSubmenu,
  ToggleTransparentBgMenuItem,
  ViewSubmenu,
} from 'tldraw'

/** tldraw's main menu as it is, with PDF beside SVG and PNG in its "Alles exporteren als" submenu. */
export function BoardMainMenu() {
  return (
    <DefaultMainMenu>
      <TldrawUiMenuGroup id="basic">
        <EditSubmenu />
        <ViewSubmenu />
        <TldrawUiMenuSubmenu id="export-all-as" label="context-menu.export-all-as" size="small">
          <TldrawUiMenuGroup id="export-all-as-group">
            <TldrawUiMenuActionItem actionId="export-all-as-svg" />
            <TldrawUiMenuActionItem actionId="export-all-as-png" />
            <TldrawUiMenuActionItem actionId="export-all-as-pdf" />
          </TldrawUiMenuGroup>
          <TldrawUiMenuGroup id="export-all-as-bg">
            <ToggleTransparentBgMenuItem />
          </TldrawUiMenuGroup>
        </TldrawUiMenuSubmenu>
        <ExtrasGroup />
      </TldrawUiMenuGroup>
      <PreferencesGroup />
    </DefaultMainMenu>
  )
}

/** tldraw's context menu with "Exporteren als PDF": the selection (a frame, a template) or the whole board. */
export function BoardContextMenu(props: TLUiContextMenuProps) {
  return (
    <DefaultContextMenu {...props}>
      <DefaultContextMenuContent />
      <TldrawUiMenuGroup id="wt-export-pdf">
        <TldrawUiMenuActionItem actionId="export-as-pdf" />
      </TldrawUiMenuGroup>
    </DefaultContextMenu>
  )
}
