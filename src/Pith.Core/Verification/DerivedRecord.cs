using Pith.Core.Documents;
using Pith.Core.Identifiers;

namespace Pith.Core.Verification;

/// <summary>A canonical record that passed its schema, with its computed digest and the Pith number derived from it.</summary>
internal readonly record struct DerivedRecord(CanonicalRecord Record, byte[] Digest, string DigestHex, PithNumber Number);
