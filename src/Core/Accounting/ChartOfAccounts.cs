namespace Backend.Core.Accounting;

/// <summary>Names of the PCG accounts this backend books to, for the FEC's CompteLib column.</summary>
public static class ChartOfAccounts
{
    private static readonly (string Root, string Name)[] Names =
    [
        ("401", "Fournisseurs"),
        ("404", "Fournisseurs d'immobilisations"),
        ("408", "Fournisseurs - Factures non parvenues"),
        ("44566", "TVA déductible sur autres biens et services"),
        ("44562", "TVA déductible sur immobilisations"),
        ("601", "Achats stockés - Matières premières"),
        ("602", "Achats stockés - Autres approvisionnements"),
        ("604", "Achats d'études et prestations de services"),
        ("606", "Achats non stockés de matières et fournitures"),
        ("611", "Sous-traitance générale"),
        ("613", "Locations"),
        ("615", "Entretien et réparations"),
        ("616", "Primes d'assurances"),
        ("618", "Divers"),
        ("622", "Rémunérations d'intermédiaires et honoraires"),
        ("623", "Publicité, publications, relations publiques"),
        ("624", "Transports de biens et transports collectifs du personnel"),
        ("625", "Déplacements, missions et réceptions"),
        ("627", "Services bancaires et assimilés"),
        ("628", "Divers"),
        ("2", "Immobilisations"),
        ("6", "Charges"),
    ];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The name of the most specific known root of <paramref name="account"/>.</summary>
    public static string NameOf(string account) =>
        Cache.TryGetValue(account, out var name) ? name
        : Cache.Count < 10_000 ? Cache.GetOrAdd(account, Find)
        : Find(account); // a chart of accounts is small; the cap only guards against junk


    private static string Find(string account)
    {
        var known = ExpenseAccountTable.Rules
            .Select(r => (Root: r.Account, r.Name))
            .Concat(Names)
            .Where(n => account.StartsWith(n.Root, StringComparison.Ordinal))
            .OrderByDescending(n => n.Root.Length)
            .FirstOrDefault();
        return known.Name ?? $"Compte {account}";
    }
}
