import type { Product } from "../api/products";

/**
 * The catalog as a select: each product by its name (and code when names could be confused). `allLabel` adds a first
 * option with the empty value ("every product"); without it a product must be chosen.
 */
export function ProductSelect({ id, name, products, value, onChange, allLabel, required }: {
  id?: string;
  name?: string;
  products: Product[];
  value: string;
  onChange?: (code: string) => void;
  allLabel?: string;
  required?: boolean;
}) {
  return (
    <select id={id} name={name} value={onChange ? value : undefined} defaultValue={onChange ? undefined : value} required={required}
      onChange={onChange ? (e) => onChange(e.target.value) : undefined}>
      {allLabel !== undefined && <option value="">{allLabel}</option>}
      {products.map((p) => (
        <option key={p.code} value={p.code}>{productLabel(p)}</option>
      ))}
    </select>
  );
}

export function productLabel(product: Product): string {
  return product.name && product.name !== product.code ? `${product.name} (${product.code})` : product.code ?? "";
}

/** The name of a product code from the catalog, the code itself when the catalog does not know it (yet). */
export function productName(products: Product[] | undefined, code: string | null | undefined): string {
  if (!code) return "—";
  return products?.find((p) => p.code === code)?.name ?? code;
}
