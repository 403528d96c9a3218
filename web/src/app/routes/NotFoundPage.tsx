import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <section className="state state-empty" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page introuvable</h1>
      <p>Cette page n'existe pas ou vous n'y avez pas accès.</p>
      <Link to="/">Retour à l'accueil</Link>
    </section>
  );
}
