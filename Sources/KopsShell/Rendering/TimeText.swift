internal import KapsoClient

/// API times shortened for tables in the one format kops shows times in, ISO 8601 UTC to the second:
/// `2026-11-20T14:30:06.123456Z` → `2026-11-20T14:30:06Z`.
enum TimeText {
    /// The UTC date and time to the second, or the text unchanged when it is not ISO 8601 in UTC.
    static func short(_ iso: String?) -> String {
        if let iso, let short = shortASCII(iso) { return short }
        guard let iso, iso.count >= 19, iso.dropFirst(10).first == "T", iso.hasSuffix("Z") || iso.hasSuffix("+00:00")
        else { return iso.map(inUTC) ?? "-" }
        return iso.prefix(19) + "Z"
    }

    /// A time with another offset (`2026-11-21T02:45:40.000-05:00`, as an app with a non-UTC time zone writes it) in UTC
    /// to the second, `2026-11-21T07:45:40Z`, as every other time kops shows: beside them the raw form read as a 5-hour
    /// gap (tester69 C6); any other text as it is.
    private static func inUTC(_ text: String) -> String {
        guard text.count >= 19, text.dropFirst(10).first == "T", let seconds = KapsoTime.seconds(iso: text) else { return text }
        return KapsoTime.iso(seconds)
    }

    /// `short` for printable ASCII, where characters are bytes, read as bytes (tables show thousands of times);
    /// nil for other text.
    private static func shortASCII(_ iso: String) -> String? {
        // What the API sends, `2026-11-20T14:30:06Z`, tested in one look: the case below that keeps the text as it
        // is, read without the general tests (a table shows two a row).
        let sent = iso.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count == 20 && bytes[10] == UInt8(ascii: "T") && bytes[19] == UInt8(ascii: "Z")
                && ByteWords.allPrintableASCII(bytes, newlines: false)
        }
        if sent == true { return iso }
        var bytes = iso
        // Text already to the second in UTC (`2026-11-20T14:30:06Z`, what the API sends) or not a UTC time at all
        // is shown as it is, without a copy.
        let shape = bytes.withUTF8 { bytes -> (ascii: Bool, asIs: Bool, utc: Bool) in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return (false, false, false) }
            let utc = bytes.last == UInt8(ascii: "Z") || bytes.suffix(6).elementsEqual("+00:00".utf8)
            guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T"), utc else { return (true, true, utc) }
            return (true, bytes.count == 20 && bytes[19] == UInt8(ascii: "Z"), true)
        }
        guard shape.ascii else { return nil }
        guard shape.asIs else { return String(decoding: iso.utf8.prefix(19), as: UTF8.self) + "Z" }
        return shape.utc ? iso : inUTC(iso)
    }
}
