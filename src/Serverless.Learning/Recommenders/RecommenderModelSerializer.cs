using System.Text;
using Serverless.Learning.Serialization;

namespace Serverless.Learning.Recommenders;

/// <summary>
/// Saves and loads <see cref="RecommenderModel"/>s in a versioned binary format (all numbers little-endian, strings
/// length-prefixed UTF-8 as <see cref="BinaryWriter"/> writes them):
/// <code>
/// signature   4 bytes  "SLRM" (0x53 0x4C 0x52 0x4D)
/// version     int32    format version, currently 2
/// model       kind (string); [v2+] parameters (int32 count, then key and value strings);
///             items (int32 count, then strings); body of the kind:
///               popularity  float32[items] scores
///               item-knn    int32[items + 1] row offsets, int32[total] neighbours, float32[total] similarities
///               als         int32 factors, float32 alpha, float32[items × factors] item factors, float64[factors²] YᵀY + λI
///               ease        bool binary, float32[items²] weights (row = history item)
///               blend       int32 count, then per component: float32 weight, nested model (same layout)
/// [v2+] crc   uint32   CRC-32 (IEEE) of every byte from the signature to the end of the model
/// </code>
/// Version 1 had neither the parameters nor the checksum; it still loads, with empty parameters. A new version only
/// ever adds: loading keeps every older branch.
/// </summary>
public static class RecommenderModelSerializer
{
    /// <summary>The version <see cref="Save"/> writes.</summary>
    public const int CurrentVersion = 2;

    private static readonly byte[] Signature = "SLRM"u8.ToArray();

    public static void Save(RecommenderModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var checksum = new ChecksumStream(stream);
        using (var writer = new BinaryWriter(checksum, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Signature);
            writer.Write(CurrentVersion);
            WriteModel(writer, model);
        }

        using var trailer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        trailer.Write(checksum.Checksum);
    }

    /// <summary>Loads any supported version; throws <see cref="InvalidDataException"/> for a damaged or foreign file.</summary>
    public static RecommenderModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var checksum = new ChecksumStream(stream);
        RecommenderModel model;
        int version;
        using (var reader = new BinaryReader(checksum, Encoding.UTF8, leaveOpen: true))
        {
            try
            {
                Span<byte> signature = stackalloc byte[4];
                checksum.ReadExactly(signature);
                if (!signature.SequenceEqual(Signature))
                {
                    throw new InvalidDataException("Not a recommender model file (signature mismatch).");
                }

                version = reader.ReadInt32();
                if (version is < 1 or > CurrentVersion)
                {
                    throw new InvalidDataException(
                        $"Recommender model format version {version} is not supported (this build reads 1 to {CurrentVersion}).");
                }

                model = ReadModel(reader, version);
            }
            catch (EndOfStreamException exception)
            {
                throw new InvalidDataException("The model file ends early.", exception);
            }
        }

        if (version >= 2)
        {
            Span<byte> trailer = stackalloc byte[4];
            try
            {
                stream.ReadExactly(trailer);
            }
            catch (EndOfStreamException exception)
            {
                throw new InvalidDataException("The model file has no checksum.", exception);
            }

            if (BitConverter.ToUInt32(trailer) != checksum.Checksum)
            {
                throw new InvalidDataException("The model file is damaged (checksum mismatch).");
            }
        }

        return model;
    }

    internal static void WriteModel(BinaryWriter writer, RecommenderModel model)
    {
        writer.Write(model.Kind);
        writer.Write(model.Parameters.Count);
        foreach (var (key, value) in model.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(value);
        }

        ModelBinary.WriteStrings(writer, model.Items);
        model.WriteBody(writer);
    }

    internal static RecommenderModel ReadModel(BinaryReader reader, int version)
    {
        var kind = reader.ReadString();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (version >= 2)
        {
            var count = ModelBinary.ReadCount(reader);
            for (var p = 0; p < count; p++)
            {
                var key = reader.ReadString();
                parameters[key] = reader.ReadString();
            }
        }

        var items = ModelBinary.ReadStrings(reader);
        if (items.Distinct(StringComparer.Ordinal).Count() != items.Length)
        {
            throw new InvalidDataException("The model's item list has duplicates.");
        }

        return kind switch
        {
            PopularityModel.KindName => PopularityModel.ReadBody(reader, items, parameters),
            ItemKnnModel.KindName => ItemKnnModel.ReadBody(reader, items, parameters),
            ImplicitAlsModel.KindName => ImplicitAlsModel.ReadBody(reader, items, parameters),
            EaseModel.KindName => EaseModel.ReadBody(reader, items, parameters),
            BlendModel.KindName => BlendModel.ReadBody(reader, items, parameters, version),
            _ => throw new InvalidDataException($"Unknown recommender model kind '{kind}'."),
        };
    }
}
