namespace Rushes.Contracts.Metadata;

/// <summary>What a <see cref="MetadataValue"/> holds.</summary>
public enum MetadataValueKind
{
    /// <summary>Nothing: the field is missing, and <see cref="MetadataValue.MissingReason"/> says why.</summary>
    Missing,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number.</summary>
    Number,

    /// <summary>An exact fraction.</summary>
    Rational,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A SMPTE timecode.</summary>
    Timecode,

    /// <summary>A date and time, with its offset when the source gives one.</summary>
    DateTime,

    /// <summary>A list of numbers (a matrix, a neutral, a polynomial).</summary>
    NumberList,

    /// <summary>Bytes the plugin does not interpret (an XMP packet, a maker note).</summary>
    Bytes,
}
