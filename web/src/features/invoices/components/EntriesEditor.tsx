// The accounting entries of the invoice, editable line by line; the totals show at once whether they balance.
import { cents, parseAmount } from "../field-checks";

export interface EntryDraft {
  accountNumber: string;
  label: string;
  debit: string;
  credit: string;
}

export function entryTotals(entries: EntryDraft[]) {
  let debit = 0;
  let credit = 0;
  let unreadable = false;
  for (const e of entries) {
    const [d, c] = [parseAmount(e.debit) ?? 0, parseAmount(e.credit) ?? 0];
    if (Number.isNaN(d) || Number.isNaN(c)) unreadable = true;
    else {
      debit += cents(d);
      credit += cents(c);
    }
  }
  return { debit: debit / 100, credit: credit / 100, balanced: !unreadable && debit === credit, unreadable };
}

/**
 * Follows corrected invoice amounts: the supplier line (40x) takes the TTC, the VAT lines (445x) the TVA, the
 * expense lines the HT in their former proportions (the last line takes the rounding), so the entries stay
 * balanced when a total is corrected. Credit notes book the other way, on the same lines.
 */
export function followAmounts(entries: EntryDraft[], ht: number, tva: number, ttc: number): EntryDraft[] {
  const side = (e: EntryDraft) => ((parseAmount(e.credit) ?? 0) !== 0 ? "credit" : "debit");
  const supplier = entries.filter((e) => e.accountNumber.startsWith("40"));
  const vat = entries.filter((e) => e.accountNumber.startsWith("445"));
  const expense = entries.filter((e) => !supplier.includes(e) && !vat.includes(e));
  if (supplier.length !== 1 || expense.length === 0) return entries;
  const set = (e: EntryDraft, amount: number): EntryDraft => {
    const value = Math.abs(amount).toFixed(2);
    return side(e) === "credit" ? { ...e, credit: value, debit: "0.00" } : { ...e, debit: value, credit: "0.00" };
  };
  const weight = (e: EntryDraft) => Math.abs(parseAmount(side(e) === "credit" ? e.credit : e.debit) ?? 0);
  const expenseTotal = expense.reduce((s, e) => s + weight(e), 0);
  let left = cents(ht);
  const next = new Map<EntryDraft, EntryDraft>();
  expense.forEach((e, i) => {
    const share = i === expense.length - 1 ? left : Math.round(cents(ht) * (expenseTotal > 0 ? weight(e) / expenseTotal : 1 / expense.length));
    left -= share;
    next.set(e, set(e, share / 100));
  });
  let vatLeft = cents(tva);
  vat.forEach((e, i) => {
    const share = i === vat.length - 1 ? vatLeft : Math.round(cents(tva) / vat.length);
    vatLeft -= share;
    next.set(e, set(e, share / 100));
  });
  next.set(supplier[0], set(supplier[0], ttc));
  return entries.map((e) => next.get(e) ?? e);
}

export function EntriesEditor({ entries, onChange, readOnly }: {
  entries: EntryDraft[];
  onChange: (entries: EntryDraft[]) => void;
  readOnly: boolean;
}) {
  const totals = entryTotals(entries);
  const update = (index: number, member: keyof EntryDraft, value: string) =>
    onChange(entries.map((e, i) => (i === index ? { ...e, [member]: value } : e)));
  if (entries.length === 0) {
    return <p className="muted">{readOnly ? "Aucune écriture pour cette facture." : "Pas encore d'écritures : les règles les proposeront à la validation, d'après les champs ci-dessus."}</p>;
  }
  return (
    <div className="table-wrap">
      <table className="entries" aria-label="Écritures comptables">
        <thead>
          <tr>
            <th scope="col">Compte</th>
            <th scope="col">Libellé</th>
            <th scope="col" className="num">Débit</th>
            <th scope="col" className="num">Crédit</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i}>
              <td data-label="Compte"><input aria-label={`Compte ligne ${i + 1}`} value={e.accountNumber} readOnly={readOnly} size={9}
                onChange={(ev) => update(i, "accountNumber", ev.target.value)} /></td>
              <td data-label="Libellé"><input aria-label={`Libellé ligne ${i + 1}`} value={e.label} readOnly={readOnly}
                onChange={(ev) => update(i, "label", ev.target.value)} /></td>
              <td className="num" data-label="Débit"><input aria-label={`Débit ligne ${i + 1}`} value={e.debit} readOnly={readOnly} size={10} inputMode="decimal"
                onChange={(ev) => update(i, "debit", ev.target.value)} /></td>
              <td className="num" data-label="Crédit"><input aria-label={`Crédit ligne ${i + 1}`} value={e.credit} readOnly={readOnly} size={10} inputMode="decimal"
                onChange={(ev) => update(i, "credit", ev.target.value)} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className={totals.balanced ? "balanced" : "unbalanced"}>
            <th scope="row" colSpan={2}>
              {totals.unreadable ? "Montant illisible dans les écritures" : totals.balanced ? "Équilibré" : `Déséquilibre : ${(totals.debit - totals.credit).toFixed(2)}`}
            </th>
            <td className="num" data-testid="total-debit">{totals.debit.toFixed(2)}</td>
            <td className="num" data-testid="total-credit">{totals.credit.toFixed(2)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
