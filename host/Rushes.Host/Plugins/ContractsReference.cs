using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Rushes.Host.Plugins;

/// <summary>Reads which contracts version an assembly was compiled against, without loading it.</summary>
public static class ContractsReference
{
    /// <summary>The name of the shared contracts assembly.</summary>
    public const string AssemblyName = "Rushes.Contracts";

    /// <summary>The referenced contracts version, or null when the assembly does not reference the contracts.</summary>
    public static Version? Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{assemblyPath} is not a .NET assembly.");
        }

        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            if (reader.GetString(reference.Name) == AssemblyName)
            {
                return reference.Version;
            }
        }

        return null;
    }
}
