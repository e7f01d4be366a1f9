import type { Group } from '@loopquiz/contract'

/** The Settings tab exists only for someone who may change something there. */
export function canOpenSettings(group: Group): boolean {
  const { canEditGroup, canEditSettings, canDeleteGroup, canTransferOwnership } = group.capabilities
  return canEditGroup || canEditSettings || canDeleteGroup || canTransferOwnership
}
