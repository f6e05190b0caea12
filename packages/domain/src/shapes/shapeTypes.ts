// Type names of the Waardentafel custom shapes and binding. The `wt-` prefix keeps them apart from tldraw's own
// shapes; they are part of the stored board format, so never rename one without a migration.

export const PRIORITERING_TYPE = 'wt-prioritering'
export const VALUE_CARD_TYPE = 'wt-value-card'
export const SCHILLEN_TYPE = 'wt-schillen'
export const BAATHOUDER_CARD_TYPE = 'wt-baathouder-card'
export const SPANNINGEN_TYPE = 'wt-spanningen'
export const TENSION_CARD_TYPE = 'wt-tension-card'
export const PVW_FRAME_TYPE = 'wt-pvw-frame'
export const TENSION_LINK_TYPE = 'wt-tension-link'

/** tldraw's built-in sticky note; notes inside a PvW frame become extra entries of that part. */
export const NOTE_TYPE = 'note'

// The process spine's structured cards (issue #20): Kansenanalyse evidence, financing, steering and monitoring.
export const EVIDENCE_CARD_TYPE = 'wt-evidence-card'
export const KOMPAS_ONDERBOUWING_TYPE = 'wt-kompas-onderbouwing'
export const KOPPELKANS_CARD_TYPE = 'wt-koppelkans-card'
export const FINANCIERING_CARD_TYPE = 'wt-financiering-card'
export const STURING_CARD_TYPE = 'wt-sturing-card'
export const KERNINDICATOR_CARD_TYPE = 'wt-kernindicator-card'
