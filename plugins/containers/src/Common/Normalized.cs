using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.Containers.Common;

/// <summary>Collects normalized fields: each one a value in its schema unit, or missing with the reason it is missing.</summary>
internal sealed class Normalized
{
    private readonly MetadataSet.Builder _set = MetadataSet.Create();

    public Normalized Text(string key, string? value, string whyMissing)
        => Put(key, string.IsNullOrWhiteSpace(value) ? null : MetadataValue.Of(value.Trim()), whyMissing);

    public Normalized Number(string key, double? value, MetadataUnit unit, string whyMissing)
        => Put(key, value is { } v && double.IsFinite(v) ? MetadataValue.Of(v, unit) : null, whyMissing);

    public Normalized Integer(string key, long? value, MetadataUnit unit, string whyMissing)
        => Put(key, value is { } v ? MetadataValue.Of(v, unit) : null, whyMissing);

    public Normalized Rational(string key, Rational? value, MetadataUnit unit, string whyMissing)
        => Put(key, value is { } v ? MetadataValue.Of(v, unit) : null, whyMissing);

    public Normalized Timecode(string key, Timecode? value, string whyMissing)
        => Put(key, value is { } v ? MetadataValue.Of(v) : null, whyMissing);

    public Normalized DateTime(string key, DateTimeOffset? value, string whyMissing)
        => Put(key, value is { } v ? MetadataValue.Of(v) : null, whyMissing);

    public Normalized Missing(string key, string why) => Put(key, null, why);

    public MetadataSet Build() => _set.Build();

    private Normalized Put(string key, MetadataValue? value, string whyMissing)
    {
        _set.Set(key, value ?? MetadataValue.Missing(whyMissing));
        return this;
    }
}
