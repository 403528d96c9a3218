namespace Backend.Bench.InvoiceCorpus;

public sealed record GeneratedInvoice(GroundTruth Truth, byte[] Pdf);
