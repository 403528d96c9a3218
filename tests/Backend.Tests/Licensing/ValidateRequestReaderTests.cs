using System.Text;
using Backend.Core.Http;
using Backend.Core.Licensing;
using EasyFacture.Licensing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Licensing;

/// <summary>
/// Validate's one-pass reader must never accept a body the general parser (<see cref="JsonObjectBody"/> and
/// <see cref="RequestFields"/>) would refuse, nor read different values from one it accepts; it may hand any body
/// back to the general parser, but not the common one.
/// </summary>
public sealed class ValidateRequestReaderTests
{
    private const string Machine = "0123456789abcdef0123456789abcdef";
    private static readonly IReadOnlySet<string> Members = new HashSet<string> { "machine_id", "license_key", "product" };

    public static TheoryData<string> Bodies => new()
    {
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1.abc.def"}""",
        $$"""{"machine_id":"{{Machine.ToUpperInvariant()}}","license_key":"EF1.abc.def","product":"easyfacture"}""",
        $$"""  {"license_key":" EF1.abc.def ","machine_id":"{{Machine}}"}  """,
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1.\u0061bc","product":"\u00e9"}""",
        $$"""{"machine_id":"0123456789abcdef0123456789abcde\u0066","license_key":"EF1"}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1","product":""}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1","product":null}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1","product":"p","product":"q"}""",
        $$"""{"machine_id":"{{Machine}}","machine_id":"{{Machine}}","license_key":"EF1"}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"   "}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1\u0000"}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"{{new string('A', LicenseKeyFormat.MaxKeyLength + 1)}}"}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1","product":"{{new string('p', 51)}}"}""",
        $$"""{"machine_id":"{{Machine[..31]}}z","license_key":"EF1"}""",
        $$"""{"machine_id":"{{Machine}}0","license_key":"EF1"}""",
        $$"""{"machine_id":{{1}},"license_key":"EF1"}""",
        $$"""{"machine_id":"{{Machine}}","license_key":["EF1"]}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1","extra":1}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1",}""",
        $$"""{"machine_id":"{{Machine}}","license_key":"EF1"} x""",
        $$"""{"machine_id":"{{Machine}}"}""",
        $$"""["machine_id"]""",
        """{}""",
        "",
        "/* */{}",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Accepts_only_what_the_general_parser_accepts_and_reads_the_same_values(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var fast = ValidateRequestReader.TryRead(bytes, out var machineId, out var licenseKey, out var product);

        var body = JsonObjectBody.Parse(new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() }, bytes, Members);
        string? slowMachine = null, slowKey = null, slowProduct = null;
        var slowAccepts = body.Error is null;
        if (slowAccepts)
        {
            var fields = body.Fields!;
            slowMachine = MachineId.TryNormalize(fields.String("machine_id", 256, required: true), out var normalized) ? normalized : null;
            slowKey = fields.String("license_key", LicenseKeyFormat.MaxKeyLength, required: true);
            slowProduct = fields.String("product", 50, required: false);
            slowAccepts = !fields.HasErrors && slowMachine is not null;
        }

        if (fast)
        {
            Assert.True(slowAccepts, "the one-pass reader accepted a body the general parser refuses");
            Assert.Equal(slowMachine, machineId);
            Assert.Equal(slowKey, licenseKey);
            Assert.Equal(slowProduct, product);
        }
    }

    [Fact]
    public void Reads_the_common_body_itself()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"machine_id":"{{Machine.ToUpperInvariant()}}","license_key":"EF1.abc.def","product":"easyfacture"}""");
        Assert.True(ValidateRequestReader.TryRead(bytes, out var machineId, out var licenseKey, out var product));
        Assert.Equal((Machine, "EF1.abc.def", "easyfacture"), (machineId, licenseKey, product));
    }

    [Fact]
    public void Refuses_invalid_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"machine_id":"{{Machine}}","license_key":"EF1X"}""");
        bytes[^3] = 0xFF;
        Assert.False(ValidateRequestReader.TryRead(bytes, out _, out _, out _));
    }
}
