import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, Loading } from "../../../components/PageStates";
import { ApiError } from "../../../lib/api-client";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { createProduct, updateProduct, useProducts, type Product } from "../api/products";
import { errorText } from "../form-errors";
import { licenseTypeLabels } from "../labels";

const allTypes = Object.keys(licenseTypeLabels);

/** The API's field names in French, for the details of a refused form. */
const fieldLabels: Record<string, string> = {
  code: "Code",
  name: "Nom",
  trial_days: "Durée d'essai",
  license_types: "Types de licence",
  renewal_url: "URL de renouvellement",
};

/** The catalog: each product's code (signed into its license keys), name, trial length, license types and renewal page. */
export function ProductsPage() {
  const catalog = useProducts();
  const [editing, setEditing] = useState<Product | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section aria-labelledby="products-title">
      <div className="toolbar">
        <h1 id="products-title">Produits</h1>
        <Link className="button" to="/admin/releases">Versions publiées</Link>
      </div>
      {notice && <p className="success" role="status">{notice}</p>}
      <div className="detail-grid">
        <CreateForm onCreated={(product) => {
          setNotice(`Produit « ${product.name} » créé.`);
          catalog.reload();
        }} />
        <div className="card">
          <h2>Bon à savoir</h2>
          <p className="hint">
            Le code d'un produit est inscrit dans ses clés de licence&nbsp;: il ne change plus une fois créé. L'application
            de bureau l'envoie avec chaque demande d'essai, d'activation et de validation.
          </p>
          <p className="hint">
            Les types de licence limitent les codes d'activation que l'on peut générer pour le produit&nbsp;; la durée
            d'essai s'applique aux essais démarrés après la modification.
          </p>
        </div>
      </div>

      <h2>Catalogue</h2>
      {catalog.error ? <ErrorState error={catalog.error} onRetry={catalog.reload} />
        : !catalog.data ? <Loading label="Chargement du catalogue…" />
        : catalog.data.products.length === 0 ? <EmptyState>Aucun produit au catalogue.</EmptyState>
        : (
          <div className="table-wrap">
            <table data-table="products">
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Nom</th>
                  <th scope="col" className="num">Essai</th>
                  <th scope="col">Types de licence</th>
                  <th scope="col">URL de renouvellement</th>
                  <th scope="col">Modifié le</th>
                  <th scope="col"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {catalog.data.products.map((product) => (
                  <tr key={product.code} data-product={product.code}>
                    <td className="mono">{product.code}</td>
                    <td>{product.name}</td>
                    <td className="num nowrap">{formatNumber(Number(product.trial_days))} j</td>
                    <td>{(product.license_types ?? []).map((t) => licenseTypeLabels[t] ?? t).join(", ")}</td>
                    <td className="cell-email">{product.renewal_url || <span className="hint">par défaut</span>}</td>
                    <td className="nowrap">{formatDateTime(product.updated_at)}</td>
                    <td>
                      <button type="button" className="button button-small" aria-label={`Modifier ${product.name}`}
                        onClick={() => { setNotice(null); setEditing(product); }}>
                        Modifier
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      {editing && (
        <EditDialog key={editing.code} product={editing} onClose={() => setEditing(null)}
          onSaved={(product) => {
            setEditing(null);
            setNotice(`Produit « ${product.name} » enregistré.`);
            catalog.reload();
          }} />
      )}
    </section>
  );
}

/** Name, trial days, license types and renewal URL: the fields creation and edition share. */
function ProductFields({ product, idPrefix }: { product?: Product; idPrefix: string }) {
  const types = product?.license_types ?? allTypes;
  return (
    <>
      <label className="field">
        <span>Nom</span>
        <input name="name" required maxLength={100} defaultValue={product?.name ?? ""} placeholder="EasyFacture Pro" />
      </label>
      <label className="field">
        <span>Durée d'essai (jours)</span>
        <input name="trial_days" type="number" required min={1} max={365} defaultValue={String(product?.trial_days ?? 30)} />
      </label>
      <fieldset className="field checkboxes">
        <legend>Types de licence accordés</legend>
        {allTypes.map((type) => (
          <label key={type} htmlFor={`${idPrefix}-type-${type}`}>
            <input id={`${idPrefix}-type-${type}`} type="checkbox" name="license_types" value={type} defaultChecked={types.includes(type)} />
            {licenseTypeLabels[type]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>URL de renouvellement (facultatif)</span>
        <input name="renewal_url" type="url" maxLength={500} defaultValue={product?.renewal_url ?? ""} placeholder="https://exemple.fr/renouveler" />
      </label>
    </>
  );
}

function fieldsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  return {
    name: String(data.get("name") ?? "").trim(),
    trial_days: Number(data.get("trial_days")),
    license_types: data.getAll("license_types").map(String),
    renewal_url: String(data.get("renewal_url") ?? "").trim(),
  };
}

function CreateForm({ onCreated }: { onCreated: (product: Product) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = fieldsOf(form);
    if (fields.license_types.length === 0) {
      setError("Choisissez au moins un type de licence.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await createProduct({
        code: String(new FormData(form).get("code") ?? "").trim(),
        name: fields.name,
        trial_days: fields.trial_days,
        license_types: fields.license_types,
        renewal_url: fields.renewal_url || null,
      });
      onCreated(answer.product);
      setGeneration((g) => g + 1);
    } catch (e) {
      setError(e instanceof ApiError && e.code === "PRODUCT_EXISTS" ? "Un produit porte déjà ce code." : errorText(e, fieldLabels));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form key={generation} className="card form-grid" onSubmit={submit} aria-labelledby="new-product-title">
      <h2 id="new-product-title">Nouveau produit</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label className="field">
        <span>Code</span>
        <input name="code" required maxLength={50} pattern="[a-z0-9_\-]{1,50}" className="mono" placeholder="easyfacture-pro"
          title="lettres minuscules sans accent, chiffres, - ou _" aria-describedby="new-product-code-hint" />
        <span id="new-product-code-hint" className="hint">Lettres minuscules sans accent, chiffres, - ou _ ; définitif.</span>
      </label>
      <ProductFields idPrefix="new" />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? "Création…" : "Créer le produit"}</button>
      </div>
    </form>
  );
}

function EditDialog({ product, onClose, onSaved }: { product: Product; onClose: () => void; onSaved: (product: Product) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const form = document.getElementById("edit-product-fields")?.closest("form");
    if (!form) return;
    if (!form.reportValidity()) return;
    const fields = fieldsOf(form);
    if (fields.license_types.length === 0) {
      setError("Choisissez au moins un type de licence.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // An empty renewal URL clears it: the server's default renewal page applies again.
      const answer = await updateProduct(product.code ?? "", fields);
      onSaved(answer.product);
    } catch (e) {
      setError(errorText(e, fieldLabels));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog open title={`Modifier ${product.name}`} confirmLabel={busy ? "Enregistrement…" : "Enregistrer"} busy={busy}
      onConfirm={save} onClose={onClose}>
      <div id="edit-product-fields" className="form-grid">
        <p className="hint">Code <span className="mono">{product.code}</span> (inscrit dans les clés, non modifiable).</p>
        {error && <p className="form-error" role="alert">{error}</p>}
        <ProductFields product={product} idPrefix="edit" />
      </div>
    </ConfirmDialog>
  );
}
