using System.Text.Json;
using Backend.Core.Ocr;

namespace Backend.Tests.Extraction;

/// <summary>
/// Turns a saved AnalyzeExpense response into an <see cref="OcrResult"/> the way a Textract engine does:
/// SummaryFields become engine fields (confidence 0–100 → 0–1), LINE blocks the text, WORD blocks positioned words.
/// </summary>
internal static class TextractResponse
{
    private const int PageWidth = 2480;
    private const int PageHeight = 3508;

    public static OcrResult Load(string file)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "TestData", "textract", file));
        using var doc = JsonDocument.Parse(json);
        var fields = new List<OcrField>();
        var lines = new List<string>();
        var words = new List<OcrWord>();
        foreach (var expense in doc.RootElement.GetProperty("ExpenseDocuments").EnumerateArray())
        {
            if (expense.TryGetProperty("SummaryFields", out var summary))
            {
                foreach (var f in summary.EnumerateArray())
                {
                    var value = f.GetProperty("ValueDetection");
                    fields.Add(new OcrField(
                        f.GetProperty("Type").GetProperty("Text").GetString()!,
                        f.TryGetProperty("LabelDetection", out var label) ? label.GetProperty("Text").GetString() : null,
                        value.GetProperty("Text").GetString() ?? "",
                        value.GetProperty("Confidence").GetDouble() / 100,
                        f.TryGetProperty("PageNumber", out var page) ? page.GetInt32() : 1));
                }
            }
            if (expense.TryGetProperty("Blocks", out var blocks))
            {
                foreach (var block in blocks.EnumerateArray())
                {
                    var type = block.GetProperty("BlockType").GetString();
                    if (type == "LINE")
                    {
                        lines.Add(block.GetProperty("Text").GetString()!);
                    }
                    else if (type == "WORD")
                    {
                        var box = block.GetProperty("Geometry").GetProperty("BoundingBox");
                        words.Add(new OcrWord(
                            block.GetProperty("Text").GetString()!,
                            block.GetProperty("Confidence").GetDouble() / 100,
                            (int)(box.GetProperty("Left").GetDouble() * PageWidth),
                            (int)(box.GetProperty("Top").GetDouble() * PageHeight),
                            (int)(box.GetProperty("Width").GetDouble() * PageWidth),
                            (int)(box.GetProperty("Height").GetDouble() * PageHeight),
                            0,
                            words.Count));
                    }
                }
            }
        }
        var text = string.Join('\n', lines);
        return new OcrResult("textract", text, 0.95, [new OcrPage(1, text, words)], fields, json);
    }
}
