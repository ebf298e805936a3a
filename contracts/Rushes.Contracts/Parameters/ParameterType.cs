namespace Rushes.Contracts.Parameters;

/// <summary>The type of a declared parameter's value.</summary>
public enum ParameterType
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A real number.</summary>
    Number,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>One of the declared <see cref="ParameterDefinition.Choices"/>.</summary>
    Choice,
}
