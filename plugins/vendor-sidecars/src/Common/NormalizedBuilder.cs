using Rushes.Contracts.Metadata;
using Rushes.Contracts.Time;

namespace Rushes.Plugins.VendorSidecars.Common;

/// <summary>Collects normalized fields: each one a value in its unit, or missing with the reason.</summary>
internal sealed class NormalizedBuilder
{
    private readonly MetadataSet.Builder _set = MetadataSet.Create();

    public NormalizedBuilder Text(string key, string? value, string reasonIfEmpty)
    {
        _set.Set(key, string.IsNullOrWhiteSpace(value) ? MetadataValue.Missing(reasonIfEmpty) : MetadataValue.Of(value.Trim()));
        return this;
    }

    public NormalizedBuilder Number(string key, double? value, MetadataUnit unit, string reasonIfMissing)
    {
        _set.Set(key, value is { } v && double.IsFinite(v) ? MetadataValue.Of(v, unit) : MetadataValue.Missing(reasonIfMissing));
        return this;
    }

    public NormalizedBuilder Integer(string key, long? value, MetadataUnit unit, string reasonIfMissing)
    {
        _set.Set(key, value is { } v ? MetadataValue.Of(v, unit) : MetadataValue.Missing(reasonIfMissing));
        return this;
    }

    public NormalizedBuilder Rational(string key, Rational? value, MetadataUnit unit, string reasonIfMissing)
    {
        _set.Set(key, value is { } v ? MetadataValue.Of(v, unit) : MetadataValue.Missing(reasonIfMissing));
        return this;
    }

    public NormalizedBuilder Timecode(string key, Timecode? value, string reasonIfMissing)
    {
        _set.Set(key, value is { } v ? MetadataValue.Of(v) : MetadataValue.Missing(reasonIfMissing));
        return this;
    }

    public NormalizedBuilder DateTime(string key, DateTimeOffset? value, string reasonIfMissing)
    {
        _set.Set(key, value is { } v ? MetadataValue.Of(v) : MetadataValue.Missing(reasonIfMissing));
        return this;
    }

    public NormalizedBuilder Numbers(string key, IReadOnlyList<double>? values, string reasonIfMissing)
    {
        _set.Set(key, values is not null ? MetadataValue.Of(values, MetadataUnit.None) : MetadataValue.Missing(reasonIfMissing));
        return this;
    }

    public NormalizedBuilder Missing(string key, string reason)
    {
        _set.Set(key, MetadataValue.Missing(reason));
        return this;
    }

    public NormalizedBuilder Value(string key, MetadataValue value)
    {
        _set.Set(key, value);
        return this;
    }

    public MetadataSet Build() => _set.Build();
}
