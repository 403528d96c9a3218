namespace Backend.Bench.InvoiceCorpus;

/// <summary>Counts for one field over the corpus.</summary>
public sealed class FieldScore
{
    public int Documents { get; set; }
    public int Expected { get; set; }
    public int Predicted { get; set; }
    public int CorrectPredicted { get; set; }
    public int ExactMatch { get; set; }

    public double Precision => Predicted == 0 ? 1 : (double)CorrectPredicted / Predicted;
    public double Recall => Expected == 0 ? 1 : (double)CorrectPredicted / Expected;
    public double Exact => Documents == 0 ? 0 : (double)ExactMatch / Documents;
}
