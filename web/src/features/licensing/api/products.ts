import { api } from "../../../lib/api-client";
import { useApi } from "../../../lib/use-api";
import type { components } from "../../../lib/api-types";

export type Product = components["schemas"]["Product"];
export type ProductList = components["schemas"]["ProductListResponse"];
export type NewProduct = components["schemas"]["CreateProductRequest"];
export type ProductChange = components["schemas"]["UpdateProductRequest"];

export function listProducts(signal?: AbortSignal) {
  return api<ProductList>("/api/v1/admin/products", { signal });
}

export function createProduct(request: NewProduct) {
  return api<{ product: Product }>("/api/v1/admin/products", { method: "POST", json: request });
}

export function updateProduct(code: string, change: ProductChange) {
  return api<{ product: Product }>(`/api/v1/admin/products/${encodeURIComponent(code)}`, { method: "PATCH", json: change });
}

/** The catalog for pickers and names: an empty list while it loads or when it cannot be read (pages still work by code). */
export function useProducts() {
  return useApi((signal) => listProducts(signal), []);
}
