import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { CopyButton } from "../../../components/CopyButton";
import { Pagination } from "../../../components/Pagination";
import { EmptyState, ErrorState, Loading } from "../../../components/PageStates";
import { ApiError, describeError } from "../../../lib/api-client";
import { formatDateTime } from "../../../lib/format";
import { session } from "../../../lib/session";
import { useApi } from "../../../lib/use-api";
import { createAccount, listAccounts, listTenants, resetPassword, setAccountEnabled, type Account, type AccountAnswer, type Tenant } from "../api/accounts";

const pageSize = 25;
const roleLabels: Record<string, string> = { admin: "Administrateur", tenant_user: "Utilisateur de cabinet" };

/** What an API refusal says, with the fields it names. */
function explain(error: unknown): string {
  if (error instanceof ApiError && error.code === "ACCOUNT_EXISTS") return "Un compte existe déjà avec cette adresse e-mail.";
  if (error instanceof ApiError && Object.keys(error.details).length > 0) {
    return `${error.message} ${Object.entries(error.details).map(([k, v]) => `${k} : ${v}`).join(" ; ")}`;
  }
  return describeError(error);
}

export function AccountsPage() {
  const [params, setParams] = useSearchParams();
  const role = params.get("role") ?? "";
  const email = params.get("email") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const list = useApi((signal) => listAccounts({ role, email }, page, pageSize, signal), [role, email, page]);
  const tenants = useApi((signal) => listTenants(signal), []);
  const tenantNames = new Map((tenants.data?.tenants ?? []).map((t) => [t.tenant_id, t.name]));
  const [setup, setSetup] = useState<AccountAnswer | null>(null);
  const [pending, setPending] = useState<{ account: Account; action: "disable" | "enable" | "reset" } | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setActionError(null);
    try {
      if (pending.action === "reset") {
        setSetup(await resetPassword(pending.account.id));
      } else {
        await setAccountEnabled(pending.account.id, pending.action === "enable");
      }
      setPending(null);
      list.reload();
    } catch (e) {
      setActionError(explain(e));
    } finally {
      setBusy(false);
    }
  }

  const me = session.account()?.id;
  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">Comptes</h1>
      <div className="detail-grid">
        <CreateAccountForm tenants={tenants.data?.tenants ?? null} tenantsError={tenants.error}
          onCreated={(answer) => { setSetup(answer); list.reload(); }} />
        {setup && <SetupTokenCard answer={setup} />}
      </div>

      <form className="card filters" role="search" aria-label="Filtrer les comptes" key={`${role}|${email}`}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          for (const name of ["role", "email"]) {
            const value = String(form.get(name) ?? "").trim();
            if (value) next.set(name, value);
          }
          setParams(next);
        }}>
        <label className="field">
          <span>Rôle</span>
          <select name="role" defaultValue={role}>
            <option value="">Tous</option>
            <option value="admin">Administrateurs</option>
            <option value="tenant_user">Utilisateurs de cabinet</option>
          </select>
        </label>
        <label className="field">
          <span>E-mail</span>
          <input name="email" type="email" defaultValue={email} />
        </label>
        <div className="actions"><button type="submit" className="button button-primary">Filtrer</button></div>
      </form>

      {list.error ? <ErrorState error={list.error} onRetry={list.reload} />
        : !list.data ? <Loading label="Chargement des comptes…" />
        : list.data.accounts.length === 0 ? <EmptyState>Aucun compte ne correspond.</EmptyState>
        : (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Rôle</th>
                    <th scope="col">Cabinet</th>
                    <th scope="col">État</th>
                    <th scope="col">Dernière connexion</th>
                    <th scope="col"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.accounts.map((account) => (
                    <tr key={account.id}>
                      <td>{account.display_name}</td>
                      <td className="cell-email">{account.email}</td>
                      <td>{roleLabels[account.role] ?? account.role}</td>
                      <td>
                        {!account.tenant_id ? "—"
                          : tenantNames.get(account.tenant_id) ?? <span className="mono">{`${account.tenant_id.slice(0, 8)}…`}</span>}
                      </td>
                      <td>
                        {account.disabled_at ? <span className="badge badge-disabled">Désactivé</span>
                          : !account.has_password ? <span className="badge badge-expired">Mot de passe à définir</span>
                          : <span className="badge badge-active">Actif</span>}
                      </td>
                      <td className="nowrap">{formatDateTime(account.last_login_at)}</td>
                      <td>
                        <div className="actions">
                          {account.id !== me && (account.disabled_at
                            ? <button type="button" className="button button-small" onClick={() => setPending({ account, action: "enable" })}
                                aria-label={`Réactiver ${account.email}`}>Réactiver</button>
                            : <button type="button" className="button button-small" onClick={() => setPending({ account, action: "disable" })}
                                aria-label={`Désactiver ${account.email}`}>Désactiver</button>)}
                          <button type="button" className="button button-small" onClick={() => setPending({ account, action: "reset" })}
                            aria-label={`Réinitialiser le mot de passe de ${account.email}`}>Réinitialiser</button>
                        </div>
                      </td>
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

      <ConfirmDialog open={pending !== null} busy={busy} danger={pending?.action !== "enable"}
        title={pending?.action === "reset" ? "Réinitialiser le mot de passe ?" : pending?.action === "enable" ? "Réactiver ce compte ?" : "Désactiver ce compte ?"}
        confirmLabel={pending?.action === "reset" ? "Réinitialiser" : pending?.action === "enable" ? "Réactiver" : "Désactiver"}
        onConfirm={confirm} onClose={() => { setPending(null); setActionError(null); }}>
        <p>
          {pending?.action === "reset"
            ? `Le mot de passe de ${pending.account.email} sera effacé et ses sessions fermées ; un lien de création d'un nouveau mot de passe (24 h) sera affiché.`
            : pending?.action === "enable"
              ? `${pending.account.email} pourra de nouveau se connecter.`
              : `${pending?.account.email} sera déconnecté immédiatement et ne pourra plus se connecter.`}
        </p>
        {actionError && <p className="form-error" role="alert">{actionError}</p>}
      </ConfirmDialog>
    </section>
  );
}

function CreateAccountForm({ tenants, tenantsError, onCreated }: {
  tenants: Tenant[] | null;
  tenantsError: unknown;
  onCreated: (answer: AccountAnswer) => void;
}) {
  const [role, setRole] = useState("tenant_user");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setError(null);
    try {
      const password = String(form.get("password") ?? "");
      onCreated(await createAccount({
        email: String(form.get("email")).trim(),
        display_name: String(form.get("display_name")).trim(),
        role,
        tenant_id: role === "tenant_user" ? String(form.get("tenant_id")).trim() : null,
        password: password || null,
      }));
      formElement.reset();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-account-title">
      <h2 id="create-account-title">Créer un compte</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label className="field"><span>Nom affiché</span><input name="display_name" required maxLength={200} /></label>
      <label className="field"><span>Adresse e-mail</span><input name="email" type="email" required /></label>
      <label className="field">
        <span>Rôle</span>
        <select value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="tenant_user">Utilisateur de cabinet</option>
          <option value="admin">Administrateur</option>
        </select>
      </label>
      {role === "tenant_user" && (
        <label className="field">
          <span>Cabinet</span>
          <select name="tenant_id" required defaultValue="" disabled={!tenants || tenants.length === 0}>
            <option value="" disabled>
              {tenantsError ? "Liste des cabinets indisponible" : !tenants ? "Chargement des cabinets…" : tenants.length === 0 ? "Aucun cabinet" : "Choisir un cabinet…"}
            </option>
            {(tenants ?? []).map((t) => <option key={t.tenant_id} value={t.tenant_id}>{t.name}</option>)}
          </select>
        </label>
      )}
      <label className="field">
        <span>Mot de passe (facultatif : sinon un lien de création est généré)</span>
        <input name="password" type="password" autoComplete="new-password" minLength={12} maxLength={128} />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? "Création…" : "Créer le compte"}</button>
      </div>
    </form>
  );
}

function SetupTokenCard({ answer }: { answer: AccountAnswer }) {
  const area = answer.account.role === "admin" ? "admin" : "app";
  const link = answer.password_setup_token
    ? `${window.location.origin}/${area}/mot-de-passe#${answer.password_setup_token}`
    : null;
  return (
    <div className="card created-codes" role="region" aria-labelledby="setup-title">
      <h2 id="setup-title">Compte {answer.account.email}</h2>
      {link ? (
        <>
          <p>
            Transmettez ce lien à la personne : il lui permet de choisir son mot de passe jusqu'au{" "}
            {formatDateTime(answer.password_setup_expires_at)}, une seule fois.
          </p>
          <p className="mono key-link" data-testid="setup-link">{link}</p>
          <div className="actions"><CopyButton text={link} label="Copier le lien" /></div>
        </>
      ) : <p className="success">Le compte est prêt : la personne peut se connecter avec le mot de passe choisi.</p>}
    </div>
  );
}
