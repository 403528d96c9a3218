using Amazon.Runtime;
using Backend.Core.Ocr;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Tests.Ocr;

public static class FakeAwsCredentials
{
    /// <summary>Static credentials for hosts talking to <see cref="FakeTextractServer"/>, without touching process environment variables.</summary>
    public static IServiceCollection AddSingletonCredentials(this IServiceCollection services) =>
        services.AddSingleton(new AwsCredentialsSource(() => new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")));
}
