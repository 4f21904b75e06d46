internal import Foundation

/// An opaque paging cursor: base64 of `{"values":["2026-11-20T14:32:10.412000Z","5012"],"columns":["created_at","id"]}`.
enum Cursor {
    static func encode(_ key: RecordKey, column: String) -> String {
        let document: JSONValue = [
            "values": [.string(key.time.isoMicros), .string(key.id)], "columns": [.string(column), "id"],
        ]
        return Data(document.encoded).base64EncodedString()
    }

    /// The position a cursor names, or nil when it is not one of ours.
    static func decode(_ text: String) -> RecordKey? {
        var padded = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        padded += String(repeating: "=", count: (4 - padded.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let document = try? JSONParser.parse(data),
            let values = document["values"]?.arrayValue, values.count == 2,
            let time = values[0].stringValue.flatMap(Timestamp.init(iso:))
        else { return nil }
        let id = values[1].stringValue ?? values[1].intValue.map(String.init)
        return id.map { RecordKey(time: time, id: $0) }
    }
}
