extension Renderer {
    /// `parts.joined(separator: separator)`, its bytes copied into one string of the right size. The standard library's
    /// is reached through its generic entry outside the standard library, which looks up `Element`'s witness at every
    /// call, about 250,000 instructions at a process's first (docs/performance.md, "Session 60"): kops's start and the
    /// lines every `numbers` and `webhooks` command shows call this one.
    public static func joined(_ parts: [String], separator: String) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        var separator = separator
        return separator.withUTF8 { gap in
            let count = parts.reduce(gap.count * (parts.count - 1)) { $0 + $1.utf8.count }
            guard count > 0 else { return "" }
            return String(unsafeUninitializedCapacity: count) { buffer in
                var position = 0
                for index in parts.indices {
                    if index > 0, let source = gap.baseAddress {
                        (buffer.baseAddress! + position).update(from: source, count: gap.count)
                        position += gap.count
                    }
                    var part = parts[index]
                    part.withUTF8 { bytes in
                        if let source = bytes.baseAddress { (buffer.baseAddress! + position).update(from: source, count: bytes.count) }
                        position += bytes.count
                    }
                }
                return position
            }
        }
    }
}
