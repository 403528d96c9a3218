namespace Backend.Core.Invoices.Extraction;

/// <summary>
/// Chooses HT, TVA and TTC among the amounts found next to their labels so that they agree
/// (HT + TVA = TTC, TVA/HT a VAT rate or the sum of the VAT lines), fills one missing amount from the
/// other two, and sets each amount's confidence from how well the three agree.
/// </summary>
internal static class TotalsSolver
{
    private static readonly decimal[] StandardRates = [20m, 10m, 5.5m, 2.1m, 8.5m, 13m, 19.6m, 7m];

    public sealed record Totals(
        Extracted<decimal>? Ht,
        Extracted<decimal>? Tva,
        Extracted<decimal>? Ttc,
        Extracted<decimal>? Rate,
        bool Consistent);

    public static Totals Solve(
        IReadOnlyList<Candidate<decimal>> ht,
        IReadOnlyList<Candidate<decimal>> tva,
        IReadOnlyList<Candidate<decimal>> ttc,
        IReadOnlyList<VatLine> breakdown,
        decimal? statedRate,
        bool vatExempt,
        IReadOnlyList<decimal>? outsideVat = null)
    {
        outsideVat ??= [];
        var hts = Top(ht);
        var tvas = Top(tva);
        var ttcs = Top(ttc);
        var baseSum = breakdown.Count > 0 ? breakdown.Sum(l => l.BaseAmount) : (decimal?)null;
        var taxSum = breakdown.Count > 0 ? breakdown.Sum(l => l.TaxAmount) : (decimal?)null;
        var tolerance = 0.011m + 0.01m * Math.Max(0, breakdown.Count - 1);

        double bestScore = double.MinValue;
        (Candidate<decimal>? H, Candidate<decimal>? V, Candidate<decimal>? T) best = default;
        foreach (var h in hts)
        {
            foreach (var v in tvas)
            {
                foreach (var t in ttcs)
                {
                    var score = (h?.Score ?? 0) + (v?.Score ?? 0) + (t?.Score ?? 0) * 1.3;
                    if (h is not null && v is not null && t is not null)
                    {
                        score += Math.Abs(h.Value + v.Value - t.Value) <= tolerance ? 2.0
                            : outsideVat.Any(x => Math.Abs(h.Value + v.Value + x - t.Value) <= tolerance) ? 1.5 : -1.0;
                    }
                    else if (h is not null && t is not null)
                    {
                        score += PlausibleTax(t.Value - h.Value, h.Value, taxSum, vatExempt) ? 0.6 : -0.5;
                    }
                    if (h is not null && v is not null)
                    {
                        score += PlausibleTax(v.Value, h.Value, taxSum, vatExempt) ? 0.5 : -0.3;
                        if (Math.Abs(v.Value) >= Math.Abs(h.Value) && h.Value != 0)
                        {
                            score -= 1.5;
                        }
                    }
                    if (h is not null && t is not null && Math.Abs(h.Value) > Math.Abs(t.Value))
                    {
                        score -= 1.5;
                    }
                    if (h is not null && baseSum is not null && Math.Abs(h.Value - baseSum.Value) <= tolerance)
                    {
                        score += 0.3;
                    }
                    if (v is not null && taxSum is not null && Math.Abs(v.Value - taxSum.Value) <= tolerance)
                    {
                        score += 0.3;
                    }
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = (h, v, t);
                    }
                }
            }
        }

        var (bh, bv, bt) = best;
        decimal? H = bh?.Value, V = bv?.Value, T = bt?.Value;
        double ch = bh?.Score ?? 0, cv = bv?.Score ?? 0, ct = bt?.Score ?? 0;
        var consistent = false;

