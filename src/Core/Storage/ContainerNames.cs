namespace Backend.Core.Storage;

/// <summary>Blob containers shared by the blob trigger, the Bicep templates and the self-hosted store.</summary>
public static class ContainerNames
{
    /// <summary>Where accountants drop invoices: <c>inbox/{tenant_id}/{file}</c>.</summary>
    public const string Inbox = "inbox";

    /// <summary>Invoice files the pipeline has taken in, by invoice id.</summary>
    public const string Invoices = "invoices";

    /// <summary>Generated Sage and FEC export files.</summary>
    public const string Exports = "exports";
}
