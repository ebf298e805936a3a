using Rushes.Testing;
using static Rushes.Plugins.Containers.Tests.Fixtures;

namespace Rushes.Plugins.Containers.Tests;

/// <summary>Each fixture's whole normalized v1 document, approved as golden JSON and valid against the schema.</summary>
public sealed class GoldenDocumentTests
{
    public static TheoryData<string> Files => ["prores-mdta.mov", "udta-df.mov", "mpeg2-df.mxf"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_normalizes_to_its_golden_document(string file)
    {
        using var reader = Open(File(file));
        Golden.VerifyJson(Document(reader).ToJsonString(), Path.GetFileNameWithoutExtension(file));
    }
}
