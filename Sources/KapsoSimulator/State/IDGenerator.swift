internal import Foundation

/// Makes ids for records created at run time: sequential in deterministic mode, random otherwise.
struct IDGenerator: Sendable {
    let isSequential: Bool
    private var counter = 0

    init(isSequential: Bool) {
        self.isSequential = isSequential
    }

    /// A lowercase UUID; in sequential mode `00000000-0000-4000-8000-000000000001`, `...002`, ...
    mutating func uuid() -> String {
        counter += 1
        guard isSequential else { return UUID().uuidString.lowercased() }
        let digits = String(counter)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// Whether `text` is a UUID in the 8-4-4-4-12 hex form (either case), as the spec's `format: uuid`.
    static func isUUID(_ text: String) -> Bool {
        UUID(uuidString: text) != nil
    }

    /// Uppercase hex of `count` characters, as inside WAMIDs and trace ids.
    mutating func hex(_ count: Int) -> String {
        counter += 1
        var generator = SplitMix64(seed: isSequential ? UInt64(counter) : UInt64.random(in: .min ... .max))
        return String((0..<count).map { _ in Self.hexDigits[Int(generator.next() % 16)] })
    }

    private static let hexDigits = Array("0123456789ABCDEF")
}

/// A tiny deterministic random generator for seed data and sequential ids.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// Moves past `count` draws at once (the state only ever advances by a constant).
    mutating func skip(_ count: Int) {
        state &+= 0x9E37_79B9_7F4A_7C15 &* UInt64(count)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
