internal import CKopsShims

/// A body in the gzip content coding (RFC 9110 §8.4.1.3, the format of RFC 1952), e.g. `1f 8b 08 …`: what a
/// request with `Content-Encoding: gzip` carries, decompressed with zlib (loaded at the first use, kops_zlib.c).
public enum Gzip {
    /// Why a body could not be decompressed.
    public enum Failure: Error, Sendable, Equatable {
        /// The bytes are not a whole gzip member: corrupt, or cut short.
        case incomplete
        /// Decompressed, it would be larger than the limit given.
        case tooLarge(limit: Int)
        /// zlib could not be loaded (libz.so.1, which libcurl depends on).
        case zlibMissing
    }

    /// The two bytes every gzip member starts with (RFC 1952 §2.3.1: ID1 31, ID2 139).
    public static let magic: [UInt8] = [0x1F, 0x8B]

    /// True when `bytes` start with gzip's magic and its one compression method, deflate (08).
    public static func isCompressed(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: magic + [0x08])
    }

    /// The bytes the first gzip member of `bytes` holds, at most `limit` of them (a small body can inflate to
    /// gigabytes); bytes after that member are ignored.
    public static func decompressed(_ bytes: [UInt8], limit: Int = 16 << 20) -> Result<[UInt8], Failure> {
        guard !bytes.isEmpty else { return .failure(.incomplete) }
        var out: UnsafeMutablePointer<UInt8>?
        var count = 0
        let status = bytes.withUnsafeBufferPointer { input in
            kops_gunzip(input.baseAddress, input.count, max(limit, 0), &out, &count)
        }
        defer { kops_gunzip_free(out) }
        switch status {
        case 0: return .success(out.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
        case 2: return .failure(.tooLarge(limit: limit))
        case -1: return .failure(.zlibMissing)
        default: return .failure(.incomplete)
        }
    }
}
