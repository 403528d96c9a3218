// The one way the web app calls the API: JSON in and out, the error envelope turned into ApiError, a short
// Retry-After honoured once for reads, the access token attached and refreshed once when it has expired.
// Field names stay as the API sends them (snake_case for licenses and accounts, camelCase for invoices).
import { session, type TokenAnswer } from "./session";

/** The API's error envelope: {success:false, error, message, details, timestamp, request_id}. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, string>;
  readonly requestId: string | null;
  /** Seconds to wait before trying again (429, 503), when the server said so. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, details: Record<string, string> = {},
    requestId: string | null = null, retryAfter: number | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

/** Raised when no valid session remains: the app sends the person to the sign-in page, then back. */
export class SessionExpiredError extends ApiError {
  constructor() {
    super(401, "SESSION_EXPIRED", "Votre session a expiré : reconnectez-vous.");
    this.name = "SessionExpiredError";
  }
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (multipart uploads): the browser sets the content type. */
  body?: FormData | Blob;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Sign-in and refresh themselves: no token, no refresh on 401. */
  anonymous?: boolean;
}

// SelfHost serves the app and the whole API from one origin: both bases are empty. In Azure the static site calls the
// two function apps, set at build time: VITE_LICENSE_API_URL (licenses, sign-in, accounts) and VITE_OCR_API_URL
// (invoices, accounting, tenants). Their CORS admits the static site's origin; tokens travel in headers, not cookies.
const licenseApiBase: string = (import.meta.env.VITE_LICENSE_API_URL as string | undefined) ?? "";
const ocrApiBase: string = (import.meta.env.VITE_OCR_API_URL as string | undefined) ?? "";

/** Which app serves a path in Azure (the routes of src/OcrFunctions; everything else is the license app's). */
function baseFor(path: string): string {
  return /^\/api\/(invoices|upload|accounting|exports|sage|v1\/admin\/tenants)(\/|\?|$)/.test(path) ? ocrApiBase : licenseApiBase;
}

/** Longest Retry-After waited for automatically; longer ones are shown to the person. */
const maxAutomaticWaitSeconds = 5;

const sessionExpiredListeners = new Set<() => void>();
/** The router listens to send the person to the sign-in page with the page to come back to. */
export function onSessionExpired(listener: () => void) {
  sessionExpiredListeners.add(listener);
  return () => {
    sessionExpiredListeners.delete(listener);
  };
}

export function apiUrl(path: string, query?: RequestOptions["query"]): string {
  const apiBase = baseFor(path);
  const url = new URL(apiBase + path, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
  }
  return apiBase ? url.toString() : url.pathname + url.search;
}

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get("Retry-After");
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = retryAfterSeconds(response);
  try {
    const body = await response.json();
    if (body && typeof body.error === "string") {
      return new ApiError(response.status, body.error, body.message ?? body.error, body.details ?? {},
        body.request_id ?? null, retryAfter ?? (typeof body.retry_after === "number" ? body.retry_after : null));
    }
  } catch {
    // not the envelope (a proxy's page): described by the status below
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `Le serveur a répondu ${response.status}.`, {}, null, retryAfter);
}

/** Same origin: the ef_refresh cookie may travel. Another origin: nothing but the headers (its CORS admits no credentials). */
export function credentialsFor(path: string): RequestCredentials {
  return baseFor(path) ? "omit" : "same-origin";
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time, whoever asks: a refresh token works once. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const refreshToken = session.refreshToken();
      const response = await fetch(apiUrl("/api/v1/auth/refresh"), {
        method: "POST",
        credentials: credentialsFor("/api/v1/auth/refresh"),
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(refreshToken ? { refresh_token: refreshToken } : {}),
      });
      if (!response.ok) return false;
      session.store((await response.json()) as TokenAnswer);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function expireSession(): never {
  session.clear(true);
  for (const listener of sessionExpiredListeners) listener();
  throw new SessionExpiredError();
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = session.accessToken();
  if (!options.anonymous && token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.body) {
    body = options.body;
  }
  return fetch(apiUrl(path, options.query), {
    method: options.method ?? "GET",
    headers,
    body,
    signal: options.signal,
    credentials: credentialsFor(path),
  });
}

/** The raw response of a successful call (CSV and file downloads); errors thrown as ApiError. */
export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response> {
  if (!options.anonymous && !session.accessToken() && !(await refreshSession())) expireSession();
  let response = await send(path, options);
  if (response.status === 401 && !options.anonymous) {
    if (!(await refreshSession())) expireSession();
    response = await send(path, options);
    if (response.status === 401) expireSession();
  }
  const method = options.method ?? "GET";
  if ((response.status === 503 || response.status === 429) && method === "GET") {
    const wait = retryAfterSeconds(response);
    if (wait !== null && wait <= maxAutomaticWaitSeconds) {
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      response = await send(path, options);
    }
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** A JSON call: the parsed body of a 2xx answer, else an ApiError (or SessionExpiredError). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Saves a response (CSV export) as a file named by its Content-Disposition, else by fallbackName. */
export async function download(path: string, fallbackName: string, query?: RequestOptions["query"]) {
  const response = await apiResponse(path, { query, method: "GET" });
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** A message for a person, in French, for any error a call may throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.retryAfter && (error.status === 429 || error.status === 503)) {
      return `${error.message} Réessayez dans ${error.retryAfter} s.`;
    }
    return error.message;
  }
  if (error instanceof TypeError) return "Le serveur est injoignable. Vérifiez la connexion puis réessayez.";
  return "Une erreur inattendue est survenue.";
}
