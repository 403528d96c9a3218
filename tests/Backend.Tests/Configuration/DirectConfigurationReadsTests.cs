namespace Backend.Tests.Configuration;

public sealed class DirectConfigurationReadsTests
{
    [Fact]
    public void The_source_reads_configuration_only_through_settings_classes_and_AzureConnections()
    {
        var found = DirectConfigurationReads.FindInDirectory(RepositoryFiles.PathOf("src"));

        Assert.True(found.Count == 0, "Direct configuration reads escape the consistency test; bind an ISettings class or add the key to AzureConnections:"
            + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Theory]
    [InlineData("var key = configuration[\"Textract:Region\"];")]
    [InlineData("var key = builder.Configuration[\"Anthropic__ApiKey\"];")]
    [InlineData("services.Configure<X>(configuration.GetSection(\"Licensing\"));")]
    [InlineData("var n = configuration.GetValue<int>(\"Ocr:Pages\");")]
    [InlineData("var s = configuration.GetConnectionString(\"db\");")]
    [InlineData("var s = Environment.GetEnvironmentVariable(\"AWS_REGION\");")]
    public void A_direct_read_is_found(string line)
    {
        Assert.Single(DirectConfigurationReads.Find("Sample.cs", line));
    }

    [Theory]
    [InlineData("var id = configuration[AzureConnections.Key(connection, AzureConnections.ClientId)];")]
    [InlineData(".Bind(configuration.GetSection(TSettings.SectionName))")]
    [InlineData("// configuration[\"commented out\"]")]
    public void The_sanctioned_reads_are_not_reported(string line)
    {
        Assert.Empty(DirectConfigurationReads.Find("Sample.cs", line));
    }
}
