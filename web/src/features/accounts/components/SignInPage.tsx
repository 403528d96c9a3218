import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ApiError, describeError } from "../../../lib/api-client";
import type { Role } from "../../../lib/session";
import { signIn } from "../api/auth";

const areas: Record<Role, { title: string; home: string }> = {
  admin: { title: "Console d'administration", home: "/admin/" },
  tenant_user: { title: "Espace factures", home: "/app/" },
};

/** Only a path of this app is followed after sign-in, never another site (open redirect). */
function safeReturn(value: string | null, fallback: string): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : fallback;
}

export function SignInPage({ role }: { role: Role }) {
  const area = areas[role];
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get("expiree") === "1";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await signIn(email.trim(), password);
      if (answer.account.role !== role) {
        setError(role === "admin"
          ? "Ce compte n'est pas un compte administrateur."
          : "Ce compte n'est pas un compte d'utilisateur de cabinet.");
        return;
      }
      navigate(safeReturn(params.get("retour"), area.home), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.code === "INVALID_CREDENTIALS"
        ? "E-mail ou mot de passe incorrect."
        : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <p className="brand">EasyFacture</p>
        <h1 id="sign-in-title">{area.title}</h1>
        {expired && !error && (
          <p className="notice" role="status">
            Votre session a expiré. Reconnectez-vous pour revenir à la page que vous consultiez.
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <label className="field">
          <span>Adresse e-mail</span>
          <input type="email" autoComplete="username" required value={email} autoFocus
            onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>Mot de passe</span>
          <input type="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Connexion…" : "Se connecter"}
        </button>
      </form>
    </main>
  );
}
