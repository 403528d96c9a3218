using System.Reflection;

namespace Backend.Tests.Configuration;

/// <summary>The values of a class's public <c>const string</c> fields: Core's names of routes, queues and containers.</summary>
public static class StringConstants
{
    public static IEnumerable<string> Of(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);
}
