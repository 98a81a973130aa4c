using System.Security.Cryptography;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// Random version-4 UUIDs in the "N" format, as <c>Guid.NewGuid().ToString("N")</c> gives them, from the same
/// cryptographic generator, but drawn 64 at a time per thread: on Linux every <c>Guid.NewGuid()</c> is a system call,
/// which made id generation one of the largest costs of running an activity.
/// </summary>
internal static class RandomIds
{
    private const int BytesPerId = 16;
    private const int IdsPerRefill = 64;

    [ThreadStatic]
    private static byte[]? _buffer;

    [ThreadStatic]
    private static int _next;

    public static string Next()
    {
        var buffer = _buffer ??= new byte[BytesPerId * IdsPerRefill];
        if (_next == 0) RandomNumberGenerator.Fill(buffer);
        Span<byte> bytes = stackalloc byte[BytesPerId];
        buffer.AsSpan(_next * BytesPerId, BytesPerId).CopyTo(bytes);
        // Never hand out the same bytes twice, even if an id is asked for again before the next refill.
        buffer.AsSpan(_next * BytesPerId, BytesPerId).Clear();
        _next = (_next + 1) % IdsPerRefill;
        // Version 4 (random) and the RFC 4122 variant, in Guid's byte order, exactly as Guid.NewGuid sets them.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("N");
    }
}
