import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { CopyButton } from "../../../components/CopyButton";
import { Pagination } from "../../../components/Pagination";
import { EmptyState, ErrorState, Loading } from "../../../components/PageStates";
import { ApiError, describeError } from "../../../lib/api-client";
import { saveCsv, toCsv } from "../../../lib/csv";
import { formatDate, formatDateTime, formatNumber } from "../../../lib/format";
import { useApi } from "../../../lib/use-api";
import { createCodes, listCodes, type CreatedCodes } from "../api/codes";
import { licensePath } from "../api/licenses";
import { useProducts, type Product } from "../api/products";
import { codeStatusLabels, labelOf, licenseTypeLabels } from "../labels";
import { ProductSelect, productName } from "./ProductSelect";

const pageSize = 25;
const defaultDurations: Record<string, number> = { trial: 30, monthly: 31, annual: 365, lifetime: 0 };
const statusFilters = [["", "Tous"], ["unused", "Disponibles"], ["used", "Utilisés"], ["expired", "Expirés"]] as const;

export function CodesPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get("statut") ?? "";
  const product = params.get("produit") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const list = useApi((signal) => listCodes(status, product, page, pageSize, signal), [status, product, page]);
  const [created, setCreated] = useState<CreatedCodes | null>(null);
  const catalog = useProducts();
  const products = catalog.data?.products ?? [];

  function show(nextStatus: string, nextProduct: string) {
    const next = new URLSearchParams();
    if (nextStatus) next.set("statut", nextStatus);
    if (nextProduct) next.set("produit", nextProduct);
    setParams(next);
  }

  return (
    <section aria-labelledby="codes-title">
      <h1 id="codes-title">Codes d'activation</h1>
      <div className="detail-grid">
        {catalog.error ? <ErrorState error={catalog.error} onRetry={catalog.reload} />
          : !catalog.data ? <Loading label="Chargement du catalogue…" />
          : <GenerateForm products={products} onCreated={(codes) => { setCreated(codes); list.reload(); }} />}
        {created && <CreatedCodesCard codes={created} products={products} />}
      </div>

      <div className="toolbar">
        <h2>Codes existants</h2>
        <div className="toolbar-controls">
          <div className="field field-inline">
            <label htmlFor="codes-product">Produit</label>
            <ProductSelect id="codes-product" products={products} value={product} allLabel="Tous les produits"
              onChange={(code) => show(status, code)} />
          </div>
          <div className="segmented" role="group" aria-label="Filtrer par statut">
            {statusFilters.map(([value, label]) => (
              <button key={value} type="button" aria-pressed={value === status} onClick={() => show(value, product)}>
                {label}
              </button>
            ))}
          </div>
        </div>
      </div>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} />
        : !list.data ? <Loading label="Chargement des codes…" />
        : list.data.codes.length === 0 ? <EmptyState>Aucun code {status || product ? "dans cette catégorie" : "pour l'instant"}.</EmptyState>
        : (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Produit</th>
                    <th scope="col">Type</th>
                    <th scope="col">Durée</th>
                    <th scope="col">Statut</th>
                    <th scope="col">Créé le</th>
                    <th scope="col">Valable jusqu'au</th>
                    <th scope="col">Utilisé par</th>
                    <th scope="col">Notes</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.codes.map((code) => (
                    <tr key={code.code}>
                      <td className="mono nowrap">{code.code}</td>
                      <td data-key="product">{productName(products, code.product)}</td>
                      <td>{labelOf(licenseTypeLabels, code.license_type)}</td>
                      <td className="nowrap">{code.license_type === "lifetime" ? "illimitée" : `${code.duration_days} j`}</td>
                      <td><span className={`badge badge-${code.status}`}>{labelOf(codeStatusLabels, code.status)}</span></td>
                      <td className="nowrap">{formatDate(code.created_at)}</td>
                      <td className="nowrap">{code.expires_at ? formatDate(code.expires_at) : "sans limite"}</td>
                      <td className="cell-email">
                        {code.used_by_machine_id ? (
                          <>
                            <span className="cell-email">{code.used_by_email}</span><br />
                            <Link className="mono" to={licensePath(code.used_by_machine_id, code.product)}>
                              {code.used_by_machine_id.slice(0, 12)}…
                            </Link>{" "}
                            <span className="hint">le {formatDateTime(code.used_at)}</span>
                          </>
                        ) : "—"}
                      </td>
                      <td className="cell-email">{code.notes ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={Number(list.data.total)}
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

/** The product a code form opens on: the catalog's default product when it has one, else its first. */
function firstProduct(products: Product[]): string {
  return products.find((p) => p.code === "easyfacture")?.code ?? products[0]?.code ?? "";
}

function GenerateForm({ products, onCreated }: { products: Product[]; onCreated: (codes: CreatedCodes) => void }) {
  const [product, setProduct] = useState(() => firstProduct(products));
  const allowed = products.find((p) => p.code === product)?.license_types ?? Object.keys(licenseTypeLabels);
  const [type, setType] = useState(() => (allowed.includes("annual") ? "annual" : allowed[0] ?? "annual"));
  const [duration, setDuration] = useState(String(defaultDurations.annual));
  const [count, setCount] = useState("1");
  const [expiry, setExpiry] = useState("");
  const [notes, setNotes] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function chooseType(next: string) {
    setType(next);
    setDuration(String(defaultDurations[next] ?? 30));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const codes = await createCodes({
        license_type: type,
        duration_days: type === "lifetime" ? null : Number(duration),
        count: Number(count),
        // The code stays usable through the whole chosen day (UTC).
        expires_at: expiry ? `${expiry}T23:59:59Z` : null,
        notes: notes.trim() || null,
        product: product || null,
      });
      onCreated(codes);
    } catch (e) {
      setError(e instanceof ApiError && Object.keys(e.details).length > 0
        ? `${e.message} ${Object.entries(e.details).map(([k, v]) => `${k} : ${v}`).join(" ; ")}`
        : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="generate-title">
      <h2 id="generate-title">Générer des codes</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      {products.length > 0 && (
        <label className="field">
          <span>Produit</span>
          <ProductSelect products={products} value={product} required
            onChange={(code) => {
              setProduct(code);
              // A product grants only some license types: keep the chosen type when it may, else its first.
              const types = products.find((p) => p.code === code)?.license_types ?? [];
              if (types.length > 0 && !types.includes(type)) chooseType(types[0]);
            }} />
        </label>
      )}
      <label className="field">
        <span>Type de licence</span>
        <select value={type} onChange={(e) => chooseType(e.target.value)}>
          {Object.entries(licenseTypeLabels).filter(([value]) => allowed.includes(value))
            .map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Durée de la licence (jours)</span>
        <input type="number" min={1} max={36500} required={type !== "lifetime"} disabled={type === "lifetime"}
          value={type === "lifetime" ? "" : duration} onChange={(e) => setDuration(e.target.value)} />
      </label>
      <label className="field">
        <span>Nombre de codes</span>
        <input type="number" min={1} max={1000} required value={count} onChange={(e) => setCount(e.target.value)} />
      </label>
      <label className="field">
        <span>Code utilisable jusqu'au (facultatif)</span>
        <input type="date" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
      </label>
      <label className="field">
        <span>Notes (facultatif)</span>
        <input maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} placeholder="Commande, revendeur…" />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? "Génération…" : "Générer"}</button>
      </div>
    </form>
  );
}

function CreatedCodesCard({ codes, products }: { codes: CreatedCodes; products: Product[] }) {
  const type = licenseTypeLabels[codes.license_type] ?? codes.license_type;
  function download() {
    const csv = toCsv(["code", "product", "license_type", "duration_days", "expires_at"],
      codes.codes.map((code) => [code, codes.product ?? "", codes.license_type, codes.duration_days, codes.expires_at ?? ""]));
    saveCsv(`codes-${codes.license_type}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  }
  return (
    <div className="card created-codes" aria-labelledby="created-title" role="region">
      <h2 id="created-title">{formatNumber(codes.codes.length)} code(s) créé(s)</h2>
      <p className="hint">
        {productName(products, codes.product)} : {type.toLowerCase()}, {codes.license_type === "lifetime" ? "durée illimitée" : `${codes.duration_days} jours`}
        {codes.expires_at ? `, à utiliser avant le ${formatDate(codes.expires_at)}` : ""}.
      </p>
      <div className="actions">
        <CopyButton text={codes.codes.join("\n")} label="Tout copier" />
        <button type="button" className="button button-small" onClick={download}>Télécharger en CSV</button>
      </div>
      <ul className="code-list" aria-label="Codes créés">
        {codes.codes.map((code) => (
          <li key={code}>
            <span className="mono" data-testid="created-code">{code}</span>
            <CopyButton text={code} />
          </li>
        ))}
      </ul>
    </div>
  );
}
