namespace Backend.Bench.InvoiceCorpus;

/// <summary>One generated invoice in the structured formats: a Factur-X PDF (the page plus its CII), the CII and the UBL.</summary>
public sealed record GeneratedEInvoice(GroundTruth Truth, byte[] FacturXPdf, byte[] Cii, byte[] Ubl);
