using Backend.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Backend.Tests.Configuration;

public sealed class CodeSettingKeysTests
{
    [Fact]
    public void Nested_objects_collections_and_renamed_keys_are_named_as_configuration_binds_them()
    {
        var keys = CodeSettingKeys.KeysOf(typeof(SampleSettings)).Select(k => k.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
        [
            "Sample__Endpoint__Region",
            "Sample__Endpoint__Url",
            "Sample__Hosts__*",
            "Sample__Limits__*",
            "Sample__Name",
            "Sample__SigningKeys__*__KeyId",
            "Sample__SigningKeys__*__Pem",
            "Sample__ttl",
        ], keys);
    }

    [Theory]
    [InlineData("Sample__SigningKeys__*__KeyId", "Sample__SigningKeys__0__KeyId", true)]
    [InlineData("Sample__SigningKeys__*__KeyId", "sample__signingkeys__k2024__keyid", true)]
    [InlineData("Sample__SigningKeys__*__KeyId", "Sample__SigningKeys__KeyId", false)]
    [InlineData("Sample__Name", "Sample__Name__0", false)]
    [InlineData("Sample__Name", "Sample__Nam", false)]
    public void Patterns_match_concrete_keys(string pattern, string key, bool matches)
    {
        Assert.Equal(matches, new SettingKey(pattern).Matches(key));
    }

    private sealed class SampleSettings : ISettings
    {
        public static string SectionName => "Sample";

        public string Name { get; set; } = "";

        [ConfigurationKeyName("ttl")]
        public int TimeToLiveSeconds { get; set; }

        public EndpointSettings Endpoint { get; set; } = new();

        public List<SigningKey> SigningKeys { get; set; } = [];

        public string[] Hosts { get; set; } = [];

        public Dictionary<string, int> Limits { get; } = [];

        // Not bound: computed, or not settable.
        public TimeSpan TimeToLive => TimeSpan.FromSeconds(TimeToLiveSeconds);

        public IReadOnlyList<string> Computed => [Name];

        public IEnumerable<string> Validate() => [];
    }

    private sealed class EndpointSettings
    {
        public Uri? Url { get; set; }

        public string Region { get; set; } = "";
    }

    private sealed class SigningKey
    {
        public string KeyId { get; set; } = "";

        public string Pem { get; set; } = "";
    }
}
