namespace Backend.Bench.InvoiceCorpus;

/// <summary>One real invoice of <c>tests/data/real-invoices</c>: the PDF, its truth read from its own XML, and its side of the split.</summary>
/// <param name="Name">Path relative to the set's folder, e.g. <c>lunatech-pa/facture_facturx_001.pdf</c>.</param>
public sealed record RealInvoice(string PdfPath, string Name, GroundTruth Truth, string Language, bool HeldOut);
