/** Where someone takes part from: in the room around the big screen, or remotely. Set by each person. */
export type DeviceLocation = 'zaal' | 'afstand'

const KEY = 'waardentafel.location'

/** The choice remembered on this device (null until made). */
export function loadDeviceLocation(): DeviceLocation | null {
  try {
    const value = localStorage.getItem(KEY)
    return value === 'zaal' || value === 'afstand' ? value : null
  } catch {
    return null
  }
}

export function saveDeviceLocation(location: DeviceLocation): void {
  try {
    localStorage.setItem(KEY, location)
  } catch {
    // Storage refused: the choice lasts for this page (it is in the awareness state anyway).
  }
}
