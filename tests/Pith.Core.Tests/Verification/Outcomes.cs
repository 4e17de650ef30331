using Pith.Core.Verification;
using Xunit;

namespace Pith.Core.Tests.Verification;

/// <summary>Reading a verification result in tests: which checks failed or were not checked, and one check by name.</summary>
public static class Outcomes
{
    public static string[] Failed(VerificationResult result) => Named(result, CheckStatus.Fail);

    public static string[] Skipped(VerificationResult result) => Named(result, CheckStatus.Skip);

    public static Check CheckOf(VerificationResult result, string name) => Assert.Single(result.Checks, c => c.Name == name);

    private static string[] Named(VerificationResult result, CheckStatus status) =>
        result.Checks.Where(c => c.Status == status).Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();
}
