import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ApiError, describeError } from "../../../lib/api-client";
import { setUpPassword } from "../api/accounts";

/**
 * The page of a password-setup link: the token travels in the fragment (#efs_…), which browsers never send to a
 * server nor write into logs or Referer headers.
 */
export function PasswordSetupPage({ signInPath }: { signInPath: string }) {
  const token = window.location.hash.slice(1);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirmation) {
      setError("Les deux mots de passe ne sont pas identiques.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setUpPassword(token, password);
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError && e.code === "INVALID_SETUP_TOKEN"
        ? "Ce lien n'est plus valable (déjà utilisé ou expiré) : demandez-en un nouveau à votre administrateur."
        : e instanceof ApiError && Object.keys(e.details).length > 0 ? Object.values(e.details).join(" ; ") : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="setup-title">
        <p className="brand">EasyFacture</p>
        <h1 id="setup-title">Choisir votre mot de passe</h1>
        {done ? (
          <p className="success" role="status">
            Mot de passe enregistré. <Link to={signInPath}>Se connecter</Link>
          </p>
        ) : !token ? (
          <p className="form-error" role="alert">Ce lien est incomplet : ouvrez le lien reçu tel quel.</p>
        ) : (
          <>
            <p className="hint">De 12 à 128 caractères ; une phrase facile à retenir convient très bien.</p>
            {error && <p className="form-error" role="alert">{error}</p>}
            <label className="field">
              <span>Nouveau mot de passe</span>
              <input type="password" autoComplete="new-password" required minLength={12} maxLength={128}
                value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            <label className="field">
              <span>Confirmation</span>
              <input type="password" autoComplete="new-password" required value={confirmation}
                onChange={(e) => setConfirmation(e.target.value)} />
            </label>
            <button type="submit" className="button button-primary" disabled={busy}>Enregistrer</button>
          </>
        )}
      </form>
    </main>
  );
}
