using System.Collections;
using System.Reflection;
using Backend.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Backend.Tests.Configuration;

/// <summary>
/// Every configuration key the code reads:
/// <list type="bullet">
/// <item>each <see cref="ISettings"/> implementation in the solution's assemblies: its <c>SectionName</c>, then its
/// public properties the binder can set (settable, or get-only objects and collections it fills in), recursively
/// for nested objects: <c>Section__Nested__Key</c>;</item>
/// <item>arrays, lists and dictionaries: one segment <c>*</c> for the index or the dictionary key, then the element's
/// keys when the element is an object: <c>Section__Items__*</c> (elements are values) or
/// <c>Section__Items__*__Key</c> (elements are objects). A source provides such a key by providing at least one
/// element (<c>Section__Items__0__Key</c>, or an array in appsettings.json);</item>
/// <item>keys read directly rather than bound: the identity-based connections of <see cref="AzureConnections"/>
/// (read by the Functions extensions and the Azure adapters). <c>DirectConfigurationReadsTests</c> makes sure
/// no other direct read exists.</item>
/// </list>
/// </summary>
public static class CodeSettingKeys
{
    // Initialised in this order: All reads SettingsTypes.
    public static IReadOnlyList<Type> SettingsTypes { get; } = FindSettingsTypes();

    public static IReadOnlyList<SettingKey> All { get; } = Enumerate();

    public static IEnumerable<SettingKey> KeysOf(Type settingsType)
    {
        var section = (string?)settingsType.GetProperty(nameof(ISettings.SectionName), BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{settingsType} has no public static SectionName.");
        return KeysUnder(section, settingsType, depth: 0).Select(name => new SettingKey(name));
    }

    private static IReadOnlyList<SettingKey> Enumerate()
    {
        var keys = SettingsTypes.SelectMany(KeysOf)
            .Concat(AzureConnections.AllSettingNames.Select(name => new SettingKey(name)))
            .GroupBy(key => key.Name, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First())
            .OrderBy(key => key.Name, StringComparer.Ordinal)
            .ToList();
        return keys;
    }

    private static IReadOnlyList<Type> FindSettingsTypes()
    {
        return SolutionAssemblies()
            .SelectMany(LoadableTypes)
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ISettings).IsAssignableFrom(type))
            .Distinct()
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Core, SelfHost, and any other Backend.* assembly next to the tests (projects referenced later).</summary>
    private static IEnumerable<Assembly> SolutionAssemblies()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase)
        {
            [typeof(ISettings).Assembly.GetName().Name!] = typeof(ISettings).Assembly,
            [typeof(Program).Assembly.GetName().Name!] = typeof(Program).Assembly,
        };
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "Backend.*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!assemblies.ContainsKey(name) && !name.Equals("Backend.Tests", StringComparison.OrdinalIgnoreCase))
            {
                assemblies[name] = Assembly.LoadFrom(file);
            }
        }
        return assemblies.Values;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static IEnumerable<string> KeysUnder(string prefix, Type type, int depth)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"Settings nested too deeply (a cycle?) at {prefix}.");
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }
            var settable = property.SetMethod is { IsPublic: true };
            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var key = prefix + SettingKey.Separator + name;
            var propertyType = property.PropertyType;
            // A get-only property is bound only by filling an instance it already holds: a mutable class or collection.
            if (!settable && (propertyType.IsInterface || propertyType.IsArray || propertyType.IsValueType || propertyType == typeof(string)))
            {
                continue;
            }

            if (IsLeaf(propertyType))
            {
                if (settable)
                {
                    yield return key;
                }
            }
            else if (ElementType(propertyType) is { } element)
            {
                foreach (var elementKey in ElementKeys(key + SettingKey.Separator + SettingKey.AnySegment, element, depth))
                {
                    yield return elementKey;
                }
            }
            else
            {
                foreach (var nested in KeysUnder(key, propertyType, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<string> ElementKeys(string key, Type element, int depth) =>
        IsLeaf(element) ? [key] : KeysUnder(key, element, depth + 1);

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri)
            || type == typeof(byte[]); // bound from a base64 string
    }

    /// <summary>The element type of an array, list, set or dictionary (by its values), else null.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (!typeof(IEnumerable).IsAssignableFrom(type) && !type.IsInterface)
        {
            return null;
        }
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        var dictionary = candidates.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }
        var enumerable = candidates.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
