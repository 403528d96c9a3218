import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { Pagination } from "../../../components/Pagination";
import { EmptyState, ErrorState, Loading } from "../../../components/PageStates";
import { describeError } from "../../../lib/api-client";
import { formatDate, formatDateTime, formatNumber } from "../../../lib/format";
import { useApi } from "../../../lib/use-api";
import { exportLicensesCsv, licensePath, searchLicenses, type LicenseFilter } from "../api/licenses";
import { useProducts } from "../api/products";
import { licenseTypeLabels, statusLabels } from "../labels";
import { ProductSelect, productName } from "./ProductSelect";

const pageSize = 25;
const filterKeys = ["product", "email", "machine_id", "type", "status", "expires_after", "expires_before"] as const;

/** The filter lives in the address, so a search can be bookmarked, shared, and comes back with the back button. */
function filterOf(params: URLSearchParams): LicenseFilter {
  const filter: LicenseFilter = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

export function LicensesPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const key = JSON.stringify(filter);
  const result = useApi((signal) => searchLicenses(filter, page, pageSize, signal), [key, page]);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const catalog = useProducts();
  const products = catalog.data?.products ?? [];

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of filterKeys) {
      const value = String(form.get(name) ?? "").trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      await exportLicensesCsv(filter);
    } catch (e) {
      setExportError(describeError(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <section aria-labelledby="licenses-title">
      <div className="toolbar">
        <h1 id="licenses-title">Licences</h1>
        <button type="button" className="button" onClick={exportCsv} disabled={exporting}>
          {exporting ? "Export…" : "Exporter en CSV"}
        </button>
      </div>
      {exportError && <p className="form-error" role="alert">{exportError}</p>}
      <form className="card filters" onSubmit={apply} key={key} role="search" aria-label="Filtrer les licences">
        <label className="field">
          <span>Produit</span>
          {/* Keyed by the catalog: the select takes its initial value once its options exist, without
              remounting the rest of the form and losing what was typed meanwhile. */}
          <ProductSelect key={products.length} name="product" products={products} value={filter.product ?? ""} allLabel="Tous" />
        </label>
        <label className="field">
          <span>E-mail</span>
          <input name="email" type="email" defaultValue={filter.email ?? ""} placeholder="client@exemple.fr" />
        </label>
        <label className="field">
          <span>Identifiant de machine</span>
          <input name="machine_id" defaultValue={filter.machine_id ?? ""} placeholder="début suffit" className="mono"
            pattern="[0-9a-fA-F]{1,32}" title="caractères hexadécimaux (0-9, a-f)" />
        </label>
        <label className="field">
          <span>Type</span>
          <select name="type" defaultValue={filter.type ?? ""}>
            <option value="">Tous</option>
            {Object.entries(licenseTypeLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Statut</span>
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">Tous</option>
            {Object.entries(statusLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Expire à partir du</span>
          <input name="expires_after" type="date" defaultValue={filter.expires_after ?? ""} />
        </label>
        <label className="field">
          <span>Expire avant le</span>
          <input name="expires_before" type="date" defaultValue={filter.expires_before ?? ""} />
        </label>
        <div className="actions">
          <button type="submit" className="button button-primary">Rechercher</button>
          {Object.keys(filter).length > 0 && (
            <button type="button" className="button" onClick={() => setParams(new URLSearchParams())}>Effacer</button>
          )}
        </div>
      </form>

      {result.error ? <ErrorState error={result.error} onRetry={result.reload} />
        : !result.data ? <Loading label="Recherche des licences…" />
        : result.data.licenses.length === 0 ? (
          <EmptyState>{Object.keys(filter).length > 0 ? "Aucune licence ne correspond à ces critères." : "Aucune licence pour l'instant."}</EmptyState>
        ) : (
          <>
            <p className="result-count" aria-live="polite">{formatNumber(Number(result.data.total))} licence(s)</p>
            <div className="table-wrap" aria-busy={result.loading}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Machine</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Produit</th>
                    <th scope="col">Type</th>
                    <th scope="col">Statut</th>
                    <th scope="col">Expire le</th>
                    <th scope="col">Dernière validation</th>
                    <th scope="col">Version</th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.licenses.map(({ machine_id: machineId = "", license_type: type = "", status = "", ...license }) => (
                    <tr key={`${machineId}-${license.product}`}>
                      <td className="mono">
                        <Link to={licensePath(machineId, license.product)} aria-label={`Licence ${machineId} (${productName(products, license.product)})`}>
                          {machineId.slice(0, 12)}…
                        </Link>
                      </td>
                      <td className="cell-email">{license.email}</td>
                      <td data-key="product">{productName(products, license.product)}</td>
                      <td>{licenseTypeLabels[type] ?? type}</td>
                      <td><span className={`badge badge-${status}`}>{statusLabels[status] ?? status}</span></td>
                      <td>{formatDate(license.expires_at)}</td>
                      <td>{formatDateTime(license.last_validated_at)}</td>
                      <td>{license.app_version ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={Number(result.data.total)}
              onPage={(p) => {
                const next = new URLSearchParams(params);
                next.set("page", String(p));
                setParams(next);
              }} />
          </>
        )}
    </section>
  );
}
