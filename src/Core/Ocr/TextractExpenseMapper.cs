using System.Text;
using System.Text.Json.Nodes;

namespace Backend.Core.Ocr;

/// <summary>
/// Maps AnalyzeExpense / GetExpenseAnalysis JSON to <see cref="OcrResult"/>: LINE blocks give the text, WORD blocks the
/// positioned words (in thousandths of the page), SummaryFields the engine fields. Tolerates missing parts (no summary
/// fields, no blocks) since real responses have them.
/// </summary>
public static class TextractExpenseMapper
{
    public static OcrResult Map(JsonNode response) => Map([response]);

    public static OcrResult Map(IReadOnlyList<JsonNode> responses)
    {
        var fields = new List<OcrField>();
        var lines = new SortedDictionary<int, List<string>>();
        var words = new SortedDictionary<int, List<OcrWord>>();
        var confidences = new List<double>();
        var lineNumber = 0;
        var seenBlocks = new HashSet<string>(StringComparer.Ordinal);

        foreach (var response in responses)
        {
            var documents = response["ExpenseDocuments"] as JsonArray ?? [];
            var blockSources = documents.Select(d => d?["Blocks"] as JsonArray).Append(response["Blocks"] as JsonArray);
            foreach (var document in documents)
            {
                foreach (var field in document?["SummaryFields"] as JsonArray ?? [])
                {
                    var value = field?["ValueDetection"]?["Text"]?.GetValue<string>();
                    var type = field?["Type"]?["Text"]?.GetValue<string>();
                    if (string.IsNullOrWhiteSpace(value) || type is null)
                    {
                        continue;
                    }
                    var confidence = Normalise(field?["ValueDetection"]?["Confidence"]);
                    var page = field?["PageNumber"]?.GetValue<int>() ?? 1;
                    fields.Add(new OcrField(type, field?["LabelDetection"]?["Text"]?.GetValue<string>(), value, Math.Round(confidence, 4), page)
                    {
                        Box = Box(page, field?["ValueDetection"]?["Geometry"]?["BoundingBox"]),
                    });
                }
            }
            foreach (var blocks in blockSources)
            {
                foreach (var block in blocks ?? [])
                {
                    var id = block?["Id"]?.GetValue<string>();
                    if (id is not null && !seenBlocks.Add(id))
                    {
                        continue; // the same block listed under the document and at top level
                    }
                    var kind = block?["BlockType"]?.GetValue<string>();
                    var text = block?["Text"]?.GetValue<string>();
                    var page = block?["Page"]?.GetValue<int>() ?? 1;
                    if (text is null)
                    {
                        continue;
                    }
                    if (kind == "LINE")
                    {
                        Add(lines, page, text);
                        lineNumber++;
                    }
                    else if (kind == "WORD")
                    {
                        var confidence = Normalise(block?["Confidence"]);
                        confidences.Add(confidence);
                        var box = block?["Geometry"]?["BoundingBox"];
                        Add(words, page, new OcrWord(text, confidence, Thousandths(box?["Left"]), Thousandths(box?["Top"]),
                            Thousandths(box?["Width"]), Thousandths(box?["Height"]), 0, lineNumber));
                    }
                }
            }
        }

        if (lines.Count == 0 && fields.Count == 0)
        {
            throw new OcrException("Aucun texte lisible dans le document (Textract n'a rien reconnu).");
        }
        // Without LINE blocks the summary fields are all the text there is.
        if (lines.Count == 0)
        {
            foreach (var field in fields)
            {
                Add(lines, field.PageNumber, field.Label is null ? field.Value : $"{field.Label} {field.Value}");
            }
        }
        var pageNumbers = lines.Keys.Union(words.Keys).Order().ToList();
        var pages = pageNumbers
            .Select(n => new OcrPage(n, string.Join('\n', lines.GetValueOrDefault(n) ?? []) + "\n", words.GetValueOrDefault(n) ?? [])
            {
                Width = 1000,
                Height = 1000,
            })
            .ToList();
        var overall = confidences.Count > 0 ? confidences.Average() : fields.Count > 0 ? fields.Average(f => f.Confidence) : 0;
        var raw = new JsonArray(responses.Select(r => r.DeepClone()).ToArray());
        return new OcrResult("textract", string.Join('\f', pages.Select(p => p.Text)), Math.Round(overall, 4), pages, fields,
            responses.Count == 1 ? responses[0].ToJsonString() : raw.ToJsonString());
    }

    private static void Add<T>(SortedDictionary<int, List<T>> map, int page, T item)
    {
        if (!map.TryGetValue(page, out var list))
        {
            map[page] = list = [];
        }
        list.Add(item);
    }

    /// <summary>Textract confidences are 0–100.</summary>
    private static double Normalise(JsonNode? confidence) =>
        confidence is null ? 0 : Math.Clamp(confidence.GetValue<double>() / 100.0, 0, 1);

    /// <summary>Textract's BoundingBox is already in fractions of the page.</summary>
    private static PageBox? Box(int page, JsonNode? box)
    {
        if (box?["Left"] is not { } left || box["Top"] is not { } top || box["Width"] is not { } width || box["Height"] is not { } height)
        {
            return null;
        }
        var l = left.GetValue<double>();
        var t = top.GetValue<double>();
        return PageBox.FromUnits(page, l, t, l + width.GetValue<double>(), t + height.GetValue<double>(), 1, 1);
    }

    private static int Thousandths(JsonNode? value) => value is null ? 0 : (int)Math.Round(value.GetValue<double>() * 1000);
}
