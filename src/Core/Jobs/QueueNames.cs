namespace Backend.Core.Jobs;

/// <summary>Queue names shared by the Service Bus triggers, the Bicep templates and the self-hosted workers.</summary>
public static class QueueNames
{
    public const string OcrJobs = "ocr-jobs";
    public const string AiAnalysis = "ai-analysis";
}
