internal import Foundation

/// A log search cursor: the last event served (`time`, `id`), the search it belongs to (`fingerprint`) and
/// the window fixed by its first page. Sent as unpadded base64url of
/// `{"v":1,"t":1795170600000000,"id":"api_…","q":"9f2c…","s":…,"u":…}` (times in Unix microseconds).
struct LogSearchCursor: Sendable, Equatable {
    var time: Timestamp
    var id: String
    var fingerprint: String
    var since: Timestamp
    var until: Timestamp

    init(time: Timestamp, id: String, fingerprint: String, since: Timestamp, until: Timestamp) {
        self.time = time
        self.id = id
        self.fingerprint = fingerprint
        self.since = since
        self.until = until
    }

    /// Decodes a cursor; nil when the text is not one of ours.
    init?(_ text: String) {
        var padded = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        padded += String(repeating: "=", count: (4 - padded.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let document = try? JSONParser.parse(data),
            document["v"]?.intValue == 1, let time = document["t"]?.intValue, let id = document["id"]?.stringValue,
            let fingerprint = document["q"]?.stringValue, let since = document["s"]?.intValue,
            let until = document["u"]?.intValue,
            // A cursor is the client's to send back, so its numbers are input: one past the times the simulator can
            // hold (`Int64.min` as `s`) trapped formatting the window (`isoMicros`) and killed kapso-sim.
            [time, since, until].allSatisfy({ Timestamp.readableMicros.contains(Int64($0)) })
        else { return nil }
        self.init(
            time: Timestamp(micros: Int64(time)), id: id, fingerprint: fingerprint, since: Timestamp(micros: Int64(since)),
            until: Timestamp(micros: Int64(until)))
    }

    var encoded: String {
        let document: JSONValue = [
            "v": 1, "t": .int(Int(time.micros)), "id": .string(id), "q": .string(fingerprint),
            "s": .int(Int(since.micros)), "u": .int(Int(until.micros)),
        ]
        return Data(document.encoded).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// FNV-1a 64 of `text`, as 16 hex digits: stable across runs (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
