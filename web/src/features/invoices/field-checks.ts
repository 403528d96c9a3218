// Checks run while a person types, before the API's own (which stay the authority).

/** "1 234,56", "1234.56", "-12" → number; empty → null; anything else → NaN. */
export function parseAmount(text: string): number | null {
  const trimmed = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (trimmed === "") return null;
  return /^-?\d+(\.\d{1,2})?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The amount as the API takes it ("1234.56"), or null when empty or unreadable. */
export function amountForApi(text: string): string | null {
  const value = parseAmount(text);
  return value === null || Number.isNaN(value) ? null : value.toFixed(2);
}

export function cents(value: number): number {
  return Math.round(value * 100);
}

/** HT + TVA = TTC to the cent (the API allows 0.01 of rounding). */
export function checkTotals(ht: string, tva: string, ttc: string): string | null {
  const [h, t, total] = [parseAmount(ht), parseAmount(tva), parseAmount(ttc)];
  if ([h, t, total].some((v) => Number.isNaN(v))) return null;
  if (h === null || t === null || total === null) return null;
  return Math.abs(cents(h) + cents(t) - cents(total)) > 1
    ? `HT + TVA = ${((cents(h) + cents(t)) / 100).toFixed(2)} ≠ TTC ${total.toFixed(2)}`
    : null;
}

export function checkAmount(text: string): string | null {
  return Number.isNaN(parseAmount(text)) ? "Montant attendu, par exemple 1200,50" : null;
}

/**
 * A VAT number: two letters and up to 13 characters; a French one (FR + 2 key characters + SIREN) has its numeric
 * key = (12 + 3 × (SIREN mod 97)) mod 97, and its SIREN passes the Luhn check.
 */
export function checkVatNumber(text: string): string | null {
  const value = text.replace(/[\s.-]/g, "").toUpperCase();
  if (value === "") return null;
  if (!/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(value)) return "Numéro de TVA attendu, par exemple FR44732829320";
  if (!value.startsWith("FR")) return null;
  if (!/^FR[0-9A-Z]{2}\d{9}$/.test(value)) return "Un numéro français a 2 caractères de clé puis les 9 chiffres du SIREN";
  const siren = value.slice(4);
  if (!luhn(siren)) return "SIREN invalide (chiffre de contrôle)";
  const key = value.slice(2, 4);
  if (/^\d\d$/.test(key)) {
    const expected = (12 + 3 * (Number(siren) % 97)) % 97;
    if (Number(key) !== expected) return `Clé TVA incorrecte : ${String(expected).padStart(2, "0")} attendue pour ce SIREN`;
  }
  return null;
}

export function checkSiren(text: string): string | null {
  const value = text.replace(/\s/g, "");
  if (value === "") return null;
  return /^\d{9}$/.test(value) && luhn(value) ? null : "SIREN : 9 chiffres dont le dernier est une clé de Luhn";
}

export function checkSiret(text: string): string | null {
  const value = text.replace(/\s/g, "");
  if (value === "") return null;
  return /^\d{14}$/.test(value) && luhn(value) ? null : "SIRET : 14 chiffres dont le dernier est une clé de Luhn";
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A calendar date as typed in the form (YYYY-MM-DD from the date input). */
export function checkDate(text: string): string | null {
  if (text === "") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return "Date attendue (JJ/MM/AAAA)";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return "Cette date n'existe pas";
  if (year < 2000 || year > new Date().getUTCFullYear() + 1) return "Année peu plausible pour une facture";
  return null;
}

export function checkDueDate(invoiceDate: string, dueDate: string): string | null {
  if (!invoiceDate || !dueDate || checkDate(invoiceDate) || checkDate(dueDate)) return null;
  return dueDate < invoiceDate ? "L'échéance précède la date de facture" : null;
}

/** "2024-01-15T00:00:00.000Z" → "2024-01-15" for a date input. */
export function dayOf(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : "";
}
