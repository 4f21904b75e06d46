internal import Foundation

/// Scans of a whole body at memory speed in any build: a generic `contains(where:)` costs tens of nanoseconds a byte
/// in a debug build, where each form of a megabyte body tried for a signature's cause took seconds (probe18 P18-19).
enum ByteScan {
    /// Whether `byte` occurs in `bytes` (memchr).
    static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, !raw.isEmpty else { return false }
            return memchr(base, Int32(byte), raw.count) != nil
        }
    }

    /// Whether a byte of `bytes` is 0x80 or above (not ASCII), read 8 bytes at a time.
    static func hasNonASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            var index = 0
            while index < words {
                if raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return true }
                index += 1
            }
            return raw[(words * 8)...].contains { $0 >= 0x80 }
        }
    }
}
