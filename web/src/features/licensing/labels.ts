// French names of the API's license values (the API keeps its English codes).
export const licenseTypeLabels: Record<string, string> = {
  trial: "Essai",
  monthly: "Mensuelle",
  annual: "Annuelle",
  lifetime: "À vie",
};

export const statusLabels: Record<string, string> = {
  active: "Active",
  expired: "Expirée",
  revoked: "Révoquée",
};

export const codeStatusLabels: Record<string, string> = {
  unused: "Disponible",
  used: "Utilisé",
  expired: "Expiré",
};

export const actionLabels: Record<string, string> = {
  trial_created: "Essai démarré",
  activated: "Activation",
  validated: "Validation",
  heartbeat: "Signal de vie",
  revoked: "Révocation",
};

export const signatureLabels: Record<string, string> = {
  valid: "Signature valide",
  wrong_machine: "Clé d'une autre machine",
  invalid_signature: "Signature invalide",
  unknown_key: "Clé de signature inconnue",
  malformed: "Clé illisible",
};

/** The French name of an API value, the value itself when unknown, a dash when absent. */
export function labelOf(labels: Record<string, string>, value: string | null | undefined): string {
  return value ? labels[value] ?? value : "—";
}

/** Release channels: the usual ones in French, any other shown as the API names it. */
export const channelLabels: Record<string, string> = {
  stable: "Stable",
  beta: "Bêta",
  alpha: "Alpha",
};

/** "12,5 %": a share of a whole, a dash when the whole is empty (no machine to share). */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return "—";
  return `${(Math.round((part / whole) * 1000) / 10).toLocaleString("fr-FR")} %`;
}