        if (H is not null && V is not null && T is not null)
        {
            var outside = outsideVat.Any(x => Math.Abs(H.Value + V.Value + x - T.Value) <= tolerance);
            if (Math.Abs(H.Value + V.Value - T.Value) <= tolerance || outside)
            {
                consistent = true;
                var rateOk = PlausibleTax(V.Value, H.Value, taxSum, vatExempt);
                var agreed = outside ? 0.9 : rateOk ? 0.985 : 0.93;
                ch = Math.Max(ch, agreed);
                cv = Math.Max(cv, agreed);
                ct = Math.Max(ct, agreed);
            }
            else
            {
                ch *= 0.6;
                cv *= 0.6;
                ct *= 0.7;
            }
        }
        else if (H is not null && T is not null)
        {
            var tax = T.Value - H.Value;
            if (Contradicted(tax, tva, statedRate))
            {
                // "TVA 5,5 % 24,75" is printed and TTC − HT says 34,75: one of the three is misread, and which one is
                // not for the arithmetic to decide.
                V = tax;
                cv = 0.4;
                ch = Math.Min(ch, 0.6);
                ct = Math.Min(ct, 0.65);
            }
            else if (PlausibleTax(tax, H.Value, taxSum, vatExempt))
            {
                V = tax;
                cv = Math.Min(ch, ct) * 0.95;
                ch = Math.Max(ch, 0.93);
                ct = Math.Max(ct, 0.93);
                consistent = true;
            }
            else
            {
                ch *= 0.7;
                ct *= 0.8;
            }
        }
        else if (H is not null && V is not null)
        {
            if (PlausibleTax(V.Value, H.Value, taxSum, vatExempt))
            {
                T = H.Value + V.Value;
                ct = Math.Min(ch, cv) * 0.85;
            }
        }
        else if (V is not null && T is not null)
        {
            var h = T.Value - V.Value;
            if (PlausibleTax(V.Value, h, taxSum, vatExempt))
            {
                H = h;
                ch = Math.Min(cv, ct) * 0.85;
                consistent = true;
            }
        }
        else if (T is not null && H is null && V is null)
        {
            if (vatExempt)
            {
                H = T;
                V = 0;
                ch = ct * 0.9;
                cv = ct * 0.9;
            }
            else if (baseSum is not null && taxSum is not null && Math.Abs(baseSum.Value + taxSum.Value - T.Value) <= tolerance)
            {
                H = baseSum;
                V = taxSum;
                ch = cv = 0.9;
                ct = Math.Max(ct, 0.93);
                consistent = true;
            }
            else
            {
                // TTC alone cannot be cross-checked.
                ct *= 0.85;
            }
        }
        else if (T is null && H is null && V is null && baseSum is not null && taxSum is not null)
        {
            H = baseSum;
            V = taxSum;
            T = baseSum + taxSum;
            ch = cv = 0.75;
            ct = 0.6;
        }
        else if (H is null && V is not null && T is null && baseSum is not null && Math.Abs(V.Value - taxSum!.Value) <= tolerance)
        {
            H = baseSum;
            T = baseSum + V;
            ch = 0.8;
            ct = 0.7;
        }

        Extracted<decimal>? rate = null;
        var distinctRates = breakdown.Select(l => l.Rate).Distinct().ToList();
        if (distinctRates.Count == 1 && (V is null || taxSum is null || Math.Abs(V.Value - taxSum.Value) <= tolerance))
        {
            rate = new(distinctRates[0], consistent ? 0.97 : 0.85);
        }
        else if (distinctRates.Count > 1)
        {
            rate = null;
        }
        else if (H is not null && V is not null && H.Value != 0)
        {
            var ratio = V.Value / H.Value * 100m;
            var nearest = StandardRates.MinBy(r => Math.Abs(r - ratio));
            if (V.Value == 0 && (vatExempt || T == H))
            {
                rate = new(0m, 0.9);
            }
            else if (Math.Abs(Math.Round(H.Value * nearest / 100m, 2, MidpointRounding.AwayFromZero) - V.Value) <= 0.011m + Math.Abs(H.Value) * 0.00005m)
            {
                rate = new(nearest, statedRate == nearest ? 0.97 : 0.9);
            }
            else if (statedRate is not null && Math.Abs(statedRate.Value - ratio) < 0.2m)
            {
                rate = new(statedRate.Value, 0.8);
            }
        }
        else if (statedRate is not null)
        {
            rate = new(statedRate.Value, 0.6);
        }

        return new Totals(
            H is null ? null : new(H.Value, Math.Round(ch, 3)),
            V is null ? null : new(V.Value, Math.Round(cv, 3)),
            T is null ? null : new(T.Value, Math.Round(ct, 3)),
            rate,
            consistent);
    }

    /// <summary>
    /// A VAT amount derived from TTC − HT that none of the clearly printed VAT amounts confirms. The stated rate's own
    /// number ("TVA 20 %" read as an amount of 20) is not a printed amount.
    /// </summary>
    private static bool Contradicted(decimal derivedTax, IReadOnlyList<Candidate<decimal>> printed, decimal? statedRate)
    {
        var clear = printed.Where(c => c.Score >= 0.7 && c.Value != statedRate).ToList();
        return clear.Count > 0 && clear.All(c => Math.Abs(c.Value - derivedTax) > 0.011m);
    }

    private static bool PlausibleTax(decimal tax, decimal ht, decimal? taxSum, bool vatExempt)
    {
        if (taxSum is not null && Math.Abs(tax - taxSum.Value) <= 0.03m)
        {
            return true;
        }
        if (tax == 0)
        {
            return vatExempt;
        }
        if (ht == 0 || Math.Sign(tax) != Math.Sign(ht))
        {
            return false;
        }
        var ratio = tax / ht * 100m;
        // A single standard rate, or a mix of rates (between the lowest and the highest).
        return StandardRates.Any(r => Math.Abs(Math.Round(ht * r / 100m, 2, MidpointRounding.AwayFromZero) - tax) <= 0.011m + Math.Abs(ht) * 0.00005m)
            || (ratio > 2m && ratio < 20m && taxSum is null);
    }

    private static List<Candidate<decimal>?> Top(IReadOnlyList<Candidate<decimal>> candidates)
    {
        var list = candidates
            .GroupBy(c => c.Value)
            .Select(g => g.MaxBy(c => c.Score)! with { Score = Math.Min(1, g.Max(c => c.Score) + 0.03 * (g.Count() - 1)) })
            .OrderByDescending(c => c.Score)
            .Take(6)
            .Cast<Candidate<decimal>?>()
            .ToList();
        list.Add(null);
        return list;
    }
}
